/** The driver for Chromium: playwright-core, whose pages and locators the driver's shapes follow. */
import type { Locator, Page } from 'playwright-core';
import { launchWithExtension } from '../launch';
import { tabIdOf } from '../page-tools';
import { callSource } from './call-source';
import type { Elements, ExtensionApi, LaunchOptions, TestBrowser, TestPage } from './types';


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
    evaluate: (fn, arg) => locator.evaluate(fn as (el: Element, a: unknown) => never, arg),
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
    close: () => page.close(),
    bringToFront: () => page.bringToFront(),
    url: async () => page.url(),
    evaluate: (fn, arg) => (typeof fn === 'string' ? page.evaluate(fn) : page.evaluate(fn as (a: unknown) => never, arg)),
    addInitScript: async (fn) => void (await page.addInitScript(fn)),
    addStyleTag: async (content) => void (await page.addStyleTag({ content })),
    setViewportSize: (size) => page.setViewportSize(size),
    screenshot: async (path) => void (await page.screenshot({ path })),
    waitForTimeout: (ms) => page.waitForTimeout(ms),
    onPageError: (listener) => page.on('pageerror', (error) => listener(error.message)),
    onConsole: (listener) => page.on('console', (message) => listener(message.text())),
    mouse: {
      move: (x, y, options) => page.mouse.move(x, y, options),
      click: (x, y) => page.mouse.click(x, y),
      wheel: (dx, dy) => page.mouse.wheel(dx, dy),
    },
    keyboard: {
      press: (key) => page.keyboard.press(key),
      type: (text) => page.keyboard.type(text),
    },
  };
}

export async function launchChromium(options: LaunchOptions = {}): Promise<TestBrowser> {
  const browser = await launchWithExtension(options);
  const raw = new WeakMap<TestPage, Page>();
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
    tabIdOf: (page) => tabIdOf(browser, raw.get(page)!),
    // The service worker: `chrome` there returns promises.
    inExtension: <R, A>(fn: (api: ExtensionApi, arg: A) => R | Promise<R>, arg?: A) =>
      browser.worker.evaluate(callSource(fn, 'chrome', JSON.stringify(arg ?? null))) as Promise<R>,
    close: () => browser.close(),
    closed: () => new Promise<void>((done) => browser.context.on('close', () => done())),
  };
}
