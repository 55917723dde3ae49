/**
 * What the page benchmark runs inside the page's main world. Each function is sent to the
 * page as source (Playwright serialises it), so it must not use anything from its module,
 * nor declare named inner functions (tsx would wrap them in a helper the page lacks).
 */
import { HIGHLIGHT_NAME, SLICE_MEASURE } from '../../lib/constants';

export interface SliceRecord {
  start: number;
  duration: number;
}

/** The number of marks after a batch of slices, with the end of the last slice of the batch. */
export interface MarkSample {
  end: number;
  size: number;
}

export interface PageRecorder {
  longtasks: SliceRecord[];
  /** Long animation frames: a task and the rendering after it (style, layout, paint), when over 50 ms. */
  frames: SliceRecord[];
  samples: MarkSample[];
}

type RecorderWindow = Window & { __boiCanhBench?: PageRecorder };

/** The names the page functions below read, passed in since they run in the page. */
export interface PageNames {
  highlight: string;
  slice: string;
}

/** The names of lib/constants.ts, as the page functions take them. */
export const PAGE_NAMES: PageNames = { highlight: HIGHLIGHT_NAME, slice: SLICE_MEASURE };

/**
 * Installed before any page script (and so before the content script): records long tasks,
 * and after each batch of `boi-canh:slice` measures the number of marks, which the slice that
 * ended last has just added. The observer callback is a task of its own, so it runs between
 * the content script's slices (which wait for idle time) and costs them nothing.
 */
export function installRecorder({ highlight, slice }: PageNames): void {
  const recorder: PageRecorder = { longtasks: [], frames: [], samples: [] };
  (window as RecorderWindow).__boiCanhBench = recorder;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) recorder.longtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // No Long Tasks API: the table says so with a dash.
  }
  try {
    // Long tasks leave out rendering; a long animation frame includes it (paint after highlights change).
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) recorder.frames.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {
    // No Long Animation Frames API.
  }
  new PerformanceObserver((list) => {
    let end = 0;
    for (const e of list.getEntries()) if (e.name === slice) end = Math.max(end, e.startTime + e.duration);
    if (end > 0) recorder.samples.push({ end, size: CSS.highlights.get(highlight)?.size ?? 0 });
  }).observe({ type: 'measure', buffered: true });
}

export interface PageReading {
  slices: SliceRecord[];
  samples: MarkSample[];
  longtasks: SliceRecord[];
  frames: SliceRecord[];
  marks: number;
  domContentLoaded: number;
  load: number;
}

/** Everything recorded so far. */
export function readRecorder({ highlight, slice }: PageNames): PageReading {
  const recorder = (window as RecorderWindow).__boiCanhBench ?? { longtasks: [], frames: [], samples: [] };
  const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  return {
    slices: performance.getEntriesByName(slice).map((e) => ({ start: e.startTime, duration: e.duration })),
    samples: recorder.samples,
    longtasks: recorder.longtasks,
    frames: recorder.frames,
    marks: CSS.highlights.get(highlight)?.size ?? 0,
    domContentLoaded: nav?.domContentLoadedEventEnd ?? Number.NaN,
    load: nav?.loadEventEnd ?? Number.NaN,
  };
}

/**
 * The floor: a TreeWalker over the article reading every text node's data, which any scanner
 * must at least do. Lengths are summed so that the reads cannot be optimised away. The page's
 * clock ticks in 0.1 ms steps, so a sample repeats the read for at least `minMs` and divides;
 * `minMs` 0 gives one read (the first read of a fresh page, "cold").
 */
export function treeWalkerFloor([samples, minMs]: [number, number]): { times: number[]; nodes: number; chars: number } {
  const article = document.querySelector('article')!;
  const times: number[] = [];
  let nodes = 0;
  let chars = 0;
  for (let r = 0; r < samples; r++) {
    const start = performance.now();
    let reads = 0;
    do {
      const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
      nodes = 0;
      chars = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        chars += (node as Text).data.length;
        nodes++;
      }
      reads++;
    } while (performance.now() - start < minMs);
    times.push((performance.now() - start) / reads);
  }
  return { times, nodes, chars };
}

/** Two lower bounds, measured as the floor is (same page, same text nodes, same sampling). */
export interface LowerBounds {
  /** The walk, and every character's code read (`charCodeAt`), summed. */
  charCodes: number[];
  /** The walk, and one native search per text node for a single literal, hits counted. */
  regex: number[];
  /** Sum of the codes, and hits of the literal: kept so that the work is not optimised away. */
  codeSum: number;
  hits: number;
}

/**
 * What any detector must do beyond the floor: (a) the TreeWalker walk and a read of every
 * character's code, the least a detector that looks at each character does in JavaScript;
 * (b) the walk and one native regular-expression search per text node for one literal
 * (`literal`, global, case-sensitive), the least a native engine needs for a single alias.
 * Sampled as `treeWalkerFloor` is: each sample repeats for at least `minMs` and divides;
 * before the samples, each is run once unmeasured, so that the loops are compiled and the
 * figures are bounds for optimised code, not for its first, interpreted run.
 */
export function lowerBounds([samples, minMs, literal]: [number, number, string]): LowerBounds {
  const article = document.querySelector('article')!;
  const pattern = new RegExp(literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g');
  const charCodes: number[] = [];
  const regex: number[] = [];
  let codeSum = 0;
  let hits = 0;
  for (let r = -1; r < samples; r++) {
    let start = performance.now();
    let reads = 0;
    do {
      const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
      codeSum = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const data = (node as Text).data;
        for (let i = 0; i < data.length; i++) codeSum += data.charCodeAt(i);
      }
      reads++;
    } while (performance.now() - start < minMs);
    if (r >= 0) charCodes.push((performance.now() - start) / reads);

    start = performance.now();
    reads = 0;
    do {
      const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
      hits = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const data = (node as Text).data;
        pattern.lastIndex = 0;
        while (pattern.exec(data) !== null) hits++;
      }
      reads++;
    } while (performance.now() - start < minMs);
    if (r >= 0) regex.push((performance.now() - start) / reads);
  }
  return { charCodes, regex, codeSum, hits };
}

export interface MarkJsRun {
  ms: number;
  aliasesDone: number;
  aliasesTotal: number;
  marks: number;
  capped: boolean;
}

/**
 * mark.js (injected as `Mark`) marking the same alias list in the article. Aliases go longest
 * first (as mark.js orders them itself) in groups, so that a run over `capMs` can stop between
 * groups rather than hang; what was done by then is reported.
 */
export function runMarkJs([aliases, capMs]: [string[], number]): MarkJsRun {
  type MarkInstance = { mark(keywords: string[], options: Record<string, unknown>): void };
  const MarkClass = (window as unknown as { Mark: new (context: Element) => MarkInstance }).Mark;
  const article = document.querySelector('article')!;
  const instance = new MarkClass(article);
  const sorted = [...new Set(aliases)].sort((a, b) => b.length - a.length);
  const options = {
    // Each alias is one phrase, as for our matcher.
    separateWordSearch: false,
    // Letters match with or without their marks (mark.js's own Vietnamese-aware folding).
    diacritics: true,
    caseSensitive: false,
    // Whole words: space or punctuation on both sides, not inside a longer word.
    accuracy: { value: 'exactly', limiters: [',', '.', ':', ';', '!', '?', '"', '“', '”', '(', ')', "'", '-', '–'] },
    // A shorter alias does not mark again inside a longer one already marked (leftmost-longest, as ours).
    exclude: ['mark'],
  };
  const GROUP = 8;
  const start = performance.now();
  let done = 0;
  let capped = false;
  for (; done < sorted.length; ) {
    instance.mark(sorted.slice(done, done + GROUP), options);
    done = Math.min(done + GROUP, sorted.length);
    if (performance.now() - start > capMs && done < sorted.length) {
      capped = true;
      break;
    }
  }
  const ms = performance.now() - start;
  return { ms, aliasesDone: done, aliasesTotal: sorted.length, marks: article.querySelectorAll('mark').length, capped };
}

export interface BatchResult {
  /** Sum of the slices that started after the append. */
  work: number;
  /** From the append to the end of the last slice. */
  settle: number;
  slices: number;
  marksAdded: number;
  longestTask: number;
  longestFrame: number;
}

/**
 * Appends `texts` as paragraphs of the article in one go (as an infinite scroll does), then
 * waits until the content script has been quiet for `quietMs`, and reports its work.
 */
export async function appendBatch([texts, quietMs, { highlight, slice }]: [string[], number, PageNames]): Promise<BatchResult> {
  const article = document.querySelector('article')!;
  const before = CSS.highlights.get(highlight)?.size ?? 0;
  const fragment = document.createDocumentFragment();
  for (const text of texts) {
    const p = document.createElement('p');
    p.textContent = text;
    fragment.append(p);
  }
  const t0 = performance.now();
  article.append(fragment);
  const until = t0 + 20_000;
  for (;;) {
    await new Promise((r) => setTimeout(r, quietMs / 4));
    const slices = performance.getEntriesByName(slice).filter((e) => e.startTime >= t0);
    const last = slices.reduce((m, e) => Math.max(m, e.startTime + e.duration), 0);
    if ((slices.length > 0 && performance.now() - last > quietMs) || performance.now() > until) break;
  }
  const slices = performance.getEntriesByName(slice).filter((e) => e.startTime >= t0);
  const last = slices.reduce((m, e) => Math.max(m, e.startTime + e.duration), t0);
  const recorder = (window as RecorderWindow).__boiCanhBench;
  const longestTask = (recorder?.longtasks ?? []).filter((t) => t.start + t.duration >= t0).reduce((m, t) => Math.max(m, t.duration), 0);
  const longestFrame = (recorder?.frames ?? []).filter((t) => t.start + t.duration >= t0).reduce((m, t) => Math.max(m, t.duration), 0);
  return {
    work: slices.reduce((sum, e) => sum + e.duration, 0),
    settle: last - t0,
    slices: slices.length,
    marksAdded: (CSS.highlights.get(highlight)?.size ?? 0) - before,
    longestTask,
    longestFrame,
  };
}
