/**
 * What the page's main thread does while the content script marks the 1 MB page: a Chromium
 * trace of one load, its renderer main thread's work between the first and the last slice
 * summed by kind (our JavaScript, style, layout, paint, garbage collection…). It answers
 * why all marks land long after the content script's own work is done.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CDPSession } from 'playwright-core';
import { datasetSentences, newsPage } from './page-text';
import { ms, table } from './stats';
import { launchWithExtension } from '../browser/launch';
import { contentScriptQuiet } from '../browser/page-tools';
import { serveStatic } from '../browser/server';
import { SLICE_MEASURE } from '../../lib/constants';

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

export interface TraceReport {
  /** From the first slice's start to the last slice's end. */
  window: number;
  /** Sum of the top-level tasks of the renderer's main thread in that window. */
  busy: number;
  slices: number;
  byKind: Array<{ kind: string; ms: number }>;
}

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'v8', 'toplevel'].join(',');

/** Trace events nested in a main-thread task, by the name a reader knows them by. */
const KINDS: Record<string, string> = {
  FunctionCall: 'JavaScript (tasks, callbacks)',
  'v8.callFunction': 'JavaScript (tasks, callbacks)',
  TimerFire: 'JavaScript (tasks, callbacks)',
  FireIdleCallback: 'JavaScript (tasks, callbacks)',
  RunMicrotasks: 'JavaScript (tasks, callbacks)',
  EventDispatch: 'JavaScript (tasks, callbacks)',
  UpdateLayoutTree: 'style',
  Layout: 'layout',
  PrePaint: 'pre-paint (paint invalidation)',
  Paint: 'paint (recording)',
  Layerize: 'layerize and commit',
  Commit: 'layerize and commit',
  MajorGC: 'garbage collection',
  MinorGC: 'garbage collection',
  'V8.GC_SCAVENGER': 'garbage collection',
  'V8.GCFinalizeMC': 'garbage collection',
  HitTest: 'hit testing',
};

async function readTrace(cdp: CDPSession): Promise<TraceEvent[]> {
  const done = new Promise<string>((resolve) => cdp.once('Tracing.tracingComplete', (e) => resolve(e.stream!)));
  await cdp.send('Tracing.end');
  const stream = await done;
  let text = '';
  for (;;) {
    const chunk = await cdp.send('IO.read', { handle: stream, size: 1 << 20 });
    text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString('utf8') : chunk.data;
    if (chunk.eof) break;
  }
  await cdp.send('IO.close', { handle: stream });
  const parsed = JSON.parse(text) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  return Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
}

export async function traceMainThread(generatedDir: string, bytes: number): Promise<TraceReport> {
  const dir = mkdtempSync(join(tmpdir(), 'boi-canh-trace-page-'));
  writeFileSync(join(dir, 'page.html'), newsPage(datasetSentences(generatedDir), bytes).html);
  const server = await serveStatic(dir);
  const browser = await launchWithExtension();
  try {
    const page = await browser.context.newPage();
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES.split(',') }, transferMode: 'ReturnAsStream' });
    await page.goto(`${server.url}/page.html`, { waitUntil: 'load' });
    await contentScriptQuiet(page, 200);
    const events = await readTrace(cdp);
    // The page's main thread is the one that recorded our slices.
    const slices = events.filter((e) => e.name === SLICE_MEASURE && (e.ph === 'b' || e.ph === 'X' || e.ph === 'e'));
    if (slices.length === 0) throw new Error('no boi-canh:slice in the trace');
    const pid = slices[0]!.pid;
    const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === pid && e.args?.name === 'CrRendererMain');
    const tid = main?.tid ?? slices[0]!.tid;
    const from = Math.min(...slices.map((e) => e.ts));
    const to = Math.max(...slices.map((e) => e.ts + (e.dur ?? 0)));
    const onMain = events.filter(
      (e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.dur !== undefined && e.ts >= from && e.ts <= to,
    );
    // Top-level tasks: RunTask (and ThreadControllerImpl::RunTask in older builds).
    // Tasks nest (a task run inside another's), so only the outermost count.
    const tasks = onMain.filter((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask').sort((a, b) => a.ts - b.ts);
    let busy = 0;
    let reach = 0;
    for (const t of tasks) {
      if (t.ts >= reach) busy += t.dur! / 1000;
      else if (t.ts + t.dur! > reach) busy += (t.ts + t.dur! - reach) / 1000;
      reach = Math.max(reach, t.ts + t.dur!);
    }
    // Each kind counted by its outermost events only, so that nested ones are not counted twice.
    const kinds = new Map<string, number>();
    const open: Array<{ end: number; kind: string }> = [];
    for (const e of onMain.sort((a, b) => a.ts - b.ts || b.dur! - a.dur!)) {
      while (open.length > 0 && open[open.length - 1]!.end <= e.ts) open.pop();
      const kind = KINDS[e.name];
      if (!kind) continue;
      if (!open.some((o) => o.kind === kind)) kinds.set(kind, (kinds.get(kind) ?? 0) + e.dur! / 1000);
      open.push({ end: e.ts + e.dur!, kind });
    }
    return {
      window: (to - from) / 1000,
      busy,
      slices: slices.filter((e) => e.ph !== 'e').length,
      byKind: [...kinds].map(([kind, t]) => ({ kind, ms: t })).sort((a, b) => b.ms - a.ms),
    };
  } finally {
    await browser.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export function formatTrace(r: TraceReport): string {
  return [
    `From the first slice to the last: ${ms(r.window)}; the main thread ran tasks for ${ms(r.busy)} of it (${((r.busy / r.window) * 100).toFixed(0)} %).`,
    table(
      ['main-thread work in that time', 'time', 'share of the time'],
      r.byKind.map((k) => [k.kind, ms(k.ms), `${((k.ms / r.window) * 100).toFixed(0)} %`]),
    ),
  ].join('\n');
}
