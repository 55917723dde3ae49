/**
 * Where the content script's time goes on the 1 MB page: a V8 CPU profile of one load,
 * with the source-mapped build (the shipped code, minified, with its maps), its samples in
 * the gate and in the engine traced back to our source files and functions. It also says
 * how much of the content script's CPU time falls outside its `boi-canh:slice` measures,
 * which the work time misses.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { SourceMapConsumer, type RawSourceMap } from 'source-map-js';
import { gateFiles, sourcePath } from './bundle';
import { installRecorder, PAGE_NAMES, readRecorder } from './in-page';
import { datasetSentences, newsPage } from './page-text';
import { ms, table } from './stats';
import { launchWithExtension } from '../browser/launch';
import { contentScriptQuiet } from '../browser/page-tools';
import { serveStatic } from '../browser/server';
import { ENGINE_FILE } from '../../lib/constants';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileReport {
  /** CPU time sampled in the content script's code (the gate's scripts and the engine), ms. */
  contentScript: number;
  /** The same, by built file. */
  byScript: Array<{ name: string; ms: number }>;
  /** The sum of its slices in the same load. */
  slices: number;
  /** Garbage collection in the renderer over the same load (page and content script alike). */
  gc: number;
  byFile: Array<{ name: string; ms: number }>;
  byFunction: Array<{ name: string; ms: number }>;
}

export async function profileContentScript(sourceMappedDir: string, generatedDir: string, bytes: number): Promise<ProfileReport> {
  const extensionDir = join(sourceMappedDir, 'chrome-mv3');
  // Each built script of the content script, with its map (beside it, at the build root).
  const scripts = [...gateFiles(extensionDir).scripts, ENGINE_FILE].map((file) => {
    const map = JSON.parse(readFileSync(join(extensionDir, `${file}.map`), 'utf8')) as RawSourceMap;
    return { file, consumer: new SourceMapConsumer(map), mapDir: dirname(join(extensionDir, file)) };
  });
  const scriptOf = (url: string) => scripts.find((s) => url.endsWith(`/${s.file}`));
  const dir = mkdtempSync(join(tmpdir(), 'boi-canh-profile-page-'));
  writeFileSync(join(dir, 'page.html'), newsPage(datasetSentences(generatedDir), bytes).html);
  const server = await serveStatic(dir);
  const browser = await launchWithExtension({ extensionDir });
  try {
    const page = await browser.context.newPage();
    await page.addInitScript(installRecorder, PAGE_NAMES);
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    await page.goto(`${server.url}/page.html`, { waitUntil: 'load' });
    await contentScriptQuiet(page, 100);
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
    const reading = await page.evaluate(readRecorder, PAGE_NAMES);
    const self = new Map<number, number>();
    profile.samples.forEach((id, i) => {
      self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
    });
    const byScript = new Map<string, number>(scripts.map((s) => [s.file, 0]));
    const byFile = new Map<string, number>();
    const byFunction = new Map<string, number>();
    let contentScript = 0;
    let gc = 0;
    for (const node of profile.nodes) {
      const t = self.get(node.id) ?? 0;
      if (node.callFrame.functionName === '(garbage collector)') gc += t;
      const script = scriptOf(node.callFrame.url);
      if (!script || t === 0) continue;
      contentScript += t;
      byScript.set(script.file, byScript.get(script.file)! + t);
      const { consumer } = script;
      const at = consumer.originalPositionFor({ line: node.callFrame.lineNumber + 1, column: node.callFrame.columnNumber });
      const file = at.source ? sourcePath(at.source, script.mapDir) : `(unmapped, ${script.file})`;
      byFile.set(file, (byFile.get(file) ?? 0) + t);
      // Minified names say nothing: name the function by the source line it starts on.
      // (A function's first position can map onto the brace that closes the one before it.)
      const lines =
        at.source && at.line ? (consumer.sourceContentFor(at.source, true)?.split('\n') ?? []).slice(at.line - 1, at.line + 20) : [];
      const line = (lines.find((l) => /function|=>|\w+\(.*\)\s*(:.*)?\{\s*$/.test(l)) ?? lines[0] ?? '').trim().slice(0, 60);
      const fn = `${file}:${at.line ?? '?'} ${line || node.callFrame.functionName}`;
      byFunction.set(fn, (byFunction.get(fn) ?? 0) + t);
    }
    const sorted = (m: Map<string, number>) => [...m].map(([name, t]) => ({ name, ms: t })).sort((a, b) => b.ms - a.ms);
    return {
      contentScript,
      byScript: [...byScript].map(([name, t]) => ({ name, ms: t })),
      slices: reading.slices.reduce((s, e) => s + e.duration, 0),
      gc,
      byFile: sorted(byFile),
      byFunction: sorted(byFunction),
    };
  } finally {
    await browser.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export function formatProfile(report: ProfileReport): string {
  const share = (t: number) => `${((t / report.contentScript) * 100).toFixed(0)} %`;
  const scripts = report.byScript.map((s) => s.name).join(' + ');
  return [
    `CPU time sampled in ${scripts}: ${ms(report.contentScript)} (${report.byScript.map((s) => `${s.name} ${ms(s.ms)}`).join(', ')}); ` +
      `its slices sum to ${ms(report.slices)} ` +
      `(so ${ms(Math.max(0, report.contentScript - report.slices))} ran outside the measured slices); renderer GC over the load: ${ms(report.gc)}`,
    '',
    table(
      ['source file', 'self time', 'share'],
      report.byFile.slice(0, 10).map((f) => [f.name, ms(f.ms), share(f.ms)]),
    ),
    '',
    table(
      ['function (source:line name)', 'self time', 'share'],
      report.byFunction.slice(0, 12).map((f) => [f.name, ms(f.ms), share(f.ms)]),
    ),
  ].join('\n');
}
