// @vitest-environment happy-dom
/** The popup (in the test browser's language) paints and takes input before the dataset and the search index have loaded. */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { App, type PopupData, type PopupPorts } from '../../../../components/popup/App';
import { T } from '../../../../components/strings';
import { DEFAULT_SETTINGS, type Settings } from '../../../../lib/settings';

function ports(loadData: () => Promise<PopupData>, changes: Array<Settings> = [], host: string | null = 'vnexpress.net'): PopupPorts {
  let settings: Settings = DEFAULT_SETTINGS;
  return {
    loadData,
    pageInfo: async () => (host === null ? null : { host, active: true, lang: 'vi' }),
    mentions: async () => ({ active: true, mentions: [] }),
    reveal: () => undefined,
    loadSettings: async () => settings,
    watchSettings: () => () => undefined,
    updateSettings: async (change) => {
      settings = change(settings);
      changes.push(settings);
    },
    shortcut: async () => 'Alt+Shift+O',
    openOptions: () => undefined,
    openShortcutSettings: () => undefined,
  };
}

afterEach(cleanup);

describe('the popup before its data', () => {
  it('shows the search box and the site switch while the index is still loading', async () => {
    const never = () => new Promise<PopupData>(() => undefined);
    render(<App ports={ports(never)} initialEntity={null} />);
    const box = screen.getByRole('searchbox');
    fireEvent.input(box, { target: { value: 'putin' } });
    expect(await screen.findByText(T.loading)).toBeTruthy();
    expect(await screen.findByRole('switch', { name: T.siteSwitch('vnexpress.net') })).toBeTruthy();
    expect(screen.getByText(T.shortcut('Alt+Shift+O'))).toBeTruthy();
  });

  it('writes the site switch and the pause through settings', async () => {
    const changes: Settings[] = [];
    render(<App ports={ports(() => new Promise(() => undefined), changes)} initialEntity={null} />);
    const site = await screen.findByRole<HTMLInputElement>('switch', { name: T.siteSwitch('vnexpress.net') });
    expect(site.checked).toBe(true);
    fireEvent.click(site);
    await waitFor(() => expect(changes.at(-1)?.disabledSites).toEqual(['vnexpress.net']));
    fireEvent.click(screen.getByRole('switch', { name: T.pauseAll }));
    await waitFor(() => expect(changes.at(-1)?.paused).toBe(true));
  });

  it('offers the pause on a page where Bối cảnh cannot run, without a site switch', async () => {
    render(<App ports={ports(() => new Promise(() => undefined), [], null)} initialEntity={null} />);
    expect(await screen.findByText(T.notAPage)).toBeTruthy();
    expect(await screen.findByRole('switch', { name: T.pauseAll })).toBeTruthy();
    expect(screen.queryAllByRole('switch')).toHaveLength(1);
  });
});

describe('the popup while its tab reloads', () => {
  it('keeps the site switch when the tab does not answer for a moment after a change, and asks again', async () => {
    // The tab answers, then twice not (it is reloading), then again.
    const answers: Array<boolean> = [true, false, false, true];
    let asked = 0;
    let changed: ((s: Settings) => void) | null = null;
    const base = ports(() => new Promise(() => undefined));
    const reloading: PopupPorts = {
      ...base,
      pageInfo: async () => (answers[Math.min(asked++, answers.length - 1)] ? { host: 'vnexpress.net', active: true, lang: 'vi' } : null),
      watchSettings: (callback) => {
        changed = callback;
        return () => undefined;
      },
    };
    render(<App ports={reloading} initialEntity={null} />);
    await screen.findByRole('switch', { name: T.siteSwitch('vnexpress.net') });
    changed!({ ...DEFAULT_SETTINGS, disabledSites: ['vnexpress.net'] });
    // Asked again after the change (no answer), then again until the tab answers.
    await waitFor(() => expect(asked).toBe(4), { timeout: 3000 });
    const site = screen.getByRole<HTMLInputElement>('switch', { name: T.siteSwitch('vnexpress.net') });
    expect(site.checked).toBe(false);
  });
});
