/**
 * What the end-to-end tests share: pages served locally, one browser (of each kind) per test
 * file, the extension's view of a tab, pointing at text, opening cards and the popup. Tests
 * reach the browsers only through ./driver, so one test runs in Chromium and in Firefox.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe } from 'vitest';
import type { MentionsResponse } from '../../lib/messages';
import { stripDiacritics } from '../../lib/normalize';
import { renderDemoPage } from '../../scripts/demo-page';
import { pollMentions, textPointInPage } from '../../scripts/browser/page-tools';
import { serveStatic, type StaticServer } from '../../scripts/browser/server';
import { launcher, selectedBrowsers, type BrowserName, type Elements, type LaunchOptions, type TestBrowser, type TestPage } from './driver';

export type { BrowserName, Elements, TestBrowser, TestPage };

export const ROOT = resolve(import.meta.dirname, '../..');

/**
 * Serves tests/fixtures/ and, generated from data/, the demo page (demo.html) with its
 * NFD (demo-nfd.html) and diacritic-free (demo-bare.html) versions.
 */
export async function servePages(...moreDirs: string[]): Promise<StaticServer> {
  const generated = mkdtempSync(join(tmpdir(), 'boi-canh-pages-'));
  const demo = renderDemoPage(join(ROOT, 'data'));
  writeFileSync(join(generated, 'demo.html'), demo);
  writeFileSync(join(generated, 'demo-nfd.html'), demo.normalize('NFD'));
  writeFileSync(join(generated, 'demo-bare.html'), stripDiacritics(demo));
  const server = await serveStatic(...moreDirs, generated, join(ROOT, 'tests/fixtures'));
  return {
    url: server.url,
    close: async () => {
      await server.close();
      rmSync(generated, { recursive: true, force: true });
    },
  };
}

export interface Suite {
  readonly name: BrowserName;
  readonly browser: TestBrowser;
  readonly server: StaticServer;
  /** Another browser of the same kind (another language, colour scheme or profile); the test closes it. */
  launch(options?: LaunchOptions): Promise<TestBrowser>;
}

/**
 * The tests in `body`, once per browser (each in a describe block named after it), with one
 * browser and the served pages shared by the block.
 */
export function inEachBrowser(
  body: (suite: Suite) => void,
  options: { serve?: () => Promise<StaticServer>; /** false: the tests launch their own browsers. */ shared?: boolean } = {},
): void {
  for (const name of selectedBrowsers()) {
    describe(name, () => {
      const suite = { name, launch: (o?: LaunchOptions) => launcher(name)(o) } as Suite & { browser: TestBrowser; server: StaticServer };
      beforeAll(async () => {
        suite.server = await (options.serve ?? servePages)();
        if (options.shared !== false) suite.browser = await launcher(name)();
      });
      afterAll(async () => {
        await suite.browser?.close();
        await suite.server?.close();
      });
      body(suite);
    });
  }
}

export function getMentions(browser: TestBrowser, tabId: number): Promise<MentionsResponse> {
  return browser.inExtension((api, id) => api.tabs.sendMessage(id, { type: 'get-mentions' }), tabId);
}

/** Asks the tab's content script until its answer satisfies `done` (or 10 s pass: the last answer). */
export function mentionsWhen(browser: TestBrowser, tabId: number, done: (r: MentionsResponse) => boolean, timeoutMs = 10_000): Promise<MentionsResponse> {
  return pollMentions(() => getMentions(browser, tabId), done, timeoutMs);
}

/** Opens a served page and waits until the content script answers. */
export async function openPage(browser: TestBrowser, url: string): Promise<{ page: TestPage; tabId: number }> {
  const page = await browser.newPage();
  await page.goto(url);
  const tabId = await browser.tabIdOf(page);
  await mentionsWhen(browser, tabId, () => true);
  return { page, tabId };
}

/** The number of ranges in the extension's highlight, as the page sees it. */
export function highlightCount(page: TestPage): Promise<number> {
  return page.evaluate(() => CSS.highlights.get('boi-canh')?.size ?? 0);
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

/** Sends the message the keyboard shortcuts send (browsers deliver commands only to real key presses, not to scripted ones). */
export function pressShortcut(browser: TestBrowser, tabId: number, direction: 1 | -1): Promise<unknown> {
  return browser.inExtension((api, [id, d]) => api.tabs.sendMessage(id, { type: 'step-mention', direction: d }), [tabId, direction] as const);
}
