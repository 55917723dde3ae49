/**
 * The dataset at scale: 10,000 articles and 1,000 entities (scripts/bench/dataset.ts) built by
 * the real build, in a temporary folder, beside the seed dataset built the same way (both
 * timed, dataset and extension, as `npm run build` runs them; each extension into its own
 * output folder, the shipped build untouched). Reports the artefact and package sizes, the
 * content script (the engine, which holds the matcher table and grows with the dataset, and
 * the gate, which must not), the matcher in Node with the larger alias table, and the search
 * and card routes side by side in Node (scripts/bench/routes.ts); then, in Chromium, each build side by side: the 1 MB page, the
 * popup (scripts/bench/popup.ts) and the background (scripts/bench/background.ts), with the
 * figures issue 15 asks for (scripts/bench/thresholds.ts).
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import type { MatcherData } from '../../lib/artifacts';
import { Matcher } from '../../lib/matcher';
import { backgroundFigures, benchBackground, type BackgroundReport } from './background';
import { buildVariant, ENGINE_BUDGET, fileSize, GATE_BUDGET, gateSize, gzipSize, verdict, type FileSize, type GateSize } from './bundle';
import { writeScaleDataset, type ScaleOptions } from './dataset';
import { datasetSentences, paragraphs } from './page-text';
import { benchPages, type OurRun, type PageBenchReport } from './pages';
import { benchPopup, FIRST_QUERY, popupFigures, type PopupReport } from './popup';
import { benchRoutes, formatRoutes, type RoutesReport } from './routes';
import { kB, MB, median, ms, ratio, table, time } from './stats';
import { BUILD_MS, CARD_COLD_MS, FIRST_RESULTS_MS, KEYSTROKE_P95_MS, met, USABLE_MS, WORK_RATIO } from './thresholds';
import { buildDataset, type BuildResult } from '../build-data';
import { ENGINE_FILE } from '../../lib/constants';

const root = resolve(import.meta.dirname, '../..');
/** Cards asked of the background: seed entities at both sizes, and a generated person at scale. */
const SEED_CARDS = ['new-start', 'vladimir-putin'];
const SCALE_CARD = 'scale-person-1';

/** How many runs of each part in Chromium (0: not run), and whether the Node parts run. */
export interface ScaleRuns {
  pages: number;
  popup: number;
  cards: number;
  node: boolean;
}

/** One build, timed as `npm run build` runs it, and its package. */
export interface BuildFigures {
  /** buildDataset and writing its files; the extension build (wxt build). */
  dataMs: number;
  extensionMs: number;
  /** The unpacked Chromium folder, and a zip of it (deflate level 9, as a zip file holds it). */
  files: number;
  bytes: number;
  zip: number;
}

export interface SideBySide<T> {
  seed: T;
  scale: T;
}

export interface ScaleReport {
  options: ScaleOptions;
  stats: { articles: number; passages: number; entities: number; aliases: number };
  writeMs: number;
  builds: SideBySide<BuildFigures>;
  artefacts: Record<string, FileSize>;
  /** The engine (engine.js) with the seed dataset and with this one. */
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
  } | null;
  /** The search and card routes side by side in Node (scripts/bench/routes.ts), seed then scale. */
  routes: RoutesReport[] | null;
  pages: SideBySide<OurRun[]> | null;
  popup: SideBySide<PopupReport> | null;
  background: SideBySide<BackgroundReport> | null;
}

const sizeOf = (text: string): FileSize => ({ raw: Buffer.byteLength(text), gzip: gzipSize(text) });

/** Writes a build's files (some under subfolders) as scripts/build-data.ts does. */
function writeBuilt(dir: string, built: BuildResult): void {
  for (const [name, content] of Object.entries(built.files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
}

/** Builds the dataset in `dataDir` and the extension with it, timing both; the Chromium build lands in `<outDir>/chrome-mv3`. */
function timedBuild(dataDir: string, generatedDir: string, outDir: string): { built: BuildResult; figures: BuildFigures } {
  let start = performance.now();
  const built = buildDataset(dataDir);
  writeBuilt(generatedDir, built);
  const dataMs = performance.now() - start;
  start = performance.now();
  buildVariant(outDir, { BOI_CANH_GENERATED: generatedDir });
  const extensionMs = performance.now() - start;
  return { built, figures: { dataMs, extensionMs, ...packageSize(join(outDir, 'chrome-mv3')) } };
}

/** The folder's bytes, and a zip's: per file a local header and a central entry (each with the name) and its data deflated, or stored if smaller. */
function packageSize(dir: string): { files: number; bytes: number; zip: number } {
  const names = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => statSync(join(dir, name)).isFile());
  let bytes = 0;
  let zip = 22;
  for (const name of names) {
    const data = readFileSync(join(dir, name));
    const nameBytes = Buffer.byteLength(relative(dir, join(dir, name)));
    bytes += data.length;
    zip += 30 + 46 + 2 * nameBytes + Math.min(data.length, deflateRawSync(data, { level: 9 }).length);
  }
  return { files: names.length, bytes, zip };
}

export async function benchScale(options: ScaleOptions, runs: ScaleRuns): Promise<ScaleReport> {
  const dir = mkdtempSync(join(tmpdir(), 'boi-canh-scale-'));
  try {
    const dataDir = join(dir, 'data');
    const seedGenerated = join(dir, 'seed-generated');
    const generatedDir = join(dir, 'generated');
    const seedOut = join(dir, 'seed-output');
    const outDir = join(dir, 'output');
    // The seed dataset built the same way: the same sources on both sides, whatever .output holds.
    const seed = timedBuild(join(root, 'data'), seedGenerated, seedOut);
    const start = performance.now();
    writeScaleDataset(join(root, 'data'), dataDir, options);
    const writeMs = performance.now() - start;
    // The real build (validation, passages, cards, search index), as `npm run build` runs it.
    const scale = timedBuild(dataDir, generatedDir, outDir);
    const built = scale.built;
    const artefacts = Object.fromEntries(Object.entries(built.files).map(([name, content]) => [name, sizeOf(content)]));
    const seedExtension = join(seedOut, 'chrome-mv3');
    const extension = join(outDir, 'chrome-mv3');

    let matcher: ScaleReport['matcher'] = null;
    let routes: ScaleReport['routes'] = null;
    const scaleData = JSON.parse(built.files['matcher.json']!) as MatcherData;
    if (runs.node) {
      // The matcher in Node: the seed alias table and the large one on the same 1 MB of text,
      // half seed sentences and half generated ones, so that both tables find names.
      const seedData = JSON.parse(seed.built.files['matcher.json']!) as MatcherData;
      const scaleSentences = datasetSentences(generatedDir).filter((_, i) => i % 97 === 0);
      const text = paragraphs([...datasetSentences(seedGenerated), ...scaleSentences], 1_000_000).join('\n');
      const aliasesOf = (d: MatcherData) => d.aliases.map(([t, entity]) => ({ text: t, entity }));
      const seedMatcher = new Matcher(aliasesOf(seedData));
      const scaleMatcher = new Matcher(aliasesOf(scaleData));
      let seedMentions = 0;
      let mentions = 0;
      matcher = {
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
      routes = [await benchRoutes('seed dataset', seed.built.files), await benchRoutes('this dataset', built.files)];
    }

    // The same page (the seed sentences) with each build, one after the other, run by run.
    let pages: ScaleReport['pages'] = null;
    if (runs.pages > 0) {
      const one = {
        generatedDir: seedGenerated,
        sizes: [{ label: '1MB', bytes: 1_000_000, runs: 1 }],
        markJsCapMs: 0,
        incremental: { labels: [], batches: 0, perBatch: 0 },
        oursOnly: true,
      };
      pages = { seed: [], scale: [] };
      for (let r = 0; r < runs.pages; r++) {
        const a: PageBenchReport = await benchPages({ ...one, extensionDir: seedExtension });
        const b: PageBenchReport = await benchPages({ ...one, extensionDir: extension });
        pages.seed.push(...a.sizes[0]!.ours);
        pages.scale.push(...b.sizes[0]!.ours);
      }
    }
    // One browser at a time: the popup with each build, then the background with each.
    const popup =
      runs.popup > 0
        ? {
            seed: await benchPopup({ extensionDir: seedExtension, runs: runs.popup }),
            scale: await benchPopup({ extensionDir: extension, runs: runs.popup }),
          }
        : null;
    const scaleCards = [...SEED_CARDS, ...(scaleData.entities.some((e) => e.id === SCALE_CARD) ? [SCALE_CARD] : [])];
    const background =
      runs.cards > 0
        ? {
            seed: await benchBackground({ extensionDir: seedExtension, entityIds: SEED_CARDS, runs: runs.cards }),
            scale: await benchBackground({ extensionDir: extension, entityIds: scaleCards, runs: runs.cards }),
          }
        : null;
    return {
      options,
      stats: built.stats,
      writeMs,
      builds: { seed: seed.figures, scale: scale.figures },
      artefacts,
      seedEngine: fileSize(join(seedExtension, ENGINE_FILE)),
      engine: fileSize(join(extension, ENGINE_FILE)),
      seedGate: gateSize(seedExtension),
      gate: gateSize(extension),
      matcher,
      routes,
      pages,
      popup,
      background,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Artefacts one by one, except a folder of many (the card shards): one row for all of them. */
function artefactRows(artefacts: Record<string, FileSize>): string[][] {
  const byDir = new Map<string, string[]>();
  for (const name of Object.keys(artefacts)) byDir.set(dirname(name), [...(byDir.get(dirname(name)) ?? []), name]);
  return [...byDir.values()].flatMap((names) => {
    if (names.length <= 8) return names.map((n) => [n, kB(artefacts[n]!.raw), kB(artefacts[n]!.gzip)]);
    const sum = (f: (s: FileSize) => number) => names.reduce((t, n) => t + f(artefacts[n]!), 0);
    const largest = Math.max(...names.map((n) => artefacts[n]!.raw));
    return [[`${dirname(names[0]!)}/ (${names.length} files, the largest ${kB(largest)})`, kB(sum((x) => x.raw)), kB(sum((x) => x.gzip))]];
  });
}

const seconds = (value: number) => `${(value / 1000).toFixed(1)} s`;

function formatBrowserFigures(r: ScaleReport, out: string[]): void {
  const sizeName = `${r.stats.articles.toLocaleString('en')} articles, ${r.stats.entities.toLocaleString('en')} entities`;
  const rows: string[][] = [];
  const row = (what: string, seed: string, scale: string, limit = '', verdict = '') => rows.push([what, seed, scale, limit, verdict]);
  if (r.popup) {
    const [a, b] = [popupFigures(r.popup.seed), popupFigures(r.popup.scale)];
    const n = `median of ${b.runs}`;
    row(`popup: opening → usable search box (${n})`, ms(a.usable), ms(b.usable), `≤ ${USABLE_MS} ms`, met(b.usable, USABLE_MS));
    row(
      `popup: "${FIRST_QUERY}" typed at once, first key → first results (${n})`,
      ms(a.firstResults),
      ms(b.firstResults),
      `≤ ${FIRST_RESULTS_MS} ms`,
      met(b.firstResults, FIRST_RESULTS_MS),
    );
    row('… the same from its input event', ms(a.firstResultsFromInput), ms(b.firstResultsFromInput));
    row('… first key → results for the whole query', ms(a.wholeQuery), ms(b.wholeQuery));
    row('… last key → results for the whole query', ms(a.wholeFromLast), ms(b.wholeFromLast));
    row('… first key → the whole query with passages', ms(a.wholeComplete), ms(b.wholeComplete));
    row('… opening → results for the whole query', ms(a.openToResults), ms(b.openToResults));
    const keys = `${b.keystrokes} keystrokes over ${b.runs} runs`;
    row(`popup loaded: a keystroke → results, median (${keys})`, ms(a.readerMedian), ms(b.readerMedian));
    row(
      'popup loaded: a keystroke → results, p95',
      ms(a.readerP95),
      ms(b.readerP95),
      `≤ ${KEYSTROKE_P95_MS} ms`,
      met(b.readerP95, KEYSTROKE_P95_MS),
    );
    row('popup loaded: a keystroke → results with passages, median', ms(a.completeMedian), ms(b.completeMedian));
    row('popup loaded: a keystroke → results with passages, p95', ms(a.completeP95), ms(b.completeP95));
    row(
      'popup loaded: the slowest query’s p95 (results)',
      `${ms(a.slowest?.p95 ?? Number.NaN)} "${a.slowest?.query}"`,
      `${ms(b.slowest?.p95 ?? Number.NaN)} "${b.slowest?.query}"`,
    );
    row('popup: page heap after loading, after a GC', MB(a.pageHeap), MB(b.pageHeap));
    row(
      'popup: its dedicated workers’ heap',
      a.workers ? `${MB(a.workerHeap)} (${a.workers})` : 'no worker',
      b.workers ? `${MB(b.workerHeap)} (${b.workers})` : 'no worker',
    );
  }
  if (r.background) {
    const [a, b] = [backgroundFigures(r.background.seed), backgroundFigures(r.background.scale)];
    const n = `median of ${b.runs}, the slowest entity`;
    row(
      `card, service worker stopped first (${n})`,
      ms(a.coldWorst),
      ms(b.coldWorst),
      `≤ ${CARD_COLD_MS} ms`,
      met(b.coldWorst, CARD_COLD_MS),
    );
    row('card, service worker running', ms(a.warmWorst), ms(b.warmWorst));
    row('service worker heap after a card, after a GC', MB(a.heap), MB(b.heap));
  }
  if (r.pages) {
    const work = median(r.pages.scale.map((o, i) => o.work / r.pages!.seed[i]!.work));
    row(
      `the 1 MB page: work time (median of ${r.pages.seed.length}; ratio: median of per-run ratios)`,
      ms(median(r.pages.seed.map((o) => o.work))),
      `${ms(median(r.pages.scale.map((o) => o.work)))} (${ratio(work, 2)})`,
      `≤ ${WORK_RATIO}× seed`,
      met(work, WORK_RATIO),
    );
  }
  const [bs, bb] = [r.builds.seed, r.builds.scale];
  row('build: dataset (buildDataset, files written)', seconds(bs.dataMs), seconds(bb.dataMs));
  row('build: extension (wxt build)', seconds(bs.extensionMs), seconds(bb.extensionMs));
  row(
    'build: the whole',
    seconds(bs.dataMs + bs.extensionMs),
    seconds(bb.dataMs + bb.extensionMs),
    `< ${BUILD_MS / 1000} s`,
    met(bb.dataMs + bb.extensionMs, BUILD_MS, true),
  );
  row('package: unpacked Chromium folder', `${MB(bs.bytes)} (${bs.files} files)`, `${MB(bb.bytes)} (${bb.files} files)`);
  row('package: zipped (deflate level 9)', MB(bs.zip), MB(bb.zip));
  out.push(`Seed dataset and ${sizeName}, side by side (thresholds from issue 15, held to the scale figures):`);
  out.push(table(['', 'seed dataset', sizeName, 'threshold', 'at scale'], rows));
  if (r.background) {
    const seedCards = new Map(backgroundFigures(r.background.seed).entities.map((e) => [e.entityId, e]));
    out.push('');
    out.push(
      table(
        ['card (get-card from an extension page)', 'seed: stopped first', 'seed: running', 'scale: stopped first', 'scale: running'],
        backgroundFigures(r.background.scale).entities.map((e) => {
          const s = seedCards.get(e.entityId);
          return [`${e.entityId} (${e.name})`, s ? ms(s.cold) : '—', s ? ms(s.warm) : '—', ms(e.cold), ms(e.warm)];
        }),
      ),
    );
  }
}

export function formatScale(r: ScaleReport): string {
  const out: string[] = [];
  const s = r.stats;
  out.push(
    `Generated: ${s.articles} articles, ${s.passages} passages, ${s.entities} entities, ${s.aliases} aliases (written in ${ms(r.writeMs, 0)})`,
  );
  out.push(
    `Dataset build (validate, compile, search index, files written): ${ms(r.builds.scale.dataMs, 0)}; extension build: ${ms(r.builds.scale.extensionMs, 0)}`,
  );
  out.push('');
  formatBrowserFigures(r, out);
  out.push('');
  const gateName = `the gate (${r.gate.files.map((f) => f.file).join(' + ')})`;
  out.push(
    table(
      ['artefact', 'raw', 'gzipped'],
      [
        ...artefactRows(r.artefacts),
        [`${ENGINE_FILE}, seed dataset`, kB(r.seedEngine.raw), kB(r.seedEngine.gzip)],
        [`${ENGINE_FILE}, this dataset`, kB(r.engine.raw), kB(r.engine.gzip)],
        [`${gateName}, seed dataset`, kB(r.seedGate.total.raw, 2), kB(r.seedGate.total.gzip, 2)],
        [`${gateName}, this dataset`, kB(r.gate.total.raw, 2), kB(r.gate.total.gzip, 2)],
      ],
    ),
  );
  out.push(
    `Engine with this dataset: ${kB(r.engine.gzip)} gzipped, ${kB(r.engine.gzip - r.seedEngine.gzip)} more than with the seed; ` +
      `budget ${kB(ENGINE_BUDGET)}: ${verdict(r.engine.gzip, ENGINE_BUDGET)}`,
  );
  // The gate holds no data: any difference means the dataset reached it.
  const gateGrowth = r.gate.total.raw - r.seedGate.total.raw;
  out.push(
    `Gate with this dataset: ${kB(r.gate.total.gzip, 2)} gzipped, ` +
      `${gateGrowth === 0 ? 'the same size as with the seed' : `${gateGrowth > 0 ? '+' : ''}${gateGrowth} bytes raw against the seed`}; ` +
      `budget ${kB(GATE_BUDGET)}: ${verdict(r.gate.total.gzip, GATE_BUDGET)}`,
  );
  const m = r.matcher;
  if (m) {
    out.push('');
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
            'this dataset',
            String(m.aliases),
            ms(m.build, 2),
            ms(m.find),
            `${(m.bytes / 1e6 / (m.find / 1000)).toFixed(1)} MB/s`,
            String(m.mentions),
          ],
        ],
      ),
    );
  }
  if (r.routes) out.push('', formatRoutes(r.routes));
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
        [row('seed dataset', r.pages.seed), row('this dataset', r.pages.scale)],
      ),
    );
    const ratios = r.pages.scale.map((o, i) => o.work / r.pages!.seed[i]!.work);
    out.push(`Work time, scale ÷ seed (median of per-run ratios): ${ratio(median(ratios), 2)}`);
  }
  return out.join('\n');
}
