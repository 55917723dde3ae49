/** What a reader (or the demo) does through a driver: ask a tab for its mentions, point at text, open a card or the popup. */
import type { MentionsResponse } from '../../../lib/messages';
import { pollMentions, textPointInPage, type MentionsWait } from '../page-tools';
import type { Elements, TestBrowser, TestPage } from './types';
import { HIGHLIGHT_NAME } from '../../../lib/constants';

export function getMentions(browser: TestBrowser, tabId: number): Promise<MentionsResponse> {
  return browser.inExtension((api, id) => api.tabs.sendMessage(id, { type: 'get-mentions' }), tabId);
}

/**
 * Asks the tab's content script until its answer satisfies `done`. After 10 s (or `wait`: a
 * number of ms, or { timeoutMs, orLast }) it throws, naming the condition and the last
 * answer; with `orLast` it gives that answer back instead.
 */
export function mentionsWhen(
  browser: TestBrowser,
  tabId: number,
  done: (r: MentionsResponse) => boolean,
  wait: number | MentionsWait = {},
): Promise<MentionsResponse> {
  return pollMentions(() => getMentions(browser, tabId), done, wait);
}

/** The number of ranges in the extension's highlight, as the page sees it. */
export function highlightCount(page: TestPage): Promise<number> {
  return page.evaluate((name) => CSS.highlights.get(name)?.size ?? 0, HIGHLIGHT_NAME);
}

/** The popup as the toolbar button opens it for `tabId`, at the toolbar popup's size. */
export async function openPopup(browser: TestBrowser, tabId: number): Promise<TestPage> {
  const popup = await browser.openExtensionPage(`popup.html?tabId=${tabId}`);
  await popup.setViewportSize({ width: 380, height: 600 });
  return popup;
}

/** The centre of the first line box of the nth occurrence of `text`, scrolled into view. */
export async function pointAt(page: TestPage, text: string, nth = 0): Promise<{ x: number; y: number }> {
  const point = await page.evaluate(textPointInPage, [text, nth] as const);
  if (!point) throw new Error(`"${text}" is not on the page`);
  return point;
}

/** Rests the pointer on `text` and waits for the card named `name`. */
export async function hoverCard(page: TestPage, text: string, name: string | RegExp): Promise<Elements> {
  const point = await pointAt(page, text);
  await page.mouse.move(point.x, point.y);
  const card = page.getByRole('dialog', { name });
  await card.waitFor({ state: 'visible' });
  return card;
}

/** Opens a served page and waits until the content script answers. */
export async function openPage(browser: TestBrowser, url: string): Promise<{ page: TestPage; tabId: number }> {
  const page = await browser.newPage();
  await page.goto(url);
  const tabId = await browser.tabIdOf(page);
  await mentionsWhen(browser, tabId, () => true);
  return { page, tabId };
}

/**
 * Reads `probe(arg)` in the page every 100 ms until `done` says yes. After `timeoutMs` it
 * throws, naming what it waited for and the last reading.
 */
export async function pageWhen<R, A>(
  page: TestPage,
  what: string,
  probe: (arg: A) => R,
  arg: A,
  done: (reading: R) => boolean,
  timeoutMs = 10_000,
): Promise<R> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const reading = await page.evaluate(probe, arg);
    if (done(reading)) return reading;
    if (Date.now() > until) throw new Error(`${what}: not within ${timeoutMs} ms; the last reading: ${JSON.stringify(reading)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
