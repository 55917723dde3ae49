/** Settings storage on the fake browser: migration, corrupt values, changes in quick succession. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, withPaused, withSiteEnabled } from '../../../lib/settings';

/** The store as a freshly started part of the extension sees it (migrations run on load). */
async function freshStore() {
  vi.resetModules();
  return import('../../../utils/settings-store');
}

beforeEach(() => {
  fakeBrowser.reset();
});

describe('settings storage', () => {
  it('migrates the version 1 shape once, keeping its sites and mark mode', async () => {
    await fakeBrowser.storage.local.set({ settings: { disabledSites: ['a.vn'], markMode: 'first' } });
    const store = await freshStore();
    expect(await store.loadSettings()).toEqual({ ...DEFAULT_SETTINGS, disabledSites: ['a.vn'], markMode: 'first' });
    expect(await fakeBrowser.storage.local.get(['settings', 'settings$'])).toEqual({
      settings: { ...DEFAULT_SETTINGS, disabledSites: ['a.vn'], markMode: 'first' },
      settings$: { v: 2 },
    });
  });

  it('reads a corrupt value as defaults, keeping what is valid', async () => {
    await fakeBrowser.storage.local.set({ settings: { disabledSites: ['a.vn', 3], paused: 'no' }, settings$: { v: 2 } });
    const store = await freshStore();
    expect(await store.loadSettings()).toEqual({ ...DEFAULT_SETTINGS, disabledSites: ['a.vn'] });
    await fakeBrowser.storage.local.set({ settings: 'garbage' });
    expect(await store.loadSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('reads what a newer version stored as far as it understands it', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await fakeBrowser.storage.local.set({ settings: { disabledSites: ['a.vn'], paused: true, themes: { x: 1 } }, settings$: { v: 3 } });
    const store = await freshStore();
    expect(await store.loadSettings()).toEqual({ ...DEFAULT_SETTINGS, disabledSites: ['a.vn'], paused: true });
    error.mockRestore();
  });

  it('applies changes made in quick succession one after another', async () => {
    const store = await freshStore();
    await Promise.all([
      store.updateSettings((s) => withSiteEnabled(s, 'a.vn', false)),
      store.updateSettings((s) => withPaused(s, true)),
      store.updateSettings((s) => withSiteEnabled(s, 'b.vn', false)),
    ]);
    expect(await store.loadSettings()).toEqual({ ...DEFAULT_SETTINGS, disabledSites: ['a.vn', 'b.vn'], paused: true });
  });

  it('tells watchers of every change, sanitized', async () => {
    const store = await freshStore();
    const seen: unknown[] = [];
    const unwatch = store.watchSettings((s) => seen.push(s));
    await fakeBrowser.storage.local.set({ settings: { disabledSites: ['c.vn', null] } });
    await vi.waitFor(() => expect(seen).toEqual([{ ...DEFAULT_SETTINGS, disabledSites: ['c.vn'] }]));
    unwatch();
  });
});
