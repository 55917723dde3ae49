/**
 * Benchmarks of the pure core on the real dataset, in Node: matcher throughput against one
 * RegExp per alias (the approach of keyword highlighters such as mark.js), and search latency
 * and index load time, on the real dataset and on a generated one of 10,000 passages. Prints
 * medians (and 95th percentiles for search) of several runs; timings vary with the machine,
 * ratios are measured side by side.
 *
 *   npm run bench
 */
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { Matcher } from '../lib/matcher';
import { buildSearchIndex, loadSearchIndex, search, type SearchDoc } from '../lib/search';
import type { CardData, MatcherData } from '../lib/artifacts';
import { syntheticDataset } from './synthetic-dataset';
import { buildDataset } from './build-data';

const RUNS = 7;
const root = resolve(import.meta.dirname, '..');

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function time(run: () => unknown, runs = RUNS): number {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

const built = buildDataset(join(root, 'data'));
const matcherData = JSON.parse(built.files['matcher.json']!) as MatcherData;
const passages = Object.values(JSON.parse(built.files['cards.json']!).passages as Record<string, { text: string }>).map((p) => p.text);

// About 1 MB of Vietnamese news text: the dataset's sentences between filler sentences.
const FILLER = 'Thời tiết hôm nay ở Hà Nội có mưa rào và dông vài nơi, nhiệt độ thấp nhất từ 22 đến 24 độ. ';
let text = '';
for (let i = 0; text.length < 1_000_000; i++) text += `${passages[i % passages.length]} ${FILLER}${FILLER}\n`;
const megabytes = Buffer.byteLength(text) / 1e6;

const aliases = matcherData.aliases.map(([t, entity]) => ({ text: t, entity }));
const buildMs = time(() => new Matcher(aliases));
const matcher = new Matcher(aliases);
let mentions = 0;
const matchMs = time(() => (mentions = matcher.find(text).length));

// The peer approach: one case-insensitive RegExp per alias, each over the whole text.
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const regexps = matcherData.aliases.map(([t]) => new RegExp(`(?<![\\p{L}\\p{N}])${escape(t)}(?![\\p{L}\\p{N}])`, 'giu'));
let regexHits = 0;
const regexMs = time(() => {
  regexHits = 0;
  for (const re of regexps) regexHits += text.match(re)?.length ?? 0;
}, 3);

const indexJson = built.files['search-index.json']!;
const cardData = JSON.parse(built.files['cards.json']!) as CardData;

console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}`);
console.log(`Dataset: ${built.stats.articles} articles, ${built.stats.passages} passages, ${built.stats.entities} entities, ${built.stats.aliases} aliases`);
console.log('');
console.log(`Matcher build (${aliases.length} aliases)       ${buildMs.toFixed(2)} ms`);
console.log(`Matcher on ${megabytes.toFixed(2)} MB of text         ${matchMs.toFixed(1)} ms  (${(megabytes / (matchMs / 1000)).toFixed(1)} MB/s, ${mentions} mentions)`);
console.log(`One RegExp per alias, same text       ${regexMs.toFixed(1)} ms  (${regexHits} raw hits, no accent or tone handling)`);
console.log(`Speed-up over one RegExp per alias    ${(regexMs / matchMs).toFixed(1)}×`);

/** Queries of every kind: phrases with and without marks, a typo, a prefix, a common word, one letter. */
const QUERIES = ['bau troi mo', 'Hiệp ước Bầu trời mở', 'hiep uoc inf', 'Vladimir Putin', 'stoltenbreg', 'ổn định chiến lược', 'tong thong nga', 'nga', 'ngu', 'g'];

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
}

/** Index load (from the JSON the popup receives) and per-query latency, median and 95th percentile. */
function benchSearch(label: string, json: string, passageText: (id: string) => string | undefined): void {
  console.log('');
  console.log(`Search: ${label}`);
  const loadSamples = Array.from({ length: RUNS }, () => {
    const start = performance.now();
    loadSearchIndex(json);
    return performance.now() - start;
  });
  console.log(`  index load (${(json.length / 1024).toFixed(1)} kB JSON)      median ${median(loadSamples).toFixed(2)} ms, p95 ${percentile(loadSamples, 0.95).toFixed(2)} ms`);
  const index = loadSearchIndex(json);
  for (const q of QUERIES) {
    let results: ReturnType<typeof search> = [];
    const samples: number[] = [];
    for (let i = 0; i < 3; i++) search(index, q, { passageText }); // warm-up
    for (let i = 0; i < 25; i++) {
      const start = performance.now();
      results = search(index, q, { passageText });
      samples.push(performance.now() - start);
    }
    const hits = results.reduce((n, r) => n + r.passages.length, 0);
    console.log(
      `  ${JSON.stringify(q).padEnd(24)} median ${median(samples).toFixed(3).padStart(7)} ms, p95 ${percentile(samples, 0.95).toFixed(3).padStart(7)} ms  → ${results[0]?.entityId ?? '—'} (${results.length} entities, ${hits} passages)`,
    );
  }
}

benchSearch(`the real dataset (${built.stats.passages} passages, ${built.stats.entities} entities)`, indexJson, (id) => cardData.passages[id]?.text);

// The same search on a generated dataset of 10,000 passages made of the real dataset's words.
const realDocs: SearchDoc[] = [
  ...Object.values(cardData.cards).map(
    (c): SearchDoc => ({
      id: `entity:${c.id}`,
      type: 'entity',
      entityIds: [c.id],
      names: [c.name, c.nameEn].join(' · '),
      // As the dataset build does: aliases and the roles held.
      aliases: [...c.aliases, ...new Set(c.roles.map((r) => r.title))].join(' · '),
      text: c.description,
    }),
  ),
  ...Object.values(cardData.passages).map((p): SearchDoc => ({ id: `passage:${p.id}`, type: 'passage', entityIds: p.entityIds, names: '', aliases: '', text: p.text })),
];
const synthetic = syntheticDataset(realDocs, 10_000);
let bigIndexMs = 0;
const bigJson = (() => {
  const start = performance.now();
  const json = JSON.stringify(buildSearchIndex(synthetic.docs));
  bigIndexMs = performance.now() - start;
  return json;
})();
benchSearch(
  `generated dataset (${synthetic.stats.passages} passages, ${synthetic.stats.words} words, ${synthetic.stats.entities} entities; built in ${bigIndexMs.toFixed(0)} ms at build time)`,
  bigJson,
  (id) => synthetic.passages.get(id),
);
