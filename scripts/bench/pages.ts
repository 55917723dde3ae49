/**
 * The page benchmark: real Chromium with the built extension on generated Vietnamese news
 * pages of about 100 kB, 1 MB and 5 MB. For each page, run after run, side by side:
 *
 * - ours: the content script's work time (the sum of its `boi-canh:slice` measures, the
 *   matcher's construction included), the wall time from its start to the first marks and
 *   to all marks, the longest main-thread task while it scans, the number of marks, and the
 *   renderer's JS heap growth;
 * - the floor: a TreeWalker reading every text node of the article, in the same page, and
 *   two lower bounds measured the same way: the walk reading every character's code, and the
 *   walk with one native regular-expression search per text node for a single literal;
 * - the peer: mark.js marking the same alias list, in a fresh copy of the page where the
 *   extension is switched off.
 *
 * Then the incremental case: paragraphs appended to a marked page in batches.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import type { MatcherData } from '../../lib/artifacts';
import {
  appendBatch,
  PAGE_NAMES,
  type PageNames,
  installRecorder,
  readRecorder,
  runMarkJs,
  lowerBounds,
  treeWalkerFloor,
  type BatchResult,
  type MarkJsRun,
  type PageReading,
} from './in-page';
import { datasetSentences, newsPage, paragraph } from './page-text';
import { MB, kB, median, ms, ratio, table } from './stats';
import { launchWithExtension, type ExtensionBrowser } from '../browser/launch';
import { mentionsWhen, tabIdOf } from '../browser/page-tools';
import { serveStatic } from '../browser/server';
import { SLICE_MEASURE } from '../../lib/constants';

const root = resolve(import.meta.dirname, '../..');
const MARK_JS = join(root, 'node_modules/mark.js/dist/mark.min.js');
/** The host the peer's pages are opened on; the extension is switched off there. */
const PEER_HOST = 'localhost';
/** The literal of the regular-expression lower bound: one alias, as a native engine searches it. */
const LOWER_BOUND_LITERAL = 'Putin';

export interface PageSize {
  label: string;
  bytes: number;
  runs: number;
}

export interface PageBenchOptions {
  extensionDir?: string;
  /** The generated/ folder the extension was built with: its sentences and aliases. */
  generatedDir: string;
  sizes: PageSize[];
  /** mark.js stops between alias groups past this time, and the table says so. */
  markJsCapMs: number;
  /** Page sizes (labels) on which paragraphs are appended in batches. */
  incremental: { labels: string[]; batches: number; perBatch: number };
  /** Skip mark.js and the floor (a second configuration compared on our figures alone). */
  oursOnly?: boolean;
}

/** One load of a page with the extension on. */
export interface OurRun {
  work: number;
  matcher: number;
  longestSlice: number;
  slices: number;
  /** The first slice's start, from navigation start. */
  start: number;
  firstMarks: number;
  allMarks: number;
  longestTask: number;
  /** The longest animation frame (a task and its rendering) in the same time. */
  longestFrame: number;
  marks: number;
  mentions: number;
  heapUsed: number;
  floor: number;
  /** Lower bounds, sampled as the floor: the walk reading every character's code; the walk and one regex per text node. */
  charCodes: number;
  regex: number;
  regexHits: number;
  /** Median wait between consecutive scanning slices in the first and the last quarter of the pass. */
  gapFirst: number;
  gapLast: number;
}

export interface PeerRun {
  coldFloor: number;
  heapUsed: number;
  markJs: MarkJsRun | null;
}

export interface SizeResult {
  size: PageSize;
  textBytes: number;
  paragraphs: number;
  textNodes: number;
  ours: OurRun[];
  peer: PeerRun[];
}

export interface IncrementalResult {
  label: string;
  fullWork: number;
  fullParagraphs: number;
  perBatch: number;
  batches: BatchResult[];
}

export interface PageBenchReport {
  sizes: SizeResult[];
  incremental: IncrementalResult[];
}

async function heapUsed(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? Number.NaN;
}

async function openMeasured(context: ExtensionBrowser['context'], url: string): Promise<{ page: Page; cdp: CDPSession }> {
  const page = await context.newPage();
  await page.addInitScript(installRecorder, PAGE_NAMES);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  return { page, cdp };
}

/** Loads the page with the extension on and waits until the content script says the page is read. */
async function loadMarked(
  browser: ExtensionBrowser,
  url: string,
): Promise<{ page: Page; cdp: CDPSession; reading: PageReading; mentions: number }> {
  const { page, cdp } = await openMeasured(browser.context, url);
  const tabId = await tabIdOf(browser, page);
  // The answer waits for the first pass and any rescan, so it comes when marking is done.
  const response = await mentionsWhen(browser, tabId, (r) => r.active, { timeoutMs: 120_000, orLast: true });
  if (!response.active) throw new Error(`the content script is not working on ${url}: ${response.reason}`);
  const reading = await page.evaluate(readRecorder, PAGE_NAMES);
  return { page, cdp, reading, mentions: response.mentions.length };
}

interface FloorReading {
  floor: number;
  charCodes: number;
  regex: number;
  regexHits: number;
}

function ourRun(reading: PageReading, mentions: number, heap: number, floor: FloorReading): OurRun {
  const { slices, samples } = reading;
  if (slices.length === 0) throw new Error('no boi-canh:slice measures on the page');
  // The start is the first slice's: the matcher's construction, right after the content
  // script has read its settings and judged the page Vietnamese.
  const start = slices[0]!.start;
  const lastEnd = Math.max(...slices.map((s) => s.start + s.duration));
  const first = samples.find((s) => s.size > 0);
  // All marks: from the earliest sample after which the count never left its final value
  // (a rescan of role names forgets a block's marks and adds them again).
  let settledAt = samples.length;
  while (settledAt > 0 && samples[settledAt - 1]!.size === reading.marks) settledAt--;
  const all = samples[settledAt];
  const during = (t: { start: number; duration: number }) => t.start < lastEnd && t.start + t.duration > start;
  const longestTask = reading.longtasks.filter(during).reduce((m, t) => Math.max(m, t.duration), 0);
  const longestFrame = reading.frames.filter(during).reduce((m, t) => Math.max(m, t.duration), 0);
  // The waits between the scanning slices (those over 2 ms: the role rescan's tiny ones run back to back).
  const scanning = slices.filter((s) => s.duration > 2).sort((a, b) => a.start - b.start);
  const gaps = scanning.slice(1).map((s, i) => s.start - (scanning[i]!.start + scanning[i]!.duration));
  const quarter = Math.max(1, Math.floor(gaps.length / 4));
  return {
    gapFirst: median(gaps.slice(0, quarter)),
    gapLast: median(gaps.slice(-quarter)),
    work: slices.reduce((sum, s) => sum + s.duration, 0),
    matcher: slices[0]!.duration,
    longestSlice: Math.max(...slices.map((s) => s.duration)),
    slices: slices.length,
    start,
    firstMarks: first ? first.end - start : Number.NaN,
    allMarks: all ? all.end - start : Number.NaN,
    longestTask,
    longestFrame,
    marks: reading.marks,
    mentions,
    heapUsed: heap,
    ...floor,
  };
}

async function switchOffPeerHost(browser: ExtensionBrowser): Promise<void> {
  await browser.worker.evaluate(async (host) => {
    const { settings } = await chrome.storage.local.get('settings');
    const current = (settings ?? {}) as { disabledSites?: string[] };
    await chrome.storage.local.set({ settings: { ...current, disabledSites: [...(current.disabledSites ?? []), host] } });
  }, PEER_HOST);
}

async function peerRun(browser: ExtensionBrowser, url: string, aliases: string[], options: PageBenchOptions): Promise<PeerRun> {
  const { page, cdp } = await openMeasured(browser.context, url);
  try {
    // First read of a fresh page: the floor as the content script meets it.
    const cold = await page.evaluate(treeWalkerFloor, [1, 0] as [number, number]);
    const heap = await heapUsed(cdp);
    const stray = await page.evaluate((slice) => performance.getEntriesByName(slice).length, SLICE_MEASURE);
    if (stray > 0) throw new Error('the extension worked on the peer page, where it is switched off');
    await page.addScriptTag({ path: MARK_JS });
    const markJs = await page.evaluate(runMarkJs, [aliases, options.markJsCapMs] as [string[], number]);
    return { coldFloor: cold.times[0]!, heapUsed: heap, markJs };
  } finally {
    await page.close();
  }
}

export async function benchPages(options: PageBenchOptions): Promise<PageBenchReport> {
  const sentences = datasetSentences(options.generatedDir);
  const matcherData = JSON.parse(readFileSync(join(options.generatedDir, 'matcher.json'), 'utf8')) as MatcherData;
  const aliases = matcherData.aliases.map(([text]) => text);
  const dir = mkdtempSync(join(tmpdir(), 'boi-canh-bench-pages-'));
  const server = await serveStatic(dir);
  const port = new URL(server.url).port;
  const browser = await launchWithExtension(options.extensionDir ? { extensionDir: options.extensionDir } : {});
  const report: PageBenchReport = { sizes: [], incremental: [] };
  try {
    await switchOffPeerHost(browser);
    for (const size of options.sizes) {
      const generated = newsPage(sentences, size.bytes);
      writeFileSync(join(dir, `${size.label}.html`), generated.html);
      const ourUrl = `http://127.0.0.1:${port}/${size.label}.html`;
      const peerUrl = `http://${PEER_HOST}:${port}/${size.label}.html`;
      const result: SizeResult = {
        size,
        textBytes: generated.textBytes,
        paragraphs: generated.paragraphs,
        textNodes: 0,
        ours: [],
        peer: [],
      };
      for (let run = 0; run < size.runs; run++) {
        const loaded = await loadMarked(browser, ourUrl);
        const floor = options.oursOnly
          ? { times: [Number.NaN], nodes: 0 }
          : await loaded.page.evaluate(treeWalkerFloor, [7, 5] as [number, number]);
        const bounds = options.oursOnly
          ? { charCodes: [Number.NaN], regex: [Number.NaN], hits: 0 }
          : await loaded.page.evaluate(lowerBounds, [7, 5, LOWER_BOUND_LITERAL] as [number, number, string]);
        result.textNodes = floor.nodes;
        const heap = await heapUsed(loaded.cdp);
        result.ours.push(
          ourRun(loaded.reading, loaded.mentions, heap, {
            floor: median(floor.times),
            charCodes: median(bounds.charCodes),
            regex: median(bounds.regex),
            regexHits: bounds.hits,
          }),
        );
        await loaded.page.close();
        if (!options.oursOnly) result.peer.push(await peerRun(browser, peerUrl, aliases, options));
        process.stdout.write('.');
      }
      report.sizes.push(result);
      if (options.incremental.labels.includes(size.label)) {
        report.incremental.push(await incremental(browser, ourUrl, size.label, sentences, generated.paragraphs, options.incremental));
        process.stdout.write('+');
      }
    }
  } finally {
    process.stdout.write('\n');
    await browser.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return report;
}

async function incremental(
  browser: ExtensionBrowser,
  url: string,
  label: string,
  sentences: string[],
  onPage: number,
  plan: PageBenchOptions['incremental'],
): Promise<IncrementalResult> {
  const loaded = await loadMarked(browser, url);
  const fullWork = loaded.reading.slices.reduce((sum, s) => sum + s.duration, 0);
  const batches: BatchResult[] = [];
  try {
    for (let b = 0; b < plan.batches; b++) {
      const texts = Array.from({ length: plan.perBatch }, (_, k) => paragraph(sentences, onPage + b * plan.perBatch + k));
      // Quiet for 600 ms: late in a pass the waits between slices pass 300 ms on this machine,
      // and a shorter quiet would hand a batch's last slices to the next batch.
      batches.push(await loaded.page.evaluate(appendBatch, [texts, 600, PAGE_NAMES] as [string[], number, PageNames]));
    }
  } finally {
    await loaded.page.close();
  }
  return { label, fullWork, fullParagraphs: onPage, perBatch: plan.perBatch, batches };
}

/** The tables of the page benchmark. */
export function formatPages(report: PageBenchReport): string {
  const out: string[] = [];
  const rows = report.sizes.map((r) => {
    const m = (f: (o: OurRun) => number) => median(r.ours.map(f));
    return { r, m };
  });
  out.push('Ours (medians of the runs; start = the first boi-canh:slice, i.e. the matcher’s construction):');
  out.push(
    table(
      [
        'page',
        'runs',
        'work time',
        'matcher',
        'first marks',
        'all marks',
        'work ÷ wall',
        'wait between slices (first → last quarter)',
        'longest task',
        'longest frame',
        'longest slice',
        'marks',
        'heap growth',
        'start after nav.',
      ],
      rows.map(({ r, m }) => [
        `${MB(r.textBytes)} (${r.paragraphs} ¶)`,
        String(r.ours.length),
        ms(m((o) => o.work)),
        ms(m((o) => o.matcher)),
        ms(m((o) => o.firstMarks)),
        ms(m((o) => o.allMarks)),
        `${(m((o) => o.work / o.allMarks) * 100).toFixed(0)} %`,
        `${ms(m((o) => o.gapFirst))} → ${ms(m((o) => o.gapLast))}`,
        ms(m((o) => o.longestTask)),
        ms(m((o) => o.longestFrame)),
        ms(m((o) => o.longestSlice)),
        String(m((o) => o.marks)),
        heapGrowth(r),
        ms(
          m((o) => o.start),
          0,
        ),
      ]),
    ),
  );
  if (report.sizes.some((r) => r.peer.length > 0)) {
    out.push('');
    out.push('Floor and peer (ratios are medians of per-run ratios, each run measured side by side):');
    out.push(
      table(
        [
          'page',
          'text nodes',
          'floor (warm)',
          'floor (cold)',
          'work ÷ warm floor',
          'work ÷ cold floor',
          'mark.js',
          'aliases done',
          'mark.js marks',
          'mark.js, all aliases',
          'speed-up over mark.js',
        ],
        report.sizes.map((r) => {
          const marks = r.peer.map((p) => p.markJs);
          const capped = marks.some((x) => x?.capped);
          // A capped run is extrapolated to the whole alias list by the share of aliases done
          // (an estimate); the time it did take gives a speed-up that is certain ("at least").
          const full = marks.map((x) => (x ? (x.ms * x.aliasesTotal) / x.aliasesDone : Number.NaN));
          const speedUps = r.ours.map((o, i) => full[i]! / o.work);
          const certain = r.ours.map((o, i) => (marks[i]?.ms ?? Number.NaN) / o.work);
          return [
            MB(r.textBytes),
            String(r.textNodes),
            ms(median(r.ours.map((o) => o.floor)), 2),
            ms(median(r.peer.map((p) => p.coldFloor)), 1),
            ratio(median(r.ours.map((o) => o.work / o.floor)), 0),
            ratio(median(r.ours.map((o, i) => o.work / (r.peer[i]?.coldFloor ?? Number.NaN))), 0),
            `${ms(median(marks.map((x) => x?.ms ?? Number.NaN)), 0)}${capped ? ' (capped)' : ''}`,
            `${median(marks.map((x) => x?.aliasesDone ?? 0))} / ${marks[0]?.aliasesTotal ?? 0}`,
            String(median(marks.map((x) => x?.marks ?? 0))),
            capped ? `≈ ${ms(median(full), 0)} (est.)` : ms(median(full), 0),
            capped ? `≈ ${ratio(median(speedUps), 0)} (at least ${ratio(median(certain), 0)})` : ratio(median(speedUps), 0),
          ];
        }),
      ),
    );
  }
  if (report.sizes.some((r) => r.peer.length > 0)) {
    out.push('');
    out.push(
      `Lower bounds, sampled as the warm floor in the same page (ratios: medians of per-run ratios; cold = that run's cold floor): ` +
        `(a) the walk reading every character's code (charCodeAt); (b) the walk and one native search of /${LOWER_BOUND_LITERAL}/g per text node:`,
    );
    out.push(
      table(
        [
          'page',
          'floor (warm)',
          'floor (cold)',
          '(a) codes',
          '(a) ÷ warm floor',
          '(a) ÷ cold floor',
          `(b) /${LOWER_BOUND_LITERAL}/g`,
          'hits',
          '(b) ÷ warm floor',
          '(b) ÷ cold floor',
          'work ÷ (a)',
        ],
        report.sizes.map((r) => {
          const m = (f: (o: OurRun) => number) => median(r.ours.map(f));
          const cold = (i: number) => r.peer[i]?.coldFloor ?? Number.NaN;
          return [
            MB(r.textBytes),
            ms(
              m((o) => o.floor),
              2,
            ),
            ms(median(r.peer.map((p) => p.coldFloor)), 1),
            ms(
              m((o) => o.charCodes),
              2,
            ),
            ratio(
              m((o) => o.charCodes / o.floor),
              1,
            ),
            ratio(median(r.ours.map((o, i) => o.charCodes / cold(i))), 1),
            ms(
              m((o) => o.regex),
              2,
            ),
            String(m((o) => o.regexHits)),
            ratio(
              m((o) => o.regex / o.floor),
              1,
            ),
            ratio(median(r.ours.map((o, i) => o.regex / cold(i))), 1),
            ratio(
              m((o) => o.work / o.charCodes),
              0,
            ),
          ];
        }),
      ),
    );
  }
  if (report.incremental.length > 0) {
    out.push('');
    out.push(
      'Incremental: paragraphs appended to the marked page in batches (each batch: work = its new slices; settle = append → last slice end, after 600 ms of quiet):',
    );
    out.push(
      table(
        [
          'page',
          'full-page work',
          'batches',
          'work per batch (median)',
          'max',
          'settle (median)',
          'max',
          'marks per batch',
          'longest task',
          'longest frame',
          'batch work ÷ full-page work',
          'batch text ÷ page text',
        ],
        report.incremental.map((inc) => {
          const work = inc.batches.map((b) => b.work);
          const settle = inc.batches.map((b) => b.settle);
          return [
            `${inc.label} (${inc.fullParagraphs} ¶)`,
            ms(inc.fullWork),
            `${inc.batches.length} × ${inc.perBatch} ¶`,
            ms(median(work)),
            ms(Math.max(...work)),
            ms(median(settle)),
            ms(Math.max(...settle)),
            String(Math.round(median(inc.batches.map((b) => b.marksAdded)))),
            ms(Math.max(...inc.batches.map((b) => b.longestTask))),
            ms(Math.max(...inc.batches.map((b) => b.longestFrame))),
            `${((median(work) / inc.fullWork) * 100).toFixed(1)} %`,
            `${((inc.perBatch / inc.fullParagraphs) * 100).toFixed(1)} %`,
          ];
        }),
      ),
    );
    out.push('');
    out.push('Work per batch, in order (does it grow with the page?):');
    for (const inc of report.incremental) out.push(`  ${inc.label}: ${inc.batches.map((b) => b.work.toFixed(1)).join(', ')} ms`);
  }
  return out.join('\n');
}

function heapGrowth(r: SizeResult): string {
  // Side by side: the same page with the extension at work, less the same page where it is switched off.
  if (r.peer.length === 0) return '—';
  const diffs = r.ours.map((o, i) => o.heapUsed - (r.peer[i]?.heapUsed ?? Number.NaN));
  return kB(median(diffs), 0);
}
