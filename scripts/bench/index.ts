/**
 * Every benchmark, in one run (`npm run bench`, which builds the extension first):
 *
 * 1. the pure core in Node: matcher throughput against one RegExp per alias on the real
 *    dataset, and search latency and index load time on it and on 10,000 generated passages;
 * 2. the content script's size against its budget, and where its bytes come from, and what
 *    the extension adds to a page over the same page without it (scripts/bench/page-cost.ts);
 * 3. pages in real Chromium with the built extension (scripts/bench/pages.ts): work time,
 *    marks, the TreeWalker floor, mark.js, long tasks, heap, and appended paragraphs;
 * 4. where the content script's CPU time goes on the 1 MB page (a profile), and what the
 *    page's main thread does meanwhile (a trace);
 * 5. a dataset of 10,000 articles and 1,000 entities beside the seed dataset, both built as
 *    `npm run build` builds them (scripts/bench/scale.ts): build time and package size, the
 *    1 MB page, the popup (scripts/bench/popup.ts) and the background (scripts/bench/background.ts),
 *    against the thresholds of issue 15 (scripts/bench/thresholds.ts).
 *
 * Timings vary with the machine and its load: figures are medians of several runs, and
 * ratios are measured side by side. `--only=core,size,cost,pages,profile,scale` runs a part;
 * `--only=popup` runs the popup and the background alone, at both sizes (with the builds).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Matcher } from '../../lib/matcher';
import type { CardData, MatcherData } from '../../lib/artifacts';
import { benchBundle, buildVariant, formatBundle } from './bundle';
import { benchPageCost, formatPageCost } from './page-cost';
import { benchPages, formatPages } from './pages';
import { formatProfile, profileContentScript } from './profile';
import { benchScale, formatScale } from './scale';
import { benchSearches } from './search';
import { formatTrace, traceMainThread } from './trace';
import { time } from './stats';
import { findChromium } from '../browser/chromium';
import { buildDataset } from '../build-data';
import { DATA_FILES } from '../../lib/constants';

const root = resolve(import.meta.dirname, '../..');
const only = process.argv
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
const runs = (part: string) => !only || only.includes(part);

function heading(title: string): void {
  console.log(`\n## ${title}\n`);
}

function machine(): void {
  const chromium = (() => {
    try {
      return execFileSync(findChromium(), ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      return 'unknown';
    }
  })();
  const proc = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8') : '');
  const load = proc('/proc/loadavg').split(' ').slice(0, 3).join(' ') || 'unknown';
  const model = /model name\s*:\s*(.*)/.exec(proc('/proc/cpuinfo'))?.[1] ?? cpus()[0]?.model ?? 'unknown CPU';
  console.log(`Machine: nproc ${availableParallelism()}, CPU ${model}, Node ${process.version}, ${chromium}, load average ${load}`);
  console.log(`Date: ${new Date().toISOString()}`);
}

function benchCore(): void {
  heading('Core in Node (seed dataset)');
  const built = buildDataset(join(root, 'data'));
  const matcherData = JSON.parse(built.files['matcher.json']!) as MatcherData;
  const passages = Object.values(JSON.parse(built.files['cards.json']!).passages as Record<string, { text: string }>).map((p) => p.text);
  // About 1 MB of Vietnamese news text: the dataset's sentences between filler sentences.
  const FILLER = 'Thời tiết hôm nay ở Hà Nội có mưa rào và dông vài nơi, nhiệt độ thấp nhất từ 22 đến 24 độ. ';
  let text = '';
  for (let i = 0; text.length < 1_000_000; i++) text += `${passages[i % passages.length]} ${FILLER}${FILLER}\n`;
  const megabytes = Buffer.byteLength(text) / 1e6;

  const aliases = matcherData.aliases.map(([t, entity]) => ({ text: t, entity }));
  const buildMs = time(() => new Matcher(aliases), 7);
  const matcher = new Matcher(aliases);
  let mentions = 0;
  const matchMs = time(() => (mentions = matcher.find(text).length), 7);

  // The peer approach: one case-insensitive RegExp per alias, each over the whole text.
  const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const regexps = matcherData.aliases.map(([t]) => new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(t)}(?![\\p{L}\\p{N}])`, 'giu'));
  let regexHits = 0;
  const regexMs = time(() => {
    regexHits = 0;
    for (const re of regexps) regexHits += text.match(re)?.length ?? 0;
  }, 3);

  const indexJson = built.files[`data/${DATA_FILES.searchIndex}`]!;
  const cardData = JSON.parse(built.files['cards.json']!) as CardData;

  console.log(
    `Dataset: ${built.stats.articles} articles, ${built.stats.passages} passages, ${built.stats.entities} entities, ${built.stats.aliases} aliases`,
  );
  console.log('');
  console.log(`Matcher build (${aliases.length} aliases)       ${buildMs.toFixed(2)} ms`);
  console.log(
    `Matcher on ${megabytes.toFixed(2)} MB of text         ${matchMs.toFixed(1)} ms  (${(megabytes / (matchMs / 1000)).toFixed(1)} MB/s, ${mentions} mentions)`,
  );
  console.log(`One RegExp per alias, same text       ${regexMs.toFixed(1)} ms  (${regexHits} raw hits, no accent or tone handling)`);
  console.log(`Speed-up over one RegExp per alias    ${(regexMs / matchMs).toFixed(1)}×`);
  benchSearches(built.stats, indexJson, cardData);
}

async function main(): Promise<void> {
  machine();
  if (runs('core')) benchCore();
  // A source-mapped copy of the shipped build, in its own folder: for the byte and CPU breakdowns.
  const mapped = mkdtempSync(join(tmpdir(), 'boi-canh-sourcemapped-'));
  try {
    if (runs('size') || runs('profile')) buildVariant(mapped, { BOI_CANH_SOURCEMAP: '1' });
    if (runs('size')) {
      heading('Content script size');
      console.log(formatBundle(benchBundle(mapped, join(root, 'generated'))));
    }
    if (runs('cost')) {
      heading('Page cost (what the extension adds to a page)');
      const report = await benchPageCost({
        extensionDir: join(root, '.output/chrome-mv3'),
        firefoxExtensionDir: join(root, '.output/firefox-mv2'),
        generatedDir: join(root, 'generated'),
        runs: 7,
        bigRuns: 5,
      });
      console.log(formatPageCost(report));
    }
    if (runs('pages')) {
      heading('Pages (Chromium, built extension)');
      const report = await benchPages({
        generatedDir: join(root, 'generated'),
        sizes: [
          { label: '100kB', bytes: 100_000, runs: 5 },
          { label: '1MB', bytes: 1_000_000, runs: 5 },
          { label: '5MB', bytes: 5_000_000, runs: 3 },
        ],
        markJsCapMs: 10_000,
        incremental: { labels: ['100kB', '1MB'], batches: 10, perBatch: 100 },
      });
      console.log(formatPages(report));
    }
    if (runs('profile')) {
      heading('Where the content script’s time goes (CPU profile, 1 MB page, one load)');
      console.log(formatProfile(await profileContentScript(mapped, join(root, 'generated'), 1_000_000)));
      heading('What the main thread does meanwhile (Chromium trace, 1 MB page, one load)');
      console.log(formatTrace(await traceMainThread(join(root, 'generated'), 1_000_000)));
    }
  } finally {
    rmSync(mapped, { recursive: true, force: true });
  }
  if (runs('scale') || runs('popup')) {
    const full = runs('scale');
    heading(full ? 'Dataset at scale' : 'Popup and background at scale');
    const report = await benchScale(
      { articles: 10_000, entities: 1_000, paragraphsPerArticle: 4 },
      { pages: full ? 5 : 0, popup: 7, cards: 5, node: full },
    );
    console.log(formatScale(report));
  }
}

await main();
