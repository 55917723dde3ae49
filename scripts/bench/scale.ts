/**
 * The dataset at scale: 10,000 articles and 200 entities (scripts/bench/dataset.ts) built by
 * the real build, in a temporary folder. Reports the build time and artefact sizes, the
 * content script built against that data (into its own output folder: the engine, which holds
 * the matcher table and grows with the dataset, and the gate, which must not), the matcher in Node
 * with the larger alias table, and search latency on the larger index; then, in Chromium, the
 * same 1 MB page with the seed build and with the scale build, side by side.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { MatcherData } from '../../lib/artifacts';
import { Matcher } from '../../lib/matcher';
import { loadSearchIndex, search } from '../../lib/search';
import {
  buildVariant,
  ENGINE_BUDGET,
  fileSize,
  GATE_BUDGET,
  gateSize,
  gzipSize,
  SHIPPED_BUILD,
  SHIPPED_ENGINE,
  verdict,
  type FileSize,
  type GateSize,
} from './bundle';
import { writeScaleDataset, type ScaleOptions } from './dataset';
import { datasetSentences, paragraphs } from './page-text';
import { benchPages, type OurRun, type PageBenchReport } from './pages';
import { kB, median, ms, ratio, table, time } from './stats';
import { buildDataset } from '../build-data';
import { ENGINE_FILE } from '../../lib/constants';

const root = resolve(import.meta.dirname, '../..');

export interface ScaleReport {
  options: ScaleOptions;
  stats: { articles: number; passages: number; entities: number; aliases: number };
  writeMs: number;
  buildMs: number;
  artefacts: Record<string, FileSize>;
  /** The engine (engine.js) with the seed dataset (the shipped build) and with this one. */
  seedEngine: FileSize;
  engine: FileSize;
  /** The gate (what the manifest injects into every page), likewise: it holds no data, so it should not change. */
  seedGate: GateSize;
  gate: GateSize;
  matcher: {
    seedAliases: number;
    aliases: number;
    seedBuild: number;
    build: number;
    seedFind: number;
    find: number;
    seedMentions: number;
    mentions: number;
    bytes: number;
  };
  searchLoadMs: number;
  searches: Array<{ query: string; ms: number; first: string }>;
  pages: { seed: OurRun[]; scale: OurRun[] } | null;
}

const sizeOf = (text: string): FileSize => ({ raw: Buffer.byteLength(text), gzip: gzipSize(text) });

export async function benchScale(options: ScaleOptions, pageRuns: number): Promise<ScaleReport> {
  const dir = mkdtempSync(join(tmpdir(), 'boi-canh-scale-'));
  try {
    const dataDir = join(dir, 'data');
    const generatedDir = join(dir, 'generated');
    let start = performance.now();
    writeScaleDataset(join(root, 'data'), dataDir, options);
    const writeMs = performance.now() - start;
    // The real build (validation, passages, cards, search index), as `npm run data` runs it.
    start = performance.now();
    const built = buildDataset(dataDir);
    const buildMs = performance.now() - start;
    mkdirSync(generatedDir, { recursive: true });
    for (const [name, content] of Object.entries(built.files)) writeFileSync(join(generatedDir, name), content);
    const artefacts = Object.fromEntries(Object.entries(built.files).map(([name, content]) => [name, sizeOf(content)]));

    const outDir = join(dir, 'output');
    buildVariant(outDir, { BOI_CANH_GENERATED: generatedDir });
    const engine = fileSize(join(outDir, 'chrome-mv3', ENGINE_FILE));
    const gate = gateSize(join(outDir, 'chrome-mv3'));

    // The matcher in Node: the seed alias table and the large one on the same 1 MB of text,
    // half seed sentences and half generated ones, so that both tables find names.
    const seedData = JSON.parse(readFileSync(join(root, 'generated/matcher.json'), 'utf8')) as MatcherData;
    const scaleData = JSON.parse(built.files['matcher.json']!) as MatcherData;
    const scaleSentences = datasetSentences(generatedDir).filter((_, i) => i % 97 === 0);
    const mixed = [...datasetSentences(join(root, 'generated')), ...scaleSentences];
    const text = paragraphs(mixed, 1_000_000).join('\n');
    const aliasesOf = (d: MatcherData) => d.aliases.map(([t, entity]) => ({ text: t, entity }));
    const seedMatcher = new Matcher(aliasesOf(seedData));
    const scaleMatcher = new Matcher(aliasesOf(scaleData));
    let seedMentions = 0;
    let mentions = 0;
    const matcher = {
      seedAliases: seedData.aliases.length,
      aliases: scaleData.aliases.length,
      seedBuild: time(() => new Matcher(aliasesOf(seedData)), 5),
      build: time(() => new Matcher(aliasesOf(scaleData)), 5),
      seedFind: time(() => (seedMentions = seedMatcher.find(text).length), 5),
      find: time(() => (mentions = scaleMatcher.find(text).length), 5),
      seedMentions: 0,
      mentions: 0,
      bytes: Buffer.byteLength(text),
    };
    matcher.seedMentions = seedMentions;
    matcher.mentions = mentions;

    start = performance.now();
    const index = loadSearchIndex(built.files['search-index.json']!);
    const searchLoadMs = performance.now() - start;
    const queries = [
      'bau troi mo',
      'Vladimir Putin',
      'stoltenbreg',
      scaleData.entities[40]!.name,
      'ong karinsky',
      'hiep uoc hang hai',
      'g',
    ];
    const searches = queries.map((query) => {
      let first = '';
      const t = time(() => (first = search(index, query)[0]?.entityId ?? '—'), 7);
      return { query, ms: t, first };
    });

    // The same page (the seed sentences) with each build, one after the other, run by run.
    let pages: ScaleReport['pages'] = null;
    if (pageRuns > 0) {
      const size = { label: '1MB', bytes: 1_000_000, runs: pageRuns };
      const common = {
        generatedDir: join(root, 'generated'),
        sizes: [size],
        markJsCapMs: 0,
        incremental: { labels: [], batches: 0, perBatch: 0 },
        oursOnly: true,
      };
      const seed: OurRun[] = [];
      const scale: OurRun[] = [];
      for (let r = 0; r < pageRuns; r++) {
        const one = { ...common, sizes: [{ ...size, runs: 1 }] };
        const a: PageBenchReport = await benchPages(one);
        const b: PageBenchReport = await benchPages({ ...one, extensionDir: join(outDir, 'chrome-mv3') });
        seed.push(...a.sizes[0]!.ours);
        scale.push(...b.sizes[0]!.ours);
      }
      pages = { seed, scale };
    }
    return {
      options,
      stats: built.stats,
      writeMs,
      buildMs,
      artefacts,
      seedEngine: fileSize(SHIPPED_ENGINE),
      engine,
      seedGate: gateSize(SHIPPED_BUILD),
      gate,
      matcher,
      searchLoadMs,
      searches,
      pages,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function formatScale(r: ScaleReport): string {
  const out: string[] = [];
  const s = r.stats;
  out.push(
    `Generated: ${s.articles} articles, ${s.passages} passages, ${s.entities} entities, ${s.aliases} aliases (written in ${ms(r.writeMs, 0)})`,
  );
  out.push(`Dataset build (validate, compile, search index): ${ms(r.buildMs, 0)}`);
  out.push('');
  const gateName = `the gate (${r.gate.files.map((f) => f.file).join(' + ')})`;
  out.push(
    table(
      ['artefact', 'raw', 'gzipped'],
      [
        ...Object.entries(r.artefacts).map(([name, size]) => [name, kB(size.raw), kB(size.gzip)]),
        [`${ENGINE_FILE}, seed dataset (shipped build)`, kB(r.seedEngine.raw), kB(r.seedEngine.gzip)],
        [`${ENGINE_FILE}, this dataset (built into its own folder)`, kB(r.engine.raw), kB(r.engine.gzip)],
        [`${gateName}, seed dataset (shipped build)`, kB(r.seedGate.total.raw, 2), kB(r.seedGate.total.gzip, 2)],
        [`${gateName}, this dataset (built into its own folder)`, kB(r.gate.total.raw, 2), kB(r.gate.total.gzip, 2)],
      ],
    ),
  );
  out.push(
    `Engine with this dataset: ${kB(r.engine.gzip)} gzipped, ${kB(r.engine.gzip - r.seedEngine.gzip)} more than with the seed; ` +
      `budget ${kB(ENGINE_BUDGET)}: ${verdict(r.engine.gzip, ENGINE_BUDGET)}`,
  );
  // The gate holds no data: any difference means the dataset reached it (or the shipped build is older than the sources).
  const gateGrowth = r.gate.total.raw - r.seedGate.total.raw;
  out.push(
    `Gate with this dataset: ${kB(r.gate.total.gzip, 2)} gzipped, ` +
      `${gateGrowth === 0 ? 'the same size as with the seed' : `${gateGrowth > 0 ? '+' : ''}${gateGrowth} bytes raw against the seed`}; ` +
      `budget ${kB(GATE_BUDGET)}: ${verdict(r.gate.total.gzip, GATE_BUDGET)}`,
  );
  out.push('');
  const m = r.matcher;
  out.push(
    table(
      ['matcher in Node (same text)', 'aliases', 'construction', `find on ${(m.bytes / 1e6).toFixed(2)} MB`, 'throughput', 'mentions'],
      [
        [
          'seed dataset',
          String(m.seedAliases),
          ms(m.seedBuild, 2),
          ms(m.seedFind),
          `${(m.bytes / 1e6 / (m.seedFind / 1000)).toFixed(1)} MB/s`,
          String(m.seedMentions),
        ],
        [
          '10,000-article dataset',
          String(m.aliases),
          ms(m.build, 2),
          ms(m.find),
          `${(m.bytes / 1e6 / (m.find / 1000)).toFixed(1)} MB/s`,
          String(m.mentions),
        ],
      ],
    ),
  );
  out.push('');
  out.push(`Search index load (${kB(r.artefacts['search-index.json']!.raw, 0)} JSON): ${ms(r.searchLoadMs, 0)}`);
  out.push(
    table(
      ['query', 'latency (median of 7)', 'first result'],
      r.searches.map((q) => [JSON.stringify(q.query), ms(q.ms, 2), q.first]),
    ),
  );
  if (r.pages) {
    out.push('');
    const row = (name: string, runs: OurRun[]) => [
      name,
      String(runs.length),
      ms(median(runs.map((o) => o.work))),
      ms(median(runs.map((o) => o.matcher))),
      ms(median(runs.map((o) => o.allMarks))),
      ms(median(runs.map((o) => o.longestTask))),
      ms(median(runs.map((o) => o.longestFrame))),
      String(median(runs.map((o) => o.marks))),
    ];
    out.push('The 1 MB page in Chromium, seed build and scale build alternating:');
    out.push(
      table(
        ['build', 'runs', 'work time', 'matcher', 'all marks', 'longest task', 'longest frame', 'marks'],
        [row('seed dataset', r.pages.seed), row('10,000-article dataset', r.pages.scale)],
      ),
    );
    const ratios = r.pages.scale.map((o, i) => o.work / r.pages!.seed[i]!.work);
    out.push(`Work time, scale ÷ seed (median of per-run ratios): ${ratio(median(ratios), 2)}`);
  }
  return out.join('\n');
}
