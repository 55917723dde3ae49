/**
 * What the benchmarks, the evaluation, the demo and the end-to-end tests do to a page: find
 * its tab id as the extension knows it, ask its content script for mentions (until an
 * answer will do, or fail naming the wait), find a piece of its text on screen, wait for
 * the content script to rest.
 */
import type { Page } from 'playwright-core';
import type { MentionsResponse } from '../../lib/messages';
import { StepTimeout } from './deadline';
import type { ExtensionBrowser } from './launch';
import { SLICE_MEASURE } from '../../lib/constants';

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

/** How long to ask, and what a timeout gives: an error naming the wait (by default) or the last answer. */
export interface MentionsWait {
  timeoutMs?: number;
  /** On a timeout, give the last answer instead of throwing (for tools that report what they got). */
  orLast?: boolean;
}

/** Asks until the answer satisfies `done`; throws on a timeout unless `orLast` (a number: the timeout). */
export async function mentionsWhen(
  browser: ExtensionBrowser,
  tabId: number,
  done: (r: MentionsResponse) => boolean,
  wait: number | MentionsWait = {},
): Promise<MentionsResponse> {
  return pollMentions(() => getMentions(browser, tabId), done, wait);
}

/** A `done` for the polls below: the same answer twice in a row (the content script has settled). */
export function sameAnswerTwice(): (r: MentionsResponse) => boolean {
  let last = '';
  const done = (r: MentionsResponse) => {
    const now = JSON.stringify(r);
    const settled = now === last;
    last = now;
    return settled;
  };
  // What a timeout names.
  done.toString = () => 'the same answer twice in a row';
  return done;
}

/** An answer in short, for an error message: active or why not, and the first mentions' entity ids. */
export function describeAnswer(r: MentionsResponse): string {
  if (!r.active) return `inactive (${r.reason ?? 'no reason'})`;
  const ids = r.mentions.slice(0, 8).map((m) => m.entityId);
  return `active, ${r.mentions.length} mention(s)${ids.length ? `: ${ids.join(', ')}${r.mentions.length > ids.length ? ', …' : ''}` : ''}`;
}

/** The condition a poll waited for, as its source says it (one line, cut short). */
function describeCondition(done: (r: MentionsResponse) => boolean): string {
  const source = String(done).replace(/\s+/g, ' ');
  return source.length > 160 ? `${source.slice(0, 157)}…` : source;
}

/**
 * Asks `ask` every 100 ms until the answer satisfies `done`; a content script not there yet is
 * asked again. On a timeout it throws, naming the condition and the last answer (or, with
 * `orLast`, gives that answer back).
 */
export async function pollMentions(
  ask: () => Promise<MentionsResponse>,
  done: (r: MentionsResponse) => boolean,
  wait: number | MentionsWait = {},
): Promise<MentionsResponse> {
  const { timeoutMs = 10_000, orLast = false } = typeof wait === 'number' ? { timeoutMs: wait } : wait;
  const until = Date.now() + timeoutMs;
  let last: MentionsResponse | null = null;
  let lastError: unknown = null;
  for (;;) {
    let response: MentionsResponse | null = null;
    try {
      response = await ask();
    } catch (error) {
      // A browser call that hung is a failure of its own; otherwise the content script is
      // not there yet (page still loading) and is asked again.
      if (error instanceof StepTimeout) throw error;
      lastError = error;
    }
    if (response) last = response;
    if (response && done(response)) return response;
    if (Date.now() > until) {
      if (last && orLast) return last;
      throw new Error(
        last
          ? `get-mentions: no answer satisfied ${describeCondition(done)} within ${timeoutMs} ms; the last: ${describeAnswer(last)}`
          : `get-mentions: the content script never answered within ${timeoutMs} ms (waiting for ${describeCondition(done)}; the last error: ${lastError instanceof Error ? lastError.message : String(lastError)})`,
      );
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
    (slice) => {
      const slices = performance.getEntriesByName(slice);
      const last = slices.reduce((m, e) => Math.max(m, e.startTime + e.duration), 0);
      return slices.length > 0 && performance.now() - last > 1000;
    },
    SLICE_MEASURE,
    { timeout: 60_000, polling },
  );
}
