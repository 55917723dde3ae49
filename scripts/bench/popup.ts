/** The popup in real Chromium: opening to a usable search box, first results, each keystroke once loaded, and its memory (page and workers). */
import type { CDPSession, Page } from 'playwright-core';
import { withinDeadline } from '../browser/deadline';
import { launchWithExtension } from '../browser/launch';
import { tabIdOf } from '../browser/page-tools';
import { serveGenerated } from '../browser/server';
import { median } from './stats';

/** Typed at once as the popup opens: the query of the first figure. */
export const FIRST_QUERY = 'bau troi mo';
/**
 * Typed key by key once the data has loaded: a passage's words, a full name, a role, a treaty
 * word, a generated person (scale-person-1 of scripts/bench/dataset.ts; nothing at the seed
 * size), and a typo.
 */
export const KEYSTROKE_QUERIES = ['bau troi mo', 'Vladimir Putin', 'ngoai truong nga', 'hiep uoc', 'Mikhail Verinsky', 'stoltenbreg'];
/** The popup's contract with the bench (components/popup/App.tsx): the query shown, and whether passages are in. */
const BODY = '.body';
const BOX = 'input[type=search]';
/** A step of a loaded popup (one keystroke) and one of a popup still loading (the data at scale). */
const STEP_MS = 10_000;
const LOADING_MS = 90_000;

interface Recorder {
  usable: number;
  inputs: Array<{ value: string; t: number; keyAt: number }>;
  states: Array<{ query: string | null; complete: boolean; t: number }>;
  whenUsable: () => Promise<void>;
  whenShown: (query: string | null, complete: boolean) => Promise<void>;
}
type WithRecorder = typeof globalThis & { __popupBench: Recorder };

/**
 * Runs in the popup before its own scripts (an init script): notes when the search box is
 * there, enabled and focused; each input event of the box (with the time of the key press
 * behind it: keydown's timestamp, taken when the browser received the key, so a busy main
 * thread's delay counts); and each change of what `.body` says it shows. Times are the page's
 * clock, navigation start = 0. Plain JavaScript source: tsx would wrap a function's inner
 * functions in a helper the page lacks.
 */
const RECORDER = `(() => {
  const box = ${JSON.stringify(BOX)}, body = ${JSON.stringify(BODY)};
  let keyAt = -1, waiters = [];
  const wait = (done) => new Promise((resolve) => {
    const waiter = () => done() && (resolve(), true);
    if (!waiter()) waiters.push(waiter);
  });
  const rec = {
    usable: -1, inputs: [], states: [],
    whenUsable: () => wait(() => rec.usable >= 0),
    whenShown: (query, complete) => wait(() => {
      const last = rec.states.at(-1);
      return last !== undefined && last.query === query && (!complete || last.complete);
    }),
  };
  const check = () => {
    const t = performance.now();
    const input = document.querySelector(box);
    if (rec.usable < 0 && input && !input.disabled && document.activeElement === input) rec.usable = t;
    const shown = document.querySelector(body);
    const state = { query: shown?.getAttribute('data-query') ?? null, complete: shown?.getAttribute('data-complete') === 'true', t };
    const last = rec.states.at(-1);
    if (!last || last.query !== state.query || last.complete !== state.complete) rec.states.push(state);
    waiters = waiters.filter((w) => !w());
  };
  globalThis.__popupBench = rec;
  addEventListener('keydown', (e) => { keyAt = e.timeStamp; }, true);
  addEventListener('input', (e) => {
    if (e.target.matches?.(box)) rec.inputs.push({ value: e.target.value, t: performance.now(), keyAt });
  }, true);
  addEventListener('focusin', check, true);
  new MutationObserver(check).observe(document, {
    subtree: true, childList: true, attributes: true, attributeFilter: ['data-query', 'data-complete', 'disabled'],
  });
  // Autofocus happens in a rendering step, with no mutation to see: frames are watched until then.
  const poll = () => { check(); if (rec.usable < 0) requestAnimationFrame(poll); };
  requestAnimationFrame(poll);
})();`;

export interface Keystroke {
  query: string;
  text: string;
  /** Input event → `.body[data-query=text]` (the reader's results) and → with data-complete (passages in). */
  reader: number;
  complete: number;
}

export interface PopupRun {
  /** Navigation start → the box there, enabled and focused. */
  usable: number;
  /** FIRST_QUERY typed at once: the first key press → the first results for what was typed by then (any prefix). */
  firstResults: number;
  /** The same from the first input event. */
  firstResultsFromInput: number;
  /** The first key press → results for the whole query, and with passages. */
  wholeQuery: number;
  wholeComplete: number;
  /** The last key press of the query → its results: what is left to wait once the typing is done. */
  wholeFromLast: number;
  /** Navigation start → results for the whole query. */
  openToResults: number;
  keystrokes: Keystroke[];
  heap: PopupHeap;
}

export interface PopupHeap {
  /** Used JS heap after a garbage collection, bytes: the page, and each dedicated worker it started. */
  page: number;
  workers: Array<{ url: string; used: number }>;
}

export interface PopupReport {
  runs: PopupRun[];
}

/** Nearest-rank percentile. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** A CDP session's child target (a worker), reached through messages: Playwright's sessions take no session id. */
export function childTarget(cdp: CDPSession, sessionId: string): (method: string, params?: object) => Promise<Record<string, unknown>> {
  let next = 0;
  const pending = new Map<number, { resolve: (v: Record<string, unknown>) => void; reject: (e: Error) => void }>();
  cdp.on('Target.receivedMessageFromTarget', (event) => {
    if (event.sessionId !== sessionId) return;
    const message = JSON.parse(event.message) as { id?: number; result?: Record<string, unknown>; error?: { message: string } };
    const waiting = message.id === undefined ? undefined : pending.get(message.id);
    if (!waiting) return;
    pending.delete(message.id!);
    if (message.error) waiting.reject(new Error(message.error.message));
    else waiting.resolve(message.result ?? {});
  });
  return (method, params = {}) =>
    new Promise((resolve, reject) => {
      const id = ++next;
      pending.set(id, { resolve, reject });
      cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch(reject);
    });
}

/** Used JS heap after a garbage collection, through a target's own protocol. */
export async function heapAfterGc(send: (method: string, params?: object) => Promise<Record<string, unknown>>): Promise<number> {
  await send('HeapProfiler.collectGarbage');
  return (await send('Runtime.getHeapUsage')).usedSize as number;
}

async function popupHeap(cdp: CDPSession): Promise<PopupHeap> {
  const page = await heapAfterGc(
    (method, params) => cdp.send(method as 'Runtime.getHeapUsage', params) as Promise<Record<string, unknown>>,
  );
  // Auto-attach reaches the workers already running (non-flat: their messages come through this session).
  const attached: Array<{ sessionId: string; url: string }> = [];
  cdp.on('Target.attachedToTarget', (e) => {
    if (e.targetInfo.type === 'worker') attached.push({ sessionId: e.sessionId, url: e.targetInfo.url });
  });
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  const workers = [];
  for (const w of attached) workers.push({ url: w.url, used: await heapAfterGc(childTarget(cdp, w.sessionId)) });
  await cdp.send('Target.setAutoAttach', { autoAttach: false, waitForDebuggerOnStart: false });
  return { page, workers };
}

const step = (name: string, call: () => Promise<unknown>, ms = STEP_MS) => withinDeadline('popup bench', name, call, ms);
const shown = (page: Page, query: string | null, complete: boolean, name: string, ms = STEP_MS) =>
  step(name, () => page.evaluate(([q, c]) => (globalThis as WithRecorder).__popupBench.whenShown(q, c), [query, complete] as const), ms);

/** One run, from a fresh popup page. */
async function popupRun(page: Page, url: string, queries: string[]): Promise<PopupRun> {
  await page.addInitScript({ content: RECORDER });
  await step('opening the popup', () => page.goto(url));
  await step('search box usable (there, enabled, focused)', () =>
    page.evaluate(() => (globalThis as WithRecorder).__popupBench.whenUsable()),
  );
  await page.keyboard.type(FIRST_QUERY);
  await shown(page, FIRST_QUERY, false, `results for "${FIRST_QUERY}" typed as the popup opened`, LOADING_MS);
  await shown(page, FIRST_QUERY, true, `complete results (passages) for "${FIRST_QUERY}"`, LOADING_MS);
  const clear = async (after: string) => {
    await page.locator(BOX).fill('');
    await shown(page, null, false, `the results cleared after "${after}"`);
  };
  await clear(FIRST_QUERY);
  const typed: Array<{ query: string; text: string }> = [];
  for (const query of queries) {
    for (let i = 1; i <= query.length; i++) {
      const text = query.slice(0, i);
      await page.keyboard.type(query[i - 1]!);
      await shown(page, text, false, `results for "${text}" (typing "${query}")`);
      await shown(page, text, true, `complete results for "${text}" (typing "${query}")`);
      typed.push({ query, text });
    }
    await clear(query);
  }
  const rec = await page.evaluate(() => {
    const { usable, inputs, states } = (globalThis as WithRecorder).__popupBench;
    return { usable, inputs, states };
  });
  // Results for an input: the first state at or after its event showing its text (with passages, for `complete`).
  const at = (from: number, text: string, complete: boolean) =>
    rec.states.find((s) => s.t >= from && s.query === text && (!complete || s.complete))?.t ?? Number.NaN;
  const first = rec.inputs.slice(0, FIRST_QUERY.length);
  const start = first[0]!;
  const typedBy = (t: number) => first.filter((i) => i.t <= t).at(-1)?.value;
  const firstShown = rec.states.find((s) => s.t >= start.t && s.query !== null && s.query === typedBy(s.t))?.t ?? Number.NaN;
  const pressed = (i: { t: number; keyAt: number }) => (i.keyAt >= 0 ? Math.min(i.keyAt, i.t) : i.t);
  const keyAt = pressed(start);
  // After the first query come its clearing, then one input per typed character and one clearing per query.
  const later = rec.inputs.slice(FIRST_QUERY.length).filter((i) => i.value !== '');
  if (later.length !== typed.length) throw new Error(`popup bench: ${typed.length} keystrokes typed, ${later.length} input events seen`);
  const keystrokes = typed.map(({ query, text }, k) => {
    const input = later[k]!;
    if (input.value !== text) throw new Error(`popup bench: input event ${k} holds "${input.value}", "${text}" was typed`);
    return { query, text, reader: at(input.t, text, false) - input.t, complete: at(input.t, text, true) - input.t };
  });
  const whole = at(start.t, FIRST_QUERY, false);
  const cdp = await page.context().newCDPSession(page);
  try {
    return {
      usable: rec.usable,
      firstResults: firstShown - keyAt,
      firstResultsFromInput: firstShown - start.t,
      wholeQuery: whole - keyAt,
      wholeComplete: at(start.t, FIRST_QUERY, true) - keyAt,
      wholeFromLast: whole - pressed(first.at(-1)!),
      openToResults: whole,
      keystrokes,
      heap: await popupHeap(cdp),
    };
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

export interface PopupOptions {
  extensionDir: string;
  runs: number;
  queries?: string[];
}

export async function benchPopup(options: PopupOptions): Promise<PopupReport> {
  // A plain page for the popup to act on (as the e2e tests open it: popup.html?tabId=N).
  const server = await serveGenerated({ 'plain.html': '<!doctype html><html lang="en"><title>Plain</title><p>A plain page.</p></html>' });
  const browser = await launchWithExtension({ extensionDir: options.extensionDir });
  try {
    const tab = await browser.context.newPage();
    await step('opening the plain page', () => tab.goto(`${server.url}/plain.html`));
    const tabId = await tabIdOf(browser, tab);
    const url = `chrome-extension://${browser.extensionId}/popup.html?tabId=${tabId}`;
    const runs: PopupRun[] = [];
    for (let r = 0; r < options.runs; r++) {
      const page = await browser.context.newPage();
      await page.setViewportSize({ width: 380, height: 600 });
      try {
        runs.push(await popupRun(page, url, options.queries ?? KEYSTROKE_QUERIES));
      } finally {
        await page.close();
      }
    }
    return { runs };
  } finally {
    await browser.close();
    await server.close();
  }
}

/** The figures the report prints for one build: medians over runs; keystrokes pooled over runs and queries. */
export function popupFigures(r: PopupReport) {
  const keys = r.runs.flatMap((run) => run.keystrokes);
  const mid = (f: (run: PopupRun) => number) => median(r.runs.map(f));
  return {
    runs: r.runs.length,
    usable: mid((x) => x.usable),
    firstResults: mid((x) => x.firstResults),
    firstResultsFromInput: mid((x) => x.firstResultsFromInput),
    wholeQuery: mid((x) => x.wholeQuery),
    wholeComplete: mid((x) => x.wholeComplete),
    wholeFromLast: mid((x) => x.wholeFromLast),
    openToResults: mid((x) => x.openToResults),
    keystrokes: keys.length,
    readerMedian: median(keys.map((k) => k.reader)),
    readerP95: percentile(
      keys.map((k) => k.reader),
      95,
    ),
    completeMedian: median(keys.map((k) => k.complete)),
    completeP95: percentile(
      keys.map((k) => k.complete),
      95,
    ),
    /** The slowest query's p95 (reader side), to see which one costs. */
    slowest: [...new Set(keys.map((k) => k.query))]
      .map((query) => ({
        query,
        p95: percentile(
          keys.filter((k) => k.query === query).map((k) => k.reader),
          95,
        ),
      }))
      .sort((a, b) => b.p95 - a.p95)[0],
    pageHeap: mid((x) => x.heap.page),
    workerHeap: mid((x) => x.heap.workers.reduce((s, w) => s + w.used, 0)),
    workers: Math.max(0, ...r.runs.map((x) => x.heap.workers.length)),
  };
}
