/**
 * The content script's size: the gate (what the manifest injects into every page and frame)
 * and the engine (what the gate imports on pages it reads), each from the shipped build
 * (.output/chrome-mv3) against its budget; and where the bytes of each script come from,
 * traced through a source-mapped copy of the same build made in a temporary folder (the
 * shipped build is never touched).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { SourceMapConsumer, type RawSourceMap } from 'source-map-js';
import { kB, table } from './stats';
import { ENGINE_BUDGET_GZIP, ENGINE_FILE, GATE_BUDGET_GZIP } from '../../lib/constants';

const root = resolve(import.meta.dirname, '../..');
/** The shipped Chromium build, as `npm run build` leaves it. */
export const SHIPPED_BUILD = join(root, '.output/chrome-mv3');
export const SHIPPED_ENGINE = join(SHIPPED_BUILD, ENGINE_FILE);
/** The same budgets as tests/e2e/budget.test.ts, in gzipped bytes (level 9). */
export const GATE_BUDGET = GATE_BUDGET_GZIP;
export const ENGINE_BUDGET = ENGINE_BUDGET_GZIP;

export const gzipSize = (data: string | Buffer): number => gzipSync(data, { level: 9 }).length;

export interface FileSize {
  raw: number;
  gzip: number;
}

export function fileSize(path: string): FileSize {
  const data = readFileSync(path);
  return { raw: data.length, gzip: gzipSize(data) };
}

/** "within", or by how much a size is over its budget. */
export const verdict = (gzip: number, budget: number): string => (gzip <= budget ? 'within' : `over by ${kB(gzip - budget, 2)}`);

interface Manifest {
  content_scripts?: Array<{ js?: string[]; css?: string[] }>;
}

/**
 * The gate's files: every script and style sheet the build's manifest injects, as the budget
 * test reads them (so that a file added to content_scripts is counted without a change here).
 */
export function gateFiles(extensionDir: string): { scripts: string[]; styles: string[] } {
  const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as Manifest;
  const entries = manifest.content_scripts ?? [];
  return {
    scripts: [...new Set(entries.flatMap((s) => s.js ?? []))],
    styles: [...new Set(entries.flatMap((s) => s.css ?? []))],
  };
}

export interface GateSize {
  files: Array<{ file: string; size: FileSize }>;
  /** Each file gzipped by itself and summed, as the browser fetches them. */
  total: FileSize;
}

export function gateSize(extensionDir: string): GateSize {
  const { scripts, styles } = gateFiles(extensionDir);
  const files = [...scripts, ...styles].map((file) => ({ file, size: fileSize(join(extensionDir, file)) }));
  return {
    files,
    total: { raw: files.reduce((s, f) => s + f.size.raw, 0), gzip: files.reduce((s, f) => s + f.size.gzip, 0) },
  };
}

/** Builds the extension with WXT into `outDir`, with the environment's variants (see wxt.config.ts). */
export function buildVariant(outDir: string, env: Record<string, string>): void {
  execFileSync(join(root, 'node_modules/.bin/wxt'), ['build'], {
    cwd: root,
    env: { ...process.env, ...env, BOI_CANH_OUT_DIR: outDir },
    stdio: 'pipe',
  });
}

/**
 * A source of a source map as a path from the project root ("content/gate/session.ts"), or
 * from its package's node_modules folder on: map sources are relative to the map, and the
 * bench's builds sit in temporary folders.
 */
export function sourcePath(source: string, mapDir: string): string {
  const path = relative(root, resolve(mapDir, source)).replace(/\\/g, '/');
  const inPackage = path.lastIndexOf('node_modules/');
  return inPackage >= 0 ? path.slice(inPackage) : path;
}

/** The part of the bundle a source belongs to: its file, or its package. */
function group(path: string): string {
  if (!path.startsWith('node_modules/')) return path;
  const [, scope, name] = path.split('/');
  return `package ${scope?.startsWith('@') ? `${scope}/${name}` : scope}`;
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
export function attribute(code: string, map: RawSourceMap, mapDir: string): Attribution {
  const consumer = new SourceMapConsumer(map);
  const lineStarts = [0];
  for (let i = 0; i < code.length; i++) if (code.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const parts = ['(bundler glue)', MATCHER_DATA];
  const owner = new Uint16Array(code.length);
  const marks: Array<{ at: number; part: number }> = [];
  consumer.eachMapping((m) => {
    const name = m.source ? group(sourcePath(m.source, mapDir)) : parts[0]!;
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

function gzipWithout(runs: Attribution['runs'], drop: (part: string) => boolean): number {
  return gzipSize(
    runs
      .filter((r) => !drop(r.part))
      .map((r) => r.text)
      .join(''),
  );
}

export interface ScriptBreakdown {
  file: string;
  parts: BundlePart[];
  /** Gzipped size of the script without the inlined matcher data: what the code alone weighs. */
  withoutMatcherData: number;
  /** Whether the script holds the matcher data at all (only the engine should). */
  hasMatcherData: boolean;
}

export interface BundleReport {
  gate: GateSize;
  engine: FileSize;
  matcherJson: FileSize;
  /** The gate's scripts, then the engine. */
  breakdowns: ScriptBreakdown[];
}

function breakdown(extensionDir: string, file: string): ScriptBreakdown {
  const path = join(extensionDir, file);
  const code = readFileSync(path, 'utf8');
  const map = JSON.parse(readFileSync(`${path}.map`, 'utf8')) as RawSourceMap;
  const { parts, runs } = attribute(code, map, dirname(path));
  return {
    file,
    parts,
    withoutMatcherData: gzipWithout(runs, (p) => p === MATCHER_DATA),
    hasMatcherData: parts.some((p) => p.part === MATCHER_DATA),
  };
}

export function benchBundle(sourceMappedDir: string, generatedDir: string): BundleReport {
  const mapped = join(sourceMappedDir, 'chrome-mv3');
  return {
    gate: gateSize(SHIPPED_BUILD),
    engine: fileSize(SHIPPED_ENGINE),
    matcherJson: fileSize(join(generatedDir, 'matcher-compact.json')),
    breakdowns: [...gateFiles(mapped).scripts, ENGINE_FILE].map((file) => breakdown(mapped, file)),
  };
}

function formatBreakdown(b: ScriptBreakdown): string {
  const total = b.parts.reduce((s, p) => s + p.raw, 0);
  // Parts under 1 % of the script are summed up in a line, not listed.
  const listed = (p: BundlePart) => p.raw >= total / 100;
  const lines = [
    `${b.file}:`,
    table(
      ['part', 'minified', 'share', 'gzip alone'],
      b.parts.filter(listed).map((p) => [p.part, kB(p.raw, 2), `${((p.raw / total) * 100).toFixed(1)} %`, kB(p.gzipAlone, 2)]),
    ),
  ];
  const small = b.parts.filter((p) => !listed(p));
  if (small.length > 0)
    lines.push(
      `(${small.length} smaller parts not listed, ${kB(
        small.reduce((s, p) => s + p.raw, 0),
        2,
      )} minified in all)`,
    );
  if (b.hasMatcherData) lines.push(`${b.file} without the matcher data: ${kB(b.withoutMatcherData, 2)} gzipped`);
  return lines.join('\n');
}

export function formatBundle(report: BundleReport): string {
  const { gate, engine } = report;
  return [
    table(
      ['file (shipped build)', 'raw', 'gzipped (level 9)', 'budget (gzipped)', 'verdict'],
      [
        ...gate.files.map((f) => [f.file, kB(f.size.raw, 2), kB(f.size.gzip, 2), '', '']),
        [
          `the gate (${gate.files.map((f) => f.file).join(' + ')}), every page and frame`,
          kB(gate.total.raw, 2),
          kB(gate.total.gzip, 2),
          kB(GATE_BUDGET, 2),
          verdict(gate.total.gzip, GATE_BUDGET),
        ],
        [
          `the engine (${ENGINE_FILE}), pages that are read`,
          kB(engine.raw, 2),
          kB(engine.gzip, 2),
          kB(ENGINE_BUDGET, 2),
          verdict(engine.gzip, ENGINE_BUDGET),
        ],
      ],
    ),
    '',
    `generated/matcher-compact.json alone: ${kB(report.matcherJson.raw)} raw, ${kB(report.matcherJson.gzip)} gzipped`,
    '',
    'Where the bytes come from (minified bytes by source, from a source-mapped copy of the same build; "gzip alone" compresses that part by itself):',
    '',
    report.breakdowns.map(formatBreakdown).join('\n\n'),
  ].join('\n');
}
