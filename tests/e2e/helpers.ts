/**
 * What the end-to-end tests share: pages served locally, one browser (of each kind) per test
 * file, and (from scripts/browser/driver/actions) the extension's view of a tab, pointing at text, opening
 * cards and the popup. Tests reach the browsers only through scripts/browser/driver, so one test runs in
 * Chromium and in Firefox.
 */
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe } from 'vitest';
import { stripDiacritics } from '../../lib/normalize';
import { renderDemoPage } from '../../scripts/demo-page';
import { serveGenerated, type StaticServer } from '../../scripts/browser/server';
import { launcher, selectedBrowsers, type BrowserName, type Elements, type LaunchOptions, type TestBrowser, type TestPage } from '../../scripts/browser/driver';

export type { BrowserName, Elements, TestBrowser, TestPage };
export { getMentions, highlightCount, hoverCard, mentionsWhen, openPage, openPopup, pointAt, pressShortcut } from '../../scripts/browser/driver/actions';

export const ROOT = resolve(import.meta.dirname, '../..');

/**
 * Serves tests/fixtures/ and, generated from data/, the demo page (demo.html) with its
 * NFD (demo-nfd.html) and diacritic-free (demo-bare.html) versions.
 */
export function servePages(): Promise<StaticServer> {
  const demo = renderDemoPage(join(ROOT, 'data'));
  return serveGenerated(
    { 'demo.html': demo, 'demo-nfd.html': demo.normalize('NFD'), 'demo-bare.html': stripDiacritics(demo) },
    join(ROOT, 'tests/fixtures'),
  );
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
      let browser: TestBrowser | undefined;
      let server: StaticServer | undefined;
      const suite: Suite = {
        name,
        get browser() {
          if (!browser) throw new Error(options.shared === false ? 'no shared browser here: the tests launch their own (suite.launch)' : 'the browser is launched in beforeAll');
          return browser;
        },
        get server() {
          if (!server) throw new Error('the pages are served in beforeAll');
          return server;
        },
        launch: (o?: LaunchOptions) => launcher(name)(o),
      };
      beforeAll(async () => {
        server = await (options.serve ?? servePages)();
        if (options.shared !== false) browser = await launcher(name)();
      });
      afterAll(async () => {
        await browser?.close();
        await server?.close();
      });
      body(suite);
    });
  }
}
