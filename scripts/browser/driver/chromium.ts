/** The driver for Chromium: playwright-core, whose pages and locators the driver's shapes follow. */
import type { CDPSession, Locator, Page } from 'playwright-core';
import { launchWithExtension } from '../launch';
import { tabIdOf } from '../page-tools';
import { callSource } from './call-source';
import { dispatchCommandInWorker } from './commands';
import { STEP_MS, withinDeadline } from '../deadline';
import { type FingerPoint, LONG_PRESS_MS, longPressPath, noTouchScreen, swipePath } from './touch';
import type { Elements, ExtensionApi, LaunchOptions, TestBrowser, TestPage, Touchscreen } from './types';

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

const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/**
 * Chromium's long-press time in DevTools' touch mode, as measured (the context menu comes about
 * 680 ms after touchstart); a shorter hold is sent as a tap held down, which ends in a click as on
 * a phone (that mode gives such a hold neither a click nor a context menu).
 */
const LONG_PRESS_AFTER_MS = 700;

/**
 * A long press through DevTools' touch-from-mouse mode, whose gesture detector keeps its long-press
 * timer: touches sent with Input.dispatchTouchEvent (and Playwright's tap) go through one that has
 * none, so a held touch there still ends in a click, with no context menu and no selection.
 */
async function holdFinger(page: Page, cdp: CDPSession, x: number, y: number, ms: number): Promise<void> {
  // In this mode Chromium answers these mouse events late or never (not even once the mode is off):
  // they are sent without waiting for an answer, a failure ignored (the page shows what happened).
  const mouse = (type: 'mousePressed' | 'mouseReleased') =>
    void cdp.send('Input.dispatchMouseEvent', { type, x, y, button: 'left', clickCount: 1 }).catch(() => undefined);
  await cdp.send('Emulation.setEmitTouchEventsForMouse', { enabled: true, configuration: 'mobile' });
  try {
    mouse('mousePressed');
    await sleep(ms);
    mouse('mouseReleased');
  } finally {
    await cdp.send('Emulation.setEmitTouchEventsForMouse', { enabled: false });
  }
  // A frame, for the lifted finger's events to reach the page before the caller looks.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(done)));
}

/**
 * A finger moved along `path` with Input.dispatchTouchEvent: touchmoves reach the page and Chromium
 * scrolls. Each point is sent at its time from the start, without waiting for the one before to be
 * answered: Chromium answers a touchmove only once a frame has handled it (about 33–66 ms while it
 * scrolls), which would stretch a swipe to several times its length.
 */
async function moveFinger(cdp: CDPSession, path: readonly FingerPoint[]): Promise<void> {
  const start = Date.now();
  let due = 0;
  // Each answer is taken as it comes (a failure kept as the answer), so none goes unhandled meanwhile.
  const answers: Array<Promise<unknown>> = [];
  for (const [i, point] of path.entries()) {
    due += point.after;
    if (point.after) await sleep(due - (Date.now() - start));
    const type = point.lift ? 'touchEnd' : i === 0 ? 'touchStart' : 'touchMove';
    const sent = cdp.send('Input.dispatchTouchEvent', { type, touchPoints: point.lift ? [] : [{ x: point.x, y: point.y }] });
    answers.push(
      sent.then(
        () => null,
        (error: unknown) => error ?? `${type} failed`,
      ),
    );
  }
  const failure = (await Promise.all(answers)).find((answer) => answer !== null);
  if (failure) throw failure;
}

function touchscreen(page: Page, phone: boolean): Touchscreen {
  let cdp: Promise<CDPSession> | undefined;
  const session = () => (cdp ??= page.context().newCDPSession(page));
  const touch = (what: string, call: () => Promise<void>) =>
    step(`touch.${what} (${page.url()})`, async () => {
      if (!phone) throw noTouchScreen('chromium');
      await call();
    });
  return {
    tap: (x, y) => touch(`tap(${x}, ${y})`, () => page.touchscreen.tap(x, y)),
    longPress: (x, y, ms = LONG_PRESS_MS) =>
      touch(`longPress(${x}, ${y}, ${ms})`, async () =>
        ms >= LONG_PRESS_AFTER_MS ? holdFinger(page, await session(), x, y, ms) : moveFinger(await session(), longPressPath(x, y, ms)),
      ),
    swipe: (from, to, steps) =>
      touch(`swipe(${from.x},${from.y} → ${to.x},${to.y})`, async () => moveFinger(await session(), swipePath(from, to, steps))),
  };
}

export function chromiumPage(page: Page, phone = false): TestPage {
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
    touch: touchscreen(page, phone),
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
    const wrapped = chromiumPage(page, options.phone ?? false);
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
