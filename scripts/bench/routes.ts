/**
 * The routes to a dataset that scales, measured side by side in Node on one compiled dataset
 * (issue 15): one index on the main thread (the popup before), MiniSearch's asynchronous
 * loading on the main thread, and the entity index at once with the whole index in a worker
 * (the popup now); and for cards, one file for all (the background before) against one shard.
 */
import MiniSearch from 'minisearch';
import { DATA_FILES } from '../../lib/constants';
import { loadSearchIndex, search, SEARCH_OPTIONS, type SearchDoc } from '../../lib/search';
import { kB, median, ms, table } from './stats';

/** What a reader types, one keystroke at a time (as the popup bench types it). */
export const TYPED = ['bau troi mo', 'Vladimir Putin', 'ngoai truong nga', 'hiep uoc', 'stoltenbreg'];

export interface RoutesReport {
  label: string;
  wholeIndex: { bytes: number; loadMs: number; asyncTotalMs: number; asyncLongestMs: number; keystroke: Percentiles };
  entityIndex: { bytes: number; loadMs: number; keystroke: Percentiles };
  cards: { allBytes: number; allParseMs: number; shards: number; shardBytes: number; shardParseMs: number };
}

interface Percentiles {
  median: number;
  p95: number;
}

function percentiles(values: number[]): Percentiles {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: median(sorted), p95: sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))]! };
}

/** Each prefix of each typed query, searched once warm: the time of each keystroke's search. */
function keystrokes(index: MiniSearch<SearchDoc>, withPassages: boolean): Percentiles {
  const text = (id: string) => index.getStoredFields(`passage:${id}`)?.text as string | undefined;
  const run = () =>
    TYPED.flatMap((query) =>
      Array.from({ length: query.length }, (_, i) => {
        const start = performance.now();
        search(index, query.slice(0, i + 1), withPassages ? { passageText: text } : {});
        return performance.now() - start;
      }),
    );
  run();
  return percentiles(run());
}

/** The longest stretch the event loop was held while `work` ran: what a page would freeze for. */
async function longestBlock(work: () => Promise<unknown>): Promise<{ totalMs: number; longestMs: number }> {
  let last = performance.now();
  let longest = 0;
  const tick = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 1);
  const start = performance.now();
  await work();
  const totalMs = performance.now() - start;
  clearInterval(tick);
  longest = Math.max(longest, performance.now() - last);
  return { totalMs, longestMs: longest };
}

const timed = (run: () => unknown): number => {
  const start = performance.now();
  run();
  return performance.now() - start;
};

/** `files` as scripts/build-data.ts returns them (paths under generated/). */
export async function benchRoutes(label: string, files: Record<string, string>): Promise<RoutesReport> {
  const whole = files[`data/${DATA_FILES.searchIndex}`]!;
  const entities = files[`data/${DATA_FILES.entityIndex}`]!;
  const loadMs = median([0, 1, 2].map(() => timed(() => loadSearchIndex(whole))));
  const asyncLoad = await longestBlock(() => MiniSearch.loadJSONAsync<SearchDoc>(whole, SEARCH_OPTIONS));
  const wholeIndex = loadSearchIndex(whole);
  const entityIndex = loadSearchIndex(entities);
  const shards = Object.entries(files).filter(([name]) => name.startsWith('data/cards/'));
  const biggest = shards.reduce((a, b) => (b[1].length > a[1].length ? b : a));
  const all = files['cards.json']!;
  return {
    label,
    wholeIndex: {
      bytes: Buffer.byteLength(whole),
      loadMs,
      asyncTotalMs: asyncLoad.totalMs,
      asyncLongestMs: asyncLoad.longestMs,
      keystroke: keystrokes(wholeIndex, true),
    },
    entityIndex: {
      bytes: Buffer.byteLength(entities),
      loadMs: median([0, 1, 2, 3, 4].map(() => timed(() => loadSearchIndex(entities)))),
      keystroke: keystrokes(entityIndex, false),
    },
    cards: {
      allBytes: Buffer.byteLength(all),
      allParseMs: median([0, 1, 2].map(() => timed(() => JSON.parse(all)))),
      shards: shards.length,
      shardBytes: Buffer.byteLength(biggest[1]),
      shardParseMs: median([0, 1, 2, 3, 4].map(() => timed(() => JSON.parse(biggest[1])))),
    },
  };
}

export function formatRoutes(reports: RoutesReport[]): string {
  const keys = (k: Percentiles, digits = 1, where = '') => `${ms(k.median, digits)} / ${ms(k.p95, digits)}${where}`;
  const rows = reports.flatMap((r) => {
    const { wholeIndex: w, entityIndex: e } = r;
    const whole = kB(w.bytes, 0);
    return [
      [r.label, 'one index on the main thread (before)', whole, ms(w.loadMs, 0), ms(w.loadMs, 0), keys(w.keystroke)],
      [r.label, 'the same, MiniSearch.loadJSONAsync', whole, ms(w.asyncTotalMs, 0), ms(w.asyncLongestMs, 0), keys(w.keystroke)],
      [r.label, 'entity index on the main thread (now)', kB(e.bytes, 0), ms(e.loadMs, 1), ms(e.loadMs, 1), keys(e.keystroke, 2)],
      [
        r.label,
        'whole index in the worker (now)',
        whole,
        `${ms(w.loadMs, 0)}, in the worker`,
        'none (the answer is posted back)',
        keys(w.keystroke, 1, ', in the worker'),
      ],
    ];
  });
  const cards = reports.map((r) => [
    r.label,
    `${kB(r.cards.allBytes, 0)}, ${ms(r.cards.allParseMs)}`,
    String(r.cards.shards),
    `${kB(r.cards.shardBytes, 0)}, ${ms(r.cards.shardParseMs, 2)}`,
  ]);
  return [
    'Search, in Node (a keystroke: each prefix of the typed queries, warm):',
    table(['dataset', 'route', 'file', 'load', 'main thread held', 'keystroke median / p95'], rows),
    '',
    'Cards: what a card reads (JSON.parse in Node):',
    table(['dataset', 'one file for all (before)', 'shards', 'the largest shard (now)'], cards),
  ].join('\n');
}
