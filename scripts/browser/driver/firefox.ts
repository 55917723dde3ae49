/**
 * The driver for Firefox ESR: puppeteer-core over WebDriver BiDi. Role and CSS queries run in
 * the page through query-engine.ts (puppeteer's ARIA queries do not reach Firefox's
 * accessibility tree over BiDi); every action waits for its element as Playwright's do.
 */
import { buildSync } from 'esbuild';
import type { Browser, ElementHandle, Frame, KeyInput, Page } from 'puppeteer-core';
import { FIREFOX_EXTENSION_ORIGIN, launchFirefox } from '../firefox';
import { callSource } from './call-source';
import { StepTimeout, withinDeadline } from '../deadline';
import { firefoxKeyPressSource, shortcutOf } from './commands';
import type { QueryStep } from './query-steps';
import { type FingerPoint, firefoxTouchSource, LONG_PRESS_MS, longPressPath, noTouchScreen, PHONE, swipePath, tapPath } from './touch';
import type { Elements, ExtensionApi, LaunchOptions, Role, TestBrowser, TestPage, Touchscreen } from './types';

const WAIT_MS = 15_000;
const POLL_MS = 50;
/** A step of this driver, under its deadline. */
const step = <T>(what: string, call: () => Promise<T>, ms?: number) => withinDeadline('firefox', what, call, ms);

let engineSource: string | null = null;
/** query-engine.ts and dom-accessibility-api, bundled once per run into a script for pages. */
function engine(): string {
  engineSource ??= buildSync({
    entryPoints: [new URL('./query-engine.ts', import.meta.url).pathname],
    bundle: true,
    format: 'iife',
    write: false,
    target: 'firefox128',
  }).outputFiles[0]!.text;
  return engineSource;
}

const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/** What query-engine.ts puts in the page. */
interface QueryEngine {
  queryAll(steps: QueryStep[]): Element[];
  visible(el: Element): boolean;
}

const describe = (steps: QueryStep[]) => JSON.stringify(steps);

/** Runs `call`; an error from a page that is navigating (its context gone) gives null, to ask again; any other error is thrown. */
async function retryingNavigation<T>(call: () => Promise<T>): Promise<T | null> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof StepTimeout) throw error;
    if (/context|navigat|destroyed|detached|closed|no such frame/i.test(String(error))) return null;
    throw error;
  }
}

/** Puts the query engine in the page if the page has none (a navigation drops it). */
async function ensureEngine(frame: Frame): Promise<void> {
  const present = await step(`look for the query engine in ${frame.url()}`, () =>
    frame.evaluate('typeof globalThis.__boiCanhQuery === "object"'),
  );
  if (!present) await step(`put the query engine in ${frame.url()}`, () => frame.evaluate(engine()));
}

class FirefoxElements implements Elements {
  constructor(
    private readonly page: Page,
    /** The frame whose document is queried: the page's own, or a frame's (any origin). */
    private readonly frame: () => Promise<Frame>,
    private readonly steps: QueryStep[],
  ) {}

  private with(step: QueryStep): FirefoxElements {
    return new FirefoxElements(this.page, this.frame, [...this.steps, step]);
  }

  /** Elements in the document of the frame element found so far. */
  contentFrame(): FirefoxElements {
    return new FirefoxElements(this.page, () => this.onElement('contentFrame', async (frame) => (await frame.contentFrame())!), []);
  }

  getByRole(role: Role, options: { name?: string | RegExp; level?: number } = {}): Elements {
    const name = options.name instanceof RegExp ? { source: options.name.source, flags: options.name.flags } : options.name;
    return this.with({
      kind: 'role',
      role,
      ...(name !== undefined ? { name } : {}),
      ...(options.level !== undefined ? { level: options.level } : {}),
    });
  }
  getByText(text: string): Elements {
    return this.with({ kind: 'text', text });
  }
  locator(selector: string): Elements {
    return this.with({ kind: 'css', selector });
  }
  first(): Elements {
    return this.with({ kind: 'nth', index: 0 });
  }
  last(): Elements {
    return this.with({ kind: 'nth', index: -1 });
  }
  nth(index: number): Elements {
    return this.with({ kind: 'nth', index });
  }

  /** How many elements match now, and whether the first is visible. */
  private async state(): Promise<{ count: number; visible: boolean }> {
    const frame = await this.frame();
    await ensureEngine(frame);
    return step(`query ${describe(this.steps)}`, () =>
      frame.evaluate((steps: QueryStep[]) => {
        const q = (globalThis as unknown as { __boiCanhQuery: QueryEngine }).__boiCanhQuery;
        const found = q.queryAll(steps);
        return { count: found.length, visible: found.length > 0 && q.visible(found[0]!) };
      }, this.steps),
    );
  }

  /** A query that can only ever match one element (ends in nth, first or last). */
  private get single(): boolean {
    return this.steps[this.steps.length - 1]?.kind === 'nth';
  }

  /** As Playwright's locators, an action or a wait on a query that matches several elements is an error. */
  private strict(count: number): void {
    if (count > 1 && !this.single) throw new Error(`strict mode: ${describe(this.steps)} matches ${count} elements`);
  }

  async waitFor(options: { state?: 'attached' | 'detached' | 'visible' | 'hidden'; timeout?: number } = {}): Promise<void> {
    const wanted = options.state ?? 'visible';
    const until = Date.now() + (options.timeout ?? WAIT_MS);
    for (;;) {
      const now = await retryingNavigation(() => this.state());
      if (now) {
        this.strict(now.count);
        const ok =
          wanted === 'attached'
            ? now.count > 0
            : wanted === 'detached'
              ? now.count === 0
              : wanted === 'visible'
                ? now.visible
                : !now.visible;
        if (ok) return;
      }
      if (Date.now() > until) throw new Error(`waiting for ${describe(this.steps)} to be ${wanted} timed out`);
      await sleep(POLL_MS);
    }
  }

  async count(): Promise<number> {
    return (await this.state()).count;
  }

  /**
   * The one element the query finds, found and checked in a single call to the page (a
   * re-render between two calls cannot slip in), waited for until it is there and, for an
   * action, visible and enabled.
   */
  private async handle(forAction = false): Promise<ElementHandle<Element>> {
    const until = Date.now() + WAIT_MS;
    for (;;) {
      const frame = await this.frame();
      await retryingNavigation(() => ensureEngine(frame));
      const handle = await retryingNavigation(() =>
        step(`find ${describe(this.steps)}`, () =>
          frame.evaluateHandle(
            (steps: QueryStep[], action: boolean, single: boolean) => {
              const q = (globalThis as unknown as { __boiCanhQuery: QueryEngine }).__boiCanhQuery;
              const found = q.queryAll(steps);
              if (found.length > 1 && !single) return `strict mode: matches ${found.length} elements`;
              const el = found[0];
              if (!el) return null;
              if (action && (!q.visible(el) || (el as HTMLButtonElement).disabled)) return null;
              return el;
            },
            this.steps,
            forAction,
            this.single,
          ),
        ),
      );
      const element = handle?.asElement() as ElementHandle<Element> | null | undefined;
      if (element) return element;
      const refusal = handle
        ? await step(`read why ${describe(this.steps)} was refused`, (): Promise<unknown> => handle.jsonValue())
        : null;
      if (typeof refusal === 'string') throw new Error(`${refusal}: ${describe(this.steps)}`);
      if (Date.now() > until)
        throw new Error(`waiting for ${describe(this.steps)} to be ${forAction ? 'visible and enabled' : 'attached'} timed out`);
      await sleep(POLL_MS);
    }
  }

  /** `call` on the element the query finds, as one step under the deadline. */
  private async onElement<R>(what: string, call: (handle: ElementHandle<Element>) => Promise<R>, forAction = false): Promise<R> {
    const handle = await this.handle(forAction);
    return step(`${what} ${describe(this.steps)}`, () => call(handle));
  }

  async click(): Promise<void> {
    await this.onElement('click', (handle) => handle.click(), true);
  }
  async fill(text: string): Promise<void> {
    await this.onElement(
      'fill',
      async (handle) => {
        await handle.evaluate((el) => {
          (el as HTMLInputElement).focus();
          (el as HTMLInputElement).select();
        });
        if (text) await this.page.keyboard.type(text);
        else await this.page.keyboard.press('Backspace');
      },
      true,
    );
  }
  async check(): Promise<void> {
    if (await this.isChecked()) return;
    await this.click();
    // As Playwright's check(): it fails unless the element ends up checked.
    const until = Date.now() + WAIT_MS;
    while (!(await this.isChecked())) {
      if (Date.now() > until) throw new Error(`${describe(this.steps)} did not become checked`);
      await sleep(POLL_MS);
    }
  }
  async focus(): Promise<void> {
    await this.onElement('focus', (handle) => handle.evaluate((el) => (el as HTMLElement).focus()));
  }
  async press(key: string): Promise<void> {
    await this.focus();
    await pressChord(this.page, key);
  }
  async isVisible(): Promise<boolean> {
    return (await this.state()).visible;
  }
  async isChecked(): Promise<boolean> {
    return this.onElement('isChecked', (handle) =>
      handle.evaluate((el) => (el instanceof HTMLInputElement ? el.checked : el.getAttribute('aria-checked') === 'true')),
    );
  }
  async textContent(): Promise<string | null> {
    return this.onElement('textContent', (handle) => handle.evaluate((el) => el.textContent));
  }
  async allTextContents(): Promise<string[]> {
    const frame = await this.frame();
    await ensureEngine(frame);
    return step(`allTextContents ${describe(this.steps)}`, () =>
      frame.evaluate(
        (steps: QueryStep[]) =>
          (globalThis as unknown as { __boiCanhQuery: QueryEngine }).__boiCanhQuery.queryAll(steps).map((el) => el.textContent ?? ''),
        this.steps,
      ),
    );
  }
  async inputValue(): Promise<string> {
    return this.onElement('inputValue', (handle) => handle.evaluate((el) => (el as HTMLInputElement).value));
  }
  async getAttribute(name: string): Promise<string | null> {
    return this.onElement(`getAttribute(${name})`, (handle) => handle.evaluate((el, n) => el.getAttribute(n), name));
  }
  async boundingBox(): Promise<{ x: number; y: number; width: number; height: number } | null> {
    return this.onElement('boundingBox', (handle) =>
      handle.evaluate((el) => {
        const r = el.getBoundingClientRect();
        return { x: r.left, y: r.top, width: r.width, height: r.height };
      }),
    );
  }
  async evaluate<R, A = undefined>(fn: (el: Element, arg: A) => R | Promise<R>, arg?: A): Promise<R> {
    return this.onElement('evaluate on', (handle) => handle.evaluate(fn as (el: Element, a: unknown) => R, arg as unknown) as Promise<R>);
  }
}

/** Presses a key or a chord written as Playwright writes it ("Shift+Tab"). */
function pressChord(page: Page, chord: string): Promise<void> {
  return step(`press ${chord}`, async () => {
    const keys = chord.split('+') as KeyInput[];
    const key = keys.pop()!;
    for (const modifier of keys) await page.keyboard.down(modifier);
    await page.keyboard.press(key);
    for (const modifier of keys.reverse()) await page.keyboard.up(modifier);
  });
}

/** Navigates with the BiDi command itself: Firefox sends no load event for extension pages, so `page.goto` would wait forever. */
async function navigate(browser: Browser, page: Page, url: string): Promise<void> {
  if (!url.startsWith('moz-extension:')) {
    await step(`goto ${url}`, () => page.goto(url));
    return;
  }
  const connection = (browser as unknown as { connection: { send(method: string, params: object): Promise<unknown> } }).connection;
  const context = (page.mainFrame() as unknown as { _id: string })._id;
  await step(`goto ${url}`, () => connection.send('browsingContext.navigate', { context, url, wait: 'complete' }));
}

/**
 * Touch input as native touch points from the browser window (firefoxTouchSource), the page's tab
 * brought to the front first (the points land on whatever the window shows).
 */
function touchscreen(browser: Browser, page: Page, phone: boolean): Touchscreen {
  const touch = (what: string, path: FingerPoint[]) =>
    step(`touch.${what} (${page.url()})`, async () => {
      if (!phone) throw noTouchScreen('firefox');
      await page.bringToFront();
      // Viewport CSS px to the visible area's: they differ where a page without a meta viewport is laid out wider and zoomed out.
      const view = await page.evaluate(() => ({
        url: location.href,
        left: visualViewport?.offsetLeft ?? 0,
        top: visualViewport?.offsetTop ?? 0,
        scale: visualViewport?.scale ?? 1,
      }));
      const onScreen = path.map((p) => ({ ...p, x: (p.x - view.left) * view.scale, y: (p.y - view.top) * view.scale }));
      const refusals = await inBrowserWindow(browser, firefoxTouchSource(view.url, onScreen), 'touched');
      if (refusals.length) throw new Error(`firefox driver: touch.${what} touched nothing: ${refusals.join('; ')}`);
    });
  return {
    tap: (x, y) => touch(`tap(${x}, ${y})`, tapPath(x, y)),
    longPress: (x, y, ms = LONG_PRESS_MS) => touch(`longPress(${x}, ${y}, ${ms})`, longPressPath(x, y, ms)),
    swipe: (from, to, steps) => touch(`swipe(${from.x},${from.y} → ${to.x},${to.y})`, swipePath(from, to, steps)),
  };
}

function firefoxPage(browser: Browser, page: Page, phone: boolean): TestPage {
  const root = new FirefoxElements(page, async () => page.mainFrame(), []);
  /** A call on this page, under the deadline, named with the page's address. */
  const on = <T>(what: string, call: () => Promise<T>) => step(`${what} (${page.url()})`, call);
  return {
    getByRole: (role, options) => root.getByRole(role, options),
    getByText: (text) => root.getByText(text),
    locator: (selector) => root.locator(selector),
    frameLocator: (selector) => new FirefoxElements(page, async () => page.mainFrame(), [{ kind: 'css', selector }]).contentFrame(),
    goto: (url) => navigate(browser, page, url),
    // An extension page sends no load event: it is navigated to again instead.
    reload: async () => {
      const url = await on('read location.href', () => page.evaluate(() => location.href));
      if (url.startsWith('moz-extension:')) await navigate(browser, page, url);
      else await on('reload', () => page.reload());
    },
    close: () => on('close', () => page.close()),
    bringToFront: () => on('bringToFront', () => page.bringToFront()),
    // page.url() is not updated by a BiDi navigation to an extension page.
    url: () => on('read location.href', () => page.evaluate(() => location.href)),
    evaluate: <R, A>(fn: ((arg: A) => R | Promise<R>) | string, arg?: A) =>
      on(
        'evaluate',
        () => (typeof fn === 'string' ? page.evaluate(fn) : page.evaluate(fn as (a: unknown) => R, arg as unknown)) as Promise<R>,
      ),
    addInitScript: (fn) => on('addInitScript', async () => void (await page.evaluateOnNewDocument(fn))),
    addStyleTag: (content) => on('addStyleTag', async () => void (await page.addStyleTag({ content }))),
    // A phone keeps its density. BiDi waits for innerWidth to reach the width: under a phone's
    // meta viewport rules a page without one (laid out at 980 px) never does, and this times out.
    setViewportSize: (size) => on('setViewportSize', () => page.setViewport(phone ? { ...size, deviceScaleFactor: PHONE.scale } : size)),
    screenshot: (path) => on('screenshot', async () => void (await page.screenshot({ path }))),
    waitForTimeout: (ms) => sleep(ms),
    onPageError: (listener) => page.on('pageerror', (error) => listener(error instanceof Error ? error.message : String(error))),
    onConsole: (listener) => page.on('console', (message) => listener(message.text())),
    mouse: {
      move: (x, y, options) => on('mouse.move', () => page.mouse.move(x, y, options)),
      click: (x, y) => on('mouse.click', () => page.mouse.click(x, y)),
      wheel: (deltaX, deltaY) => on('mouse.wheel', () => page.mouse.wheel({ deltaX, deltaY })),
    },
    keyboard: {
      press: (key) => pressChord(page, key),
      type: (text) => on('keyboard.type', () => page.keyboard.type(text)),
    },
    touch: touchscreen(browser, page, phone),
  };
}

/** The BiDi connection, for the commands puppeteer does not wrap. */
function bidi(browser: Browser): { send(method: string, params: object): Promise<{ result: unknown }> } {
  return (browser as unknown as { connection: { send(method: string, params: object): Promise<{ result: unknown }> } }).connection;
}

/**
 * Runs `source` in each browser window (privileged scope, which --remote-allow-system-access opens)
 * until one answers `wanted`; a promise it gives is awaited.
 */
async function inBrowserWindow(browser: Browser, source: string, wanted: string): Promise<string[]> {
  const { result: tree } = await bidi(browser).send('browsingContext.getTree', { 'moz:scope': 'chrome' });
  const answers: string[] = [];
  for (const { context } of (tree as { contexts: Array<{ context: string }> }).contexts) {
    const { result } = await bidi(browser).send('script.evaluate', { target: { context }, expression: source, awaitPromise: true });
    const answer = result as { result?: { value?: unknown }; exceptionDetails?: { text?: string } };
    const value = String(answer.result?.value ?? answer.exceptionDetails?.text ?? JSON.stringify(result));
    if (value === wanted) return [];
    answers.push(value);
  }
  return answers;
}

/** The first words of a function's source, to name the call in an error. */
const gist = (fn: (...args: never[]) => unknown) => fn.toString().replace(/\s+/g, ' ').slice(0, 80);

export async function launchFirefoxDriver(options: LaunchOptions = {}): Promise<TestBrowser> {
  const browser = await launchFirefox(options);
  const raw = new WeakMap<TestPage, Page>();
  const wrap = (page: Page) => {
    const wrapped = firefoxPage(browser, page, options.phone ?? false);
    raw.set(wrapped, page);
    return wrapped;
  };
  const newPage = () => step('newPage', () => browser.newPage());
  // Extension pages have the extension API; one kept in a background tab answers `inExtension`.
  let realm: Page | null = null;
  const extensionRealm = async () => {
    if (!realm) {
      realm = await newPage();
      await navigate(browser, realm, `${FIREFOX_EXTENSION_ORIGIN}/options.html`);
    }
    return realm;
  };
  const inExtension = async <R, A>(fn: (api: ExtensionApi, arg: A) => R | Promise<R>, arg?: A): Promise<R> => {
    const page = await extensionRealm();
    return step(`inExtension(${gist(fn)})`, () => page.evaluate(callSource(fn, 'browser', JSON.stringify(arg ?? null))) as Promise<R>);
  };
  return {
    name: 'firefox',
    newPage: async () => wrap(await newPage()),
    openExtensionPage: async (path) => {
      const page = await newPage();
      await navigate(browser, page, `${FIREFOX_EXTENSION_ORIGIN}/${path}`);
      return wrap(page);
    },
    tabIdOf: async (page) => {
      await extensionRealm();
      await page.bringToFront();
      return step(`tabIdOf(${raw.get(page)?.url()})`, () =>
        inExtension(async (api) => {
          const [tab] = await api.tabs.query({ active: true, lastFocusedWindow: true });
          return tab!.id!;
        }),
      );
    },
    inExtension,
    // A trusted key press of the command's shortcut in the browser window: Firefox's own
    // shortcut handling takes it from there, as for a reader's key press.
    runCommand: async (page, name) => {
      await page.bringToFront();
      const shortcut = await shortcutOf(inExtension, name);
      const url = await page.url();
      const refusals = await step(`runCommand(${name}, ${shortcut}) on ${url}`, () =>
        inBrowserWindow(browser, firefoxKeyPressSource(shortcut, url), 'pressed'),
      );
      if (refusals.length) throw new Error(`firefox driver: runCommand(${name}) pressed no key: ${refusals.join('; ')}`);
    },
    close: async () => {
      // A browser that does not close in time is ended: a hung close must not hold the run.
      await step('close', () => browser.close()).catch(() => browser.process()?.kill('SIGKILL'));
    },
    closed: () => new Promise<void>((done) => browser.on('disconnected', () => done())),
  };
}
