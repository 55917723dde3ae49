/**
 * What the benchmarks, the evaluation, the demo and the end-to-end tests do to a page: find
 * its tab id as the extension knows it, ask its content script for mentions (until an
 * answer will do), find a piece of its text on screen, wait for the content script to rest.
 */
import type { Page } from 'playwright-core';
import type { MentionsResponse } from '../../lib/messages';
import type { ExtensionBrowser } from './launch';

/** The tab id of a page, as the extension knows it (the page is brought to the front). */
export async function tabIdOf(browser: ExtensionBrowser, page: Page): Promise<number> {
  await page.bringToFront();
  return browser.worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tab!.id!;
  });
}

export function getMentions(browser: ExtensionBrowser, tabId: number): Promise<MentionsResponse> {
  return browser.worker.evaluate((id) => chrome.tabs.sendMessage(id, { type: 'get-mentions' }), tabId);
}

/** Asks until the answer satisfies `done` (or the time runs out, returning the last answer). */
export async function mentionsWhen(
  browser: ExtensionBrowser,
  tabId: number,
  done: (r: MentionsResponse) => boolean,
  timeoutMs = 10_000,
): Promise<MentionsResponse> {
  return pollMentions(() => getMentions(browser, tabId), done, timeoutMs);
}

/** A `done` for the polls below: the same answer twice in a row (the content script has settled). */
export function sameAnswerTwice(): (r: MentionsResponse) => boolean {
  let last = '';
  return (r) => {
    const now = JSON.stringify(r);
    const settled = now === last;
    last = now;
    return settled;
  };
}

/** Asks `ask` every 100 ms until the answer satisfies `done`; a content script not there yet is asked again. */
export async function pollMentions(
  ask: () => Promise<MentionsResponse>,
  done: (r: MentionsResponse) => boolean,
  timeoutMs = 10_000,
): Promise<MentionsResponse> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    let response: MentionsResponse | null = null;
    try {
      response = await ask();
    } catch {
      // The content script is not there yet (page still loading).
    }
    if (response && done(response)) return response;
    if (Date.now() > until) {
      if (response) return response;
      throw new Error('the content script never answered get-mentions');
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Runs in the page (main world, no extension code): scrolls the nth occurrence of a text into
 * view and gives the centre of its first line box, or null.
 */
export function textPointInPage([needle, n]: readonly [string, number]): { x: number; y: number } | null {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let seen = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const data = (node as Text).data;
    for (let at = data.indexOf(needle); at >= 0; at = data.indexOf(needle, at + 1)) {
      if (seen++ < n) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + needle.length);
      (node.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
      const rect = range.getClientRects()[0]!;
      return { x: rect.left + Math.min(rect.width / 2, 20), y: rect.top + rect.height / 2 };
    }
  }
  return null;
}

/**
 * Waits until the content script has been quiet for a second: no new `boi-canh:slice` measure
 * since. For recordings (profiles, traces), where asking it would add work to what is recorded.
 */
export async function contentScriptQuiet(page: Page, polling: number): Promise<void> {
  await page.waitForFunction(
    () => {
      const slices = performance.getEntriesByName('boi-canh:slice');
      const last = slices.reduce((m, e) => Math.max(m, e.startTime + e.duration), 0);
      return slices.length > 0 && performance.now() - last > 1000;
    },
    undefined,
    { timeout: 60_000, polling },
  );
}
