/**
 * A tab in the background still answers the popup: the popup opens in a tab of its own, so the
 * page it asks about is hidden, and a long article resumed there must not wait for the tab to
 * be shown before it answers. Under the old scanner, a hidden page 30 times the demo's length
 * left the answer pending for ever after a resume (4 times in 4 in Firefox). Firefox only:
 * headless Chromium never hides a tab.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SETTINGS_VERSION } from '../../lib/settings';
import { serveGenerated } from '../../scripts/browser/server';
import { renderDemoPage } from '../../scripts/demo-page';
import { inEachBrowser, mentionsWhen, openPage, ROOT, type TestBrowser } from './helpers';

/** The demo article, its body repeated: long enough that a rescan takes many slices. */
const REPEAT = 30;

function serveLongPage() {
  const demo = renderDemoPage(join(ROOT, 'data'));
  const long = demo.replace(
    /(<article[^>]*>)([\s\S]*?)(<\/article>)/,
    (_all, open: string, inner: string, close: string) => open + inner.repeat(REPEAT) + close,
  );
  return serveGenerated({ 'long-demo.html': long }, join(ROOT, 'tests/fixtures'));
}

/** The pause, written as the popup's switch writes it (WXT storage: the value and its version). */
function setPaused(browser: TestBrowser, paused: boolean): Promise<void> {
  return browser.inExtension((api, [p, v]) => api.storage.local.set({ settings: { paused: p }, settings$: { v } }), [
    paused,
    SETTINGS_VERSION,
  ] as const);
}

inEachBrowser(
  (suite) => {
    // Headless Chromium shows every tab, so only Firefox can hide the page here. Chromium
    // checks that this still holds: the day it hides a tab, the test below is to run there too.
    if (suite.name !== 'firefox') {
      it('shows a tab behind another as visible (headless Chromium), so it cannot be hidden here', async () => {
        const behind = await openPage(suite.browser, `${suite.server.url}/unlabelled.html`);
        await openPage(suite.browser, `${suite.server.url}/unlabelled.html`);
        expect(await behind.page.evaluate(() => document.visibilityState)).toBe('visible');
      });
      return;
    }
    describe('a hidden tab', () => {
      it('answers the popup after a pause and a resume, while another tab is in front', async () => {
        const { browser, server } = suite;
        const long = await openPage(browser, `${server.url}/long-demo.html`);
        const marked = await mentionsWhen(browser, long.tabId, (r) => r.active && r.mentions.length > 0, 60_000);
        // Another tab in front: the long page is hidden from now on.
        await openPage(browser, `${server.url}/unlabelled.html`);
        expect(await long.page.evaluate(() => document.visibilityState)).toBe('hidden');
        for (let round = 1; round <= 2; round++) {
          await setPaused(browser, true);
          expect(await mentionsWhen(browser, long.tabId, (r) => !r.active)).toEqual({ active: false, reason: 'paused', mentions: [] });
          await setPaused(browser, false);
          // Each ask must come back within the driver's deadline: a pending answer fails it, naming the step.
          const resumed = await mentionsWhen(browser, long.tabId, (r) => r.active && r.mentions.length === marked.mentions.length, 60_000);
          expect(
            resumed.mentions.map((m) => m.entityId),
            `round ${round}`,
          ).toEqual(marked.mentions.map((m) => m.entityId));
        }
        expect(await long.page.evaluate(() => document.visibilityState)).toBe('hidden');
      }, 180_000);
    });
  },
  { serve: serveLongPage },
);
