/**
 * The content script's size: the shipped file (.output/chrome-mv3) against the 20 kB gzipped
 * budget, and where its bytes come from, traced through a source-mapped copy of the same
 * build made in a temporary folder (the shipped build is never touched).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { SourceMapConsumer, type RawSourceMap } from 'source-map-js';
import { kB, table } from './stats';
import { CONTENT_SCRIPT_BUDGET_GZIP } from '../../lib/constants';

const root = resolve(import.meta.dirname, '../..');
export const SHIPPED_CONTENT_SCRIPT = join(root, '.output/chrome-mv3/content-scripts/content.js');
/** The same budget as tests/e2e/budget.test.ts: 20,000 bytes gzipped. */
export const BUDGET_GZIP = CONTENT_SCRIPT_BUDGET_GZIP;

export const gzipSize = (data: string | Buffer): number => gzipSync(data, { level: 9 }).length;

export interface FileSize {
  raw: number;
  gzip: number;
}

export function fileSize(path: string): FileSize {
  const data = readFileSync(path);
  return { raw: data.length, gzip: gzipSize(data) };
}

/** Builds the extension with WXT into `outDir`, with the environment's variants (see wxt.config.ts). */
export function buildVariant(outDir: string, env: Record<string, string>): void {
  execFileSync(join(root, 'node_modules/.bin/wxt'), ['build'], {
    cwd: root,
    env: { ...process.env, ...env, BOI_CANH_OUT_DIR: outDir },
    stdio: 'pipe',
  });
}

/** The part of the bundle a source belongs to. */
function group(source: string): string {
  const path = source
    .replace(/^.*?node_modules\//, 'node_modules/')
    .replace(/^(\.\.\/)+/, '')
    .replace(/^.*?\/wt\d*\//, '');
  if (path.startsWith('node_modules/preact')) return 'Preact';
  if (path.startsWith('node_modules/@floating-ui')) return 'Floating UI';
  if (path.includes('webextension-polyfill')) return 'webextension-polyfill';
  if (path.startsWith('node_modules/@wxt-dev/storage') || path.startsWith('node_modules/superlock')) return 'WXT storage';
  if (path.startsWith('node_modules/')) return `other packages (${path.split('/')[1]}…)`;
  return path;
}

export const MATCHER_DATA = 'matcher data (generated/matcher-compact.json, inlined)';

/**
 * The inlined matcher data: the object literal that holds `entities:[` (JSON modules get no
 * source mappings, so it is found in the code itself), from its `{` to the matching `}`.
 */
function inlinedJsonSpan(code: string): [number, number] | null {
  // The compact table (lib/compact-matcher.ts) is an object whose first key is `table`.
  const start = code.indexOf('{table:');
  if (start < 0) return null;
  let depth = 0;
  let quote = '';
  for (let i = start; i < code.length; i++) {
    const ch = code[i]!;
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'" || ch === '`') quote = ch;
    else if (ch === '{' || ch === '[') depth++;
    else if ((ch === '}' || ch === ']') && --depth === 0) return [start, i + 1];
  }
  return null;
}

export interface BundlePart {
  part: string;
  raw: number;
  gzipAlone: number;
}

export interface Attribution {
  parts: BundlePart[];
  /** The bundle in order, each run of characters with its part: to gzip what would remain without some parts. */
  runs: Array<{ part: string; text: string }>;
}

/** Bytes of a source-mapped bundle by source: each mapped segment counts for its source. */
export function attribute(code: string, map: RawSourceMap): Attribution {
  const consumer = new SourceMapConsumer(map);
  const lineStarts = [0];
  for (let i = 0; i < code.length; i++) if (code.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const parts = ['(bundler glue)', MATCHER_DATA];
  const owner = new Uint16Array(code.length);
  const marks: Array<{ at: number; part: number }> = [];
  consumer.eachMapping((m) => {
    const name = m.source ? group(m.source) : parts[0]!;
    if (!parts.includes(name)) parts.push(name);
    marks.push({ at: lineStarts[m.generatedLine - 1]! + m.generatedColumn, part: parts.indexOf(name) });
  });
  marks.sort((a, b) => a.at - b.at);
  marks.forEach((m, i) => {
    owner.fill(m.part, m.at, marks[i + 1]?.at ?? code.length);
  });
  const json = inlinedJsonSpan(code);
  if (json) owner.fill(1, json[0], json[1]);
  const pieces = parts.map(() => [] as string[]);
  const runs: Attribution['runs'] = [];
  for (let i = 0; i < code.length; ) {
    let j = i;
    while (j < code.length && owner[j] === owner[i]) j++;
    pieces[owner[i]!]!.push(code.slice(i, j));
    runs.push({ part: parts[owner[i]!]!, text: code.slice(i, j) });
    i = j;
  }
  return {
    parts: parts
      .map((part, k) => {
        const text = pieces[k]!.join('');
        return { part, raw: Buffer.byteLength(text), gzipAlone: gzipSize(text) };
      })
      .filter((p) => p.raw > 0)
      .sort((a, b) => b.raw - a.raw),
    runs,
  };
}

/**
 * What the card's interface weighs (needed only once a reader hovers a mark), and the
 * extension-API layers (replaceable by the plain `chrome` API in Chrome): the gzipped size of
 * the bundle without them, as a guide to what moving them out would save.
 */
const CARD_UI = (part: string) => ['Floating UI', 'Preact'].includes(part) || /^components\/|popover-host|page-theme/.test(part);
const API_LAYERS = (part: string) => ['webextension-polyfill', 'WXT storage'].includes(part);

function gzipWithout(runs: Attribution['runs'], drop: (part: string) => boolean): number {
  return gzipSize(
    runs
      .filter((r) => !drop(r.part))
      .map((r) => r.text)
      .join(''),
  );
}

export interface BundleReport {
  shipped: FileSize;
  matcherJson: FileSize;
  parts: BundlePart[];
  /** Gzipped size of the bundle without the card's interface; without it and the API layers too. */
  withoutCardUi: number;
  withoutCardUiAndApiLayers: number;
}

export function benchBundle(sourceMappedDir: string, generatedDir: string): BundleReport {
  const file = join(sourceMappedDir, 'chrome-mv3/content-scripts/content.js');
  const code = readFileSync(file, 'utf8');
  const map = JSON.parse(readFileSync(`${file}.map`, 'utf8')) as RawSourceMap;
  const { parts, runs } = attribute(code, map);
  return {
    shipped: fileSize(SHIPPED_CONTENT_SCRIPT),
    matcherJson: fileSize(join(generatedDir, 'matcher-compact.json')),
    parts,
    withoutCardUi: gzipWithout(runs, CARD_UI),
    withoutCardUiAndApiLayers: gzipWithout(runs, (p) => CARD_UI(p) || API_LAYERS(p)),
  };
}

export function formatBundle(report: BundleReport): string {
  const { shipped } = report;
  const verdict = shipped.gzip <= BUDGET_GZIP ? 'within' : `over by ${kB(shipped.gzip - BUDGET_GZIP)}`;
  const total = report.parts.reduce((s, p) => s + p.raw, 0);
  return [
    `content-scripts/content.js: ${kB(shipped.raw)} raw, ${kB(shipped.gzip)} gzipped (level 9); budget ${kB(BUDGET_GZIP)} gzipped: ${verdict}`,
    `generated/matcher-compact.json alone: ${kB(report.matcherJson.raw)} raw, ${kB(report.matcherJson.gzip)} gzipped`,
    '',
    'Where the bytes come from (minified bytes by source, from a source-mapped copy of the same build; "gzip alone" compresses that part by itself):',
    table(
      ['part', 'minified', 'share', 'gzip alone'],
      report.parts.filter((p) => p.raw >= 400).map((p) => [p.part, kB(p.raw), `${((p.raw / total) * 100).toFixed(1)} %`, kB(p.gzipAlone)]),
    ),
    `(${report.parts.filter((p) => p.raw < 400).length} smaller parts not listed)`,
    '',
    `Without the card's interface (Floating UI, Preact, components/, popover-host, page-theme; needed only on hover): ${kB(report.withoutCardUi)} gzipped`,
    `Without it and the extension-API layers (webextension-polyfill, WXT storage): ${kB(report.withoutCardUiAndApiLayers)} gzipped`,
  ].join('\n');
}
