/**
 * Popup search: index load (from the JSON the popup receives) and per-query latency, median
 * and 95th percentile, on the real dataset and on a generated one of 10,000 passages made of
 * the real dataset's words (scripts/synthetic-dataset.ts).
 */
import type { CardData } from '../../lib/artifacts';
import { buildSearchIndex, loadSearchIndex, search, type SearchDoc } from '../../lib/search';
import { median } from './stats';
import { syntheticDataset } from '../synthetic-dataset';

const RUNS = 7;

/** Queries of every kind: phrases with and without marks, a typo, a prefix, a common word, one letter. */
const QUERIES = [
  'bau troi mo',
  'Hiệp ước Bầu trời mở',
  'hiep uoc inf',
  'Vladimir Putin',
  'stoltenbreg',
  'ổn định chiến lược',
  'tong thong nga',
  'nga',
  'ngu',
  'g',
];

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
}

function benchSearch(label: string, json: string, passageText: (id: string) => string | undefined): void {
  console.log('');
  console.log(`Search: ${label}`);
  const loadSamples = Array.from({ length: RUNS }, () => {
    const start = performance.now();
    loadSearchIndex(json);
    return performance.now() - start;
  });
  console.log(
    `  index load (${(json.length / 1024).toFixed(1)} kB JSON)      median ${median(loadSamples).toFixed(2)} ms, p95 ${percentile(loadSamples, 0.95).toFixed(2)} ms`,
  );
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

export function benchSearches(stats: { passages: number; entities: number }, indexJson: string, cardData: CardData): void {
  benchSearch(`the real dataset (${stats.passages} passages, ${stats.entities} entities)`, indexJson, (id) => cardData.passages[id]?.text);
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
    ...Object.values(cardData.passages).map(
      (p): SearchDoc => ({ id: `passage:${p.id}`, type: 'passage', entityIds: p.entityIds, names: '', aliases: '', text: p.text }),
    ),
  ];
  const synthetic = syntheticDataset(realDocs, 10_000);
  const start = performance.now();
  const bigJson = JSON.stringify(buildSearchIndex(synthetic.docs));
  const bigIndexMs = performance.now() - start;
  benchSearch(
    `generated dataset (${synthetic.stats.passages} passages, ${synthetic.stats.words} words, ${synthetic.stats.entities} entities; built in ${bigIndexMs.toFixed(0)} ms at build time)`,
    bigJson,
    (id) => synthetic.passages.get(id),
  );
}
