/**
 * What the end-to-end tests share: pages served locally, one browser (of each kind) per test
 * file, and (from scripts/browser/driver/actions) the extension's view of a tab, pointing at text, opening
 * cards and the popup; a record of the cards a page showed, and of the errors the background
 * reported. Tests reach the browsers only through scripts/browser/driver, so one test runs in
 * Chromium and in Firefox.
 */
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe } from 'vitest';
import { stripDiacritics } from '../../lib/normalize';
import { renderDemoPage } from '../../scripts/demo-page';
import { serveGenerated, type StaticServer } from '../../scripts/browser/server';
import { CARD_HOST_TAG } from '../../lib/constants';
import {
  launcher,
  selectedBrowsers,
  type BrowserName,
  type Elements,
  type LaunchOptions,
  type TestBrowser,
  type TestPage,
} from '../../scripts/browser/driver';

export type { BrowserName, Elements, TestBrowser, TestPage };
export {
  getMentions,
  highlightCount,
  hoverCard,
  mentionsWhen,
  openPage,
  openPopup,
  pageWhen,
  pointAt,
} from '../../scripts/browser/driver/actions';
export { sameAnswerTwice } from '../../scripts/browser/page-tools';

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
  options: {
    serve?: () => Promise<StaticServer>;
    /** false: the tests launch their own browsers. */
    shared?: boolean;
    /** How the shared browser is launched (a phone, a language…). */
    launch?: LaunchOptions;
  } = {},
): void {
  for (const name of selectedBrowsers()) {
    describe(name, () => {
      let browser: TestBrowser | undefined;
      let server: StaticServer | undefined;
      const suite: Suite = {
        name,
        get browser() {
          if (!browser)
            throw new Error(
              options.shared === false
                ? 'no shared browser here: the tests launch their own (suite.launch)'
                : 'the browser is launched in beforeAll',
            );
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
        if (options.shared !== false) browser = await launcher(name)(options.launch);
      });
      afterAll(async () => {
        await browser?.close();
        await server?.close();
      });
      body(suite);
    });
  }
}

/**
 * Starts recording, in the page, every change of the card it shows: the card's name when one
 * opens (or another replaces it), '' when it closes. A MutationObserver on the card's shadow
 * root sees each change as it happens, so a card open even for a moment is in the record.
 */
export async function recordCards(page: TestPage): Promise<void> {
  await page.evaluate((tag) => {
    const log: string[] = [];
    (window as unknown as { __cardLog: string[] }).__cardLog = log;
    let shown = '';
    let watched: ShadowRoot | null = null;
    const read = () => {
      const root = document.querySelector(tag)?.shadowRoot ?? null;
      if (root && root !== watched) {
        watched = root;
        inner.observe(root, { childList: true, subtree: true, attributes: true });
      }
      const dialog = root?.querySelector('[role="dialog"]');
      const heading = dialog && root!.getElementById(dialog.getAttribute('aria-labelledby') ?? '');
      const now = dialog ? (heading?.textContent ?? '?').trim() : '';
      if (now !== shown) log.push(now);
      shown = now;
    };
    const inner = new MutationObserver(read);
    // The host is added to <html> when the first card opens.
    new MutationObserver(read).observe(document.documentElement, { childList: true });
    read();
  }, CARD_HOST_TAG);
}

/** What recordCards has seen so far: the names of the cards as they opened, '' for each close. */
export function cardLog(page: TestPage): Promise<string[]> {
  return page.evaluate(() => {
    const log = (window as unknown as { __cardLog?: string[] }).__cardLog;
    if (!log) throw new Error('recordCards was not called on this page (or it was navigated since)');
    return [...log];
  });
}

/** Resolves after `count` frames of the page have been drawn. */
export function frames(page: TestPage, count = 2): Promise<void> {
  return page.evaluate(
    (n) =>
      new Promise<void>((done) => {
        const next = (left: number) => (left === 0 ? done() : requestAnimationFrame(() => next(left - 1)));
        next(n);
      }),
    count,
  );
}

/**
 * Resolves once `ms` of the page's clock have passed since its next frame, and two frames
 * more. For a timer of the content script's that lasts `ms` (a time the product names, such
 * as INTENT_MS or GRACE_MS) and that pointer input before the call started: the content
 * script starts such timers in the first frame after the input (hover.ts), which is this
 * frame or an earlier one, and the page's timers run in order on its one event loop, so by
 * then that timer has run and what it drew is drawn.
 */
export function pastProductTimer(page: TestPage, ms: number): Promise<void> {
  return page.evaluate(
    (wait) =>
      new Promise<void>((done) => {
        let start = -1;
        let after = -1;
        const tick = (now: number) => {
          if (start < 0) start = now;
          if (after < 0 && now - start >= wait) after = 0;
          if (after >= 0 && after++ >= 2) return done();
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
    ms,
  );
}

/**
 * Makes the background keep a list of the errors it reports (utils/report.ts writes them to
 * its console) and of the errors it does not catch: the service worker in Chromium, the
 * background page in Firefox (reached from the extension page that runs inExtension). Gives
 * a function that reads the errors since this call.
 */
export async function watchBackgroundErrors(browser: TestBrowser): Promise<() => Promise<string[]>> {
  const from = await browser.inExtension(async (api) => {
    type Watched = typeof globalThis & { __boiCanhErrors?: string[] };
    const runtime = (api as unknown as { runtime: { getBackgroundPage?: () => Promise<Watched> } }).runtime;
    // A service worker has no document; an extension page reaches the background page.
    const bg: Watched = typeof document === 'undefined' ? (globalThis as Watched) : await runtime.getBackgroundPage!();
    if (!bg.__boiCanhErrors) {
      const errors: string[] = [];
      bg.__boiCanhErrors = errors;
      const original = bg.console.error.bind(bg.console);
      const text = (x: unknown) =>
        x instanceof bg.Error || x instanceof Error ? `${(x as Error).name}: ${(x as Error).message}` : String(x);
      bg.console.error = (...args: unknown[]) => {
        errors.push(args.map(text).join(' '));
        original(...args);
      };
      bg.addEventListener('error', (event) =>
        errors.push(`uncaught: ${text((event as ErrorEvent).error ?? (event as ErrorEvent).message)}`),
      );
      bg.addEventListener('unhandledrejection', (event) =>
        errors.push(`unhandled rejection: ${text((event as PromiseRejectionEvent).reason)}`),
      );
    }
    return bg.__boiCanhErrors.length;
  });
  return () =>
    browser.inExtension(async (api, since) => {
      type Watched = typeof globalThis & { __boiCanhErrors?: string[] };
      const runtime = (api as unknown as { runtime: { getBackgroundPage?: () => Promise<Watched> } }).runtime;
      const bg: Watched = typeof document === 'undefined' ? (globalThis as Watched) : await runtime.getBackgroundPage!();
      if (!bg.__boiCanhErrors) throw new Error('the background lost its error list: it restarted, and errors since went unwatched');
      return bg.__boiCanhErrors.slice(since);
    }, from);
}
