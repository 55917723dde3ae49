/** What the end-to-end tests share: pages served locally, the extension's view of a tab, pointing at text. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { stripDiacritics } from '../../lib/normalize';
import { renderDemoPage } from '../../scripts/demo-page';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/browser/launch';
import { getMentions, mentionsWhen, pointAt, tabIdOf } from '../../scripts/browser/page-tools';
import { serveStatic, type StaticServer } from '../../scripts/browser/server';

export { getMentions, mentionsWhen, pointAt, tabIdOf };

export const ROOT = resolve(import.meta.dirname, '../..');

/**
 * Serves tests/fixtures/ and, generated from data/, the demo page (demo.html) with its
 * NFD (demo-nfd.html) and diacritic-free (demo-bare.html) versions.
 */
export async function servePages(): Promise<StaticServer> {
  const generated = mkdtempSync(join(tmpdir(), 'boi-canh-pages-'));
  const demo = renderDemoPage(join(ROOT, 'data'));
  writeFileSync(join(generated, 'demo.html'), demo);
  writeFileSync(join(generated, 'demo-nfd.html'), demo.normalize('NFD'));
  writeFileSync(join(generated, 'demo-bare.html'), stripDiacritics(demo));
  const server = await serveStatic(generated, join(ROOT, 'tests/fixtures'));
  return {
    url: server.url,
    close: async () => {
      await server.close();
      rmSync(generated, { recursive: true, force: true });
    },
  };
}

/** One browser with the extension and the served pages for a whole test file. */
export function extensionSuite(): { readonly browser: ExtensionBrowser; readonly server: StaticServer } {
  const suite = {} as { browser: ExtensionBrowser; server: StaticServer };
  beforeAll(async () => {
    suite.server = await servePages();
    suite.browser = await launchWithExtension();
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.server?.close();
  });
  return suite;
}

/** Opens a served page and waits until the content script answers. */
export async function openPage(browser: ExtensionBrowser, url: string): Promise<{ page: Page; tabId: number }> {
  const page = await browser.context.newPage();
  await page.goto(url);
  const tabId = await tabIdOf(browser, page);
  await mentionsWhen(browser, tabId, () => true);
  return { page, tabId };
}

/** The number of ranges in the extension's highlight, as the page sees it. */
export function highlightCount(page: Page): Promise<number> {
  return page.evaluate(() => CSS.highlights.get('boi-canh')?.size ?? 0);
}

export async function openPopup(browser: ExtensionBrowser, tabId: number): Promise<Page> {
  const popup = await browser.context.newPage();
  await popup.setViewportSize({ width: 380, height: 600 });
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tabId=${tabId}`);
  return popup;
}

/** Rests the pointer on `text` and waits for the card named `name`. */
export async function hoverCard(page: Page, text: string, name: string | RegExp): Promise<Locator> {
  const point = await pointAt(page, text);
  await page.mouse.move(point.x, point.y);
  const card = page.getByRole('dialog', { name });
  await card.waitFor({ state: 'visible' });
  return card;
}
