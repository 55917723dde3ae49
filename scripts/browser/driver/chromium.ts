/** The driver for Chromium: playwright-core, whose pages and locators the driver's shapes follow. */
import type { Locator, Page } from 'playwright-core';
import { launchWithExtension } from '../launch';
import { tabIdOf } from '../page-tools';
import { callSource } from './call-source';
import { dispatchCommandInWorker } from './commands';
import { STEP_MS, withinDeadline } from '../deadline';
import type { Elements, ExtensionApi, LaunchOptions, TestBrowser, TestPage } from './types';

/** A call Playwright gives no timeout of its own (evaluations, tab switches), under the deadline. */
const step = <T>(what: string, call: () => Promise<T>) => withinDeadline('chromium', what, call);

function elements(locator: Locator): Elements {
  return {
    getByRole: (role, options) => elements(locator.getByRole(role, options)),
    getByText: (text) => elements(locator.getByText(text)),
    locator: (selector) => elements(locator.locator(selector)),
    first: () => elements(locator.first()),
    last: () => elements(locator.last()),
    nth: (index) => elements(locator.nth(index)),
    waitFor: (options) => locator.waitFor(options),
    count: () => locator.count(),
    click: () => locator.click(),
    fill: (text) => locator.fill(text),
    check: () => locator.check(),
    focus: () => locator.focus(),
    press: (key) => locator.press(key),
    isVisible: () => locator.isVisible(),
    isChecked: () => locator.isChecked(),
    textContent: () => locator.textContent(),
    allTextContents: () => locator.allTextContents(),
    inputValue: () => locator.inputValue(),
    getAttribute: (name) => locator.getAttribute(name),
    boundingBox: () => locator.boundingBox(),
    // Playwright's own timeout (STEP_MS, set on the context) bounds the waits above; this one too.
    evaluate: (fn, arg) => locator.evaluate(fn as (el: Element, a: unknown) => never, arg, { timeout: STEP_MS }),
  };
}

export function chromiumPage(page: Page): TestPage {
  return {
    getByRole: (role, options) => elements(page.getByRole(role, options)),
    getByText: (text) => elements(page.getByText(text)),
    locator: (selector) => elements(page.locator(selector)),
    frameLocator: (selector) => {
      const frame = page.frameLocator(selector);
      return {
        getByRole: (role, options) => elements(frame.getByRole(role, options)),
        getByText: (text) => elements(frame.getByText(text)),
        locator: (css) => elements(frame.locator(css)),
      };
    },
    goto: async (url) => void (await page.goto(url)),
    reload: async () => void (await page.reload()),
    close: () => step(`close (${page.url()})`, () => page.close()),
    bringToFront: () => step(`bringToFront (${page.url()})`, () => page.bringToFront()),
    url: async () => page.url(),
    evaluate: (fn, arg) =>
      step(`evaluate (${page.url()})`, () =>
        typeof fn === 'string' ? page.evaluate(fn) : page.evaluate(fn as (a: unknown) => never, arg),
      ),
    addInitScript: (fn) => step('addInitScript', async () => void (await page.addInitScript(fn))),
    addStyleTag: (content) => step(`addStyleTag (${page.url()})`, async () => void (await page.addStyleTag({ content }))),
    setViewportSize: (size) => step(`setViewportSize (${page.url()})`, () => page.setViewportSize(size)),
    screenshot: async (path) => void (await page.screenshot({ path })),
    waitForTimeout: (ms) => page.waitForTimeout(ms),
    onPageError: (listener) => page.on('pageerror', (error) => listener(error.message)),
    onConsole: (listener) => page.on('console', (message) => listener(message.text())),
    mouse: {
      move: (x, y, options) => step(`mouse.move (${page.url()})`, () => page.mouse.move(x, y, options)),
      click: (x, y) => step(`mouse.click (${page.url()})`, () => page.mouse.click(x, y)),
      wheel: (dx, dy) => step(`mouse.wheel (${page.url()})`, () => page.mouse.wheel(dx, dy)),
    },
    keyboard: {
      press: (key) => step(`press ${key} (${page.url()})`, () => page.keyboard.press(key)),
      type: (text) => step(`keyboard.type (${page.url()})`, () => page.keyboard.type(text)),
    },
  };
}

/** The first words of a function's source, to name the call in an error. */
const gist = (fn: (...args: never[]) => unknown) => fn.toString().replace(/\s+/g, ' ').slice(0, 80);

export async function launchChromium(options: LaunchOptions = {}): Promise<TestBrowser> {
  const browser = await launchWithExtension(options);
  // Every action, wait and navigation fails, naming itself, well before a test's 60 s.
  browser.context.setDefaultTimeout(STEP_MS);
  const raw = new WeakMap<TestPage, Page>();
  const inExtension = <R, A>(fn: (api: ExtensionApi, arg: A) => R | Promise<R>, arg?: A) =>
    step(`inExtension(${gist(fn)})`, () => browser.worker.evaluate(callSource(fn, 'chrome', JSON.stringify(arg ?? null))) as Promise<R>);
  const wrap = (page: Page) => {
    const wrapped = chromiumPage(page);
    raw.set(wrapped, page);
    return wrapped;
  };
  return {
    name: 'chromium',
    newPage: async () => wrap(await browser.context.newPage()),
    openExtensionPage: async (path) => {
      const page = await browser.context.newPage();
      await page.goto(`chrome-extension://${browser.extensionId}/${path}`);
      return wrap(page);
    },
    tabIdOf: (page) => step(`tabIdOf(${raw.get(page)!.url()})`, () => tabIdOf(browser, raw.get(page)!)),
    // The service worker: `chrome` there returns promises.
    inExtension,
    // The service worker's own `commands.onCommand` dispatches to the listener the background
    // registered, with the tab, as Chromium does on a key press (which headless Chromium never routes there).
    runCommand: async (page, name) => {
      const tabId = await step(`tabIdOf(${raw.get(page)!.url()})`, () => tabIdOf(browser, raw.get(page)!));
      const dispatched = await step(
        `runCommand(${name}) on ${raw.get(page)!.url()}`,
        () => browser.worker.evaluate(callSource(dispatchCommandInWorker, 'chrome', JSON.stringify([name, tabId]))) as Promise<boolean>,
      );
      if (!dispatched) throw new Error(`chromium driver: runCommand(${name}): the background registered no commands.onCommand listener`);
    },
    close: () => step('close', () => browser.close()),
    closed: () => new Promise<void>((done) => browser.context.on('close', () => done())),
  };
}
