/**
 * Benchmarks of the pure core on the real dataset, in Node: matcher throughput against one
 * RegExp per alias (the approach of keyword highlighters such as mark.js), and search latency
 * and index load time. Prints medians of several runs; timings vary with the machine, ratios
 * are measured side by side.
 *
 *   npm run bench
 */
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { Matcher } from '../lib/matcher';
import { loadSearchIndex, search } from '../lib/search';
import type { MatcherData } from '../lib/artifacts';
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
const loadMs = time(() => loadSearchIndex(indexJson));
const index = loadSearchIndex(indexJson);
const queries = ['bau troi mo', 'hiep uoc inf', 'Vladimir Putin', 'stoltenbreg', 'ổn định chiến lược', 'g'];

console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}`);
console.log(`Dataset: ${built.stats.articles} articles, ${built.stats.passages} passages, ${built.stats.entities} entities, ${built.stats.aliases} aliases`);
console.log('');
console.log(`Matcher build (${aliases.length} aliases)       ${buildMs.toFixed(2)} ms`);
console.log(`Matcher on ${megabytes.toFixed(2)} MB of text         ${matchMs.toFixed(1)} ms  (${(megabytes / (matchMs / 1000)).toFixed(1)} MB/s, ${mentions} mentions)`);
console.log(`One RegExp per alias, same text       ${regexMs.toFixed(1)} ms  (${regexHits} raw hits, no accent or tone handling)`);
console.log(`Speed-up over one RegExp per alias    ${(regexMs / matchMs).toFixed(1)}×`);
console.log('');
console.log(`Search index load (${(indexJson.length / 1024).toFixed(1)} kB JSON)   ${loadMs.toFixed(2)} ms`);
for (const q of queries) {
  let first = '';
  const ms = time(() => (first = search(index, q)[0]?.entityId ?? '—'), 21);
  console.log(`Search ${JSON.stringify(q).padEnd(24)}      ${ms.toFixed(3)} ms  → ${first}`);
}
