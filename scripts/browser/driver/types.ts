/**
 * What an end-to-end test may do with a browser, whichever it is. The shapes follow
 * Playwright's (Chromium is driven by playwright-core); the Firefox driver gives the same
 * through puppeteer-core over WebDriver BiDi. Tests speak only of these.
 */

export type BrowserName = 'chromium' | 'firefox';

/** The extension API as an extension context sees it: `browser` in Firefox, `chrome` in Chromium (both promise-based here). */
export interface ExtensionApi {
  commands: { getAll(): Promise<Array<{ name?: string; shortcut?: string }>> };
  tabs: {
    query(query: { active?: boolean; lastFocusedWindow?: boolean }): Promise<Array<{ id?: number }>>;
    sendMessage(tabId: number, message: unknown): Promise<never>;
  };
  storage: {
    onChanged: { addListener(listener: (changes: Record<string, { newValue?: unknown }>, area: string) => void): void };
    session: { set(items: Record<string, unknown>): Promise<void>; get(keys: null): Promise<Record<string, unknown>> };
    local: {
      set(items: Record<string, unknown>): Promise<void>;
      get(keys: string | null): Promise<Record<string, unknown>>;
      clear(): Promise<void>;
    };
  };
}

export type Role =
  | 'button'
  | 'checkbox'
  | 'dialog'
  | 'heading'
  | 'link'
  | 'list'
  | 'listbox'
  | 'listitem'
  | 'main'
  | 'option'
  | 'radio'
  | 'region'
  | 'searchbox'
  | 'status'
  | 'switch'
  | 'textbox'
  | 'alert'
  | 'group';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A point in the viewport, in CSS px. */
export interface Point {
  x: number;
  y: number;
}

/**
 * A finger on the phone's touch screen (LaunchOptions.phone), at viewport CSS coordinates (as
 * getBoundingClientRect gives them), through each browser's own gesture handling: its
 * compatibility mouse events, clicks, context menu and scrolling. docs/browsers.md (Touch
 * emulation) says where the two browsers differ.
 */
export interface Touchscreen {
  /** A finger down and straight up: touchstart, touchend, then the browser's own mouse events and click. */
  tap(x: number, y: number): Promise<void>;
  /**
   * A finger held still for `ms` (800 unless said), then lifted: past the browser's long-press
   * time, its context menu and word selection, and no click; a shorter hold is a slow tap.
   */
  longPress(x: number, y: number, ms?: number): Promise<void>;
  /** A finger put down at `from`, dragged to `to` in `steps` even moves (10 unless said) about 16 ms apart, and lifted there. */
  swipe(from: Point, to: Point, steps?: number): Promise<void>;
}

/** Elements found lazily, each action waiting for them as Playwright's locators do. */
export interface Elements {
  getByRole(role: Role, options?: { name?: string | RegExp; level?: number }): Elements;
  getByText(text: string): Elements;
  locator(selector: string): Elements;
  first(): Elements;
  last(): Elements;
  nth(index: number): Elements;
  waitFor(options?: { state?: 'attached' | 'detached' | 'visible' | 'hidden'; timeout?: number }): Promise<void>;
  count(): Promise<number>;
  click(): Promise<void>;
  fill(text: string): Promise<void>;
  check(): Promise<void>;
  focus(): Promise<void>;
  press(key: string): Promise<void>;
  isVisible(): Promise<boolean>;
  isChecked(): Promise<boolean>;
  textContent(): Promise<string | null>;
  allTextContents(): Promise<string[]>;
  inputValue(): Promise<string>;
  getAttribute(name: string): Promise<string | null>;
  boundingBox(): Promise<Box | null>;
  /** Runs `fn` on the first element, in the page. */
  evaluate<R, A = undefined>(fn: (el: Element, arg: A) => R | Promise<R>, arg?: A): Promise<R>;
}

export interface TestPage extends Pick<Elements, 'getByRole' | 'getByText' | 'locator'> {
  /** Elements inside the (same-origin) frame that `selector` finds. */
  frameLocator(selector: string): Pick<Elements, 'getByRole' | 'getByText' | 'locator'>;
  goto(url: string): Promise<void>;
  reload(): Promise<void>;
  close(): Promise<void>;
  bringToFront(): Promise<void>;
  url(): Promise<string>;
  /** Runs `fn` (or a script) in the page's own world. */
  evaluate<R, A = undefined>(fn: ((arg: A) => R | Promise<R>) | string, arg?: A): Promise<R>;
  /** Runs `fn` in the page before any of its scripts, on every load. */
  addInitScript(fn: () => void): Promise<void>;
  addStyleTag(css: string): Promise<void>;
  setViewportSize(size: { width: number; height: number }): Promise<void>;
  screenshot(path: string): Promise<void>;
  waitForTimeout(ms: number): Promise<void>;
  /** Uncaught errors of the page's own scripts, and console messages, as they come. */
  onPageError(listener: (message: string) => void): void;
  onConsole(listener: (text: string) => void): void;
  mouse: {
    move(x: number, y: number, options?: { steps?: number }): Promise<void>;
    click(x: number, y: number): Promise<void>;
    wheel(deltaX: number, deltaY: number): Promise<void>;
  };
  keyboard: {
    /** A key or a chord written as Playwright writes it: "Escape", "Shift+Tab". */
    press(key: string): Promise<void>;
    type(text: string): Promise<void>;
  };
  /** Touch input; only in a browser launched with `phone` (an error otherwise). */
  touch: Touchscreen;
}

export interface LaunchOptions {
  /** Keep the profile in this directory (to test a restart); a fresh temporary one otherwise. */
  profileDir?: string;
  headless?: boolean;
  colorScheme?: 'light' | 'dark';
  /** The browser's language; Vietnamese unless said. */
  locale?: string;
  /** Send every request of every context, loopback included, through this HTTP proxy ("127.0.0.1:PORT"). */
  proxy?: string;
  /**
   * A phone: a 390×844 CSS px viewport (at 2 device px per CSS px), a touch screen (`TestPage.touch`,
   * coarse pointer, no hover) and mobile viewport rules (the page's meta viewport) where the browser has them.
   */
  phone?: boolean;
}

export interface TestBrowser {
  readonly name: BrowserName;
  newPage(): Promise<TestPage>;
  /** Opens one of the extension's own pages ("popup.html?tabId=3", "options.html") in a tab. */
  openExtensionPage(path: string): Promise<TestPage>;
  /** The tab id the extension knows `page` by (brings it to the front). */
  tabIdOf(page: TestPage): Promise<number>;
  /** Runs `fn` in an extension context (the service worker, or an extension page) with the extension API. */
  inExtension<R, A = undefined>(fn: (api: ExtensionApi, arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /**
   * Gives the extension's keyboard command `name` (COMMANDS) with `page` in front, through the
   * background's registered `commands.onCommand` listener (headless browsers route no scripted key press to it).
   */
  runCommand(page: TestPage, name: string): Promise<void>;
  close(): Promise<void>;
  /** Resolves when the browser has been closed (by the reader, in a headed demo). */
  closed(): Promise<void>;
}

export type Launcher = (options?: LaunchOptions) => Promise<TestBrowser>;
