/** Cards split into shards show exactly what the whole card data shows: card, facts, related names, timeline. */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { CardData } from '../../../lib/artifacts';
import { cardShards, entitySummaries } from '../../../lib/card-shards';
import { cardView } from '../../../lib/card-view';
import { CARD_SHARDS } from '../../../lib/constants';
import { shardFile, shardOf } from '../../../lib/shards';
import { entityTimeline } from '../../../lib/timeline';
import { buildDataset } from '../../../scripts/build-data';

const { files } = buildDataset(join(import.meta.dirname, '../../../data'));
const cards = JSON.parse(files['cards.json']!) as CardData;
const ids = Object.keys(cards.cards);

describe('card shards', () => {
  const shards = cardShards(cards);

  it.each(ids)('%s: the same card and timeline from its shard alone', (id) => {
    const shard = JSON.parse(files[`data/${shardFile(shardOf(id))}`]!) as CardData;
    for (const options of [{ today: '2026-12-01' }, { today: '2026-12-01', asOf: '2021-06-16' }]) {
      expect(cardView(shard, id, options)).toEqual(cardView(cards, id, options));
    }
    expect(entityTimeline(shard, id)).toEqual(entityTimeline(cards, id));
    expect(cardView(shard, id, { today: '2026-12-01' })!.facts.length).toBeGreaterThan(0);
  });

  it('holds each card once, in the shard its id hashes to, and writes only shards that hold cards', () => {
    const held = [...shards].flatMap(([n, shard]) => Object.keys(shard.cards).map((id) => [id, n] as const));
    expect(held.map(([id]) => id).sort()).toEqual([...ids].sort());
    for (const [id, n] of held) expect(n).toBe(shardOf(id));
    const written = Object.keys(files).filter((f) => f.startsWith('data/cards/'));
    expect(written.sort()).toEqual([...shards.keys()].map((n) => `data/${shardFile(n)}`).sort());
  });

  it('names every entity for the popup', () => {
    const summaries = entitySummaries(cards);
    expect(Object.keys(summaries).sort()).toEqual([...ids].sort());
    expect(summaries['open-skies']).toEqual({
      name: cards.cards['open-skies']!.name,
      nameEn: cards.cards['open-skies']!.nameEn,
      kind: 'treaty',
    });
  });
});

describe('shard of an id', () => {
  it('is stable and spreads ids over the shards', () => {
    expect(shardOf('vladimir-putin')).toBe(shardOf('vladimir-putin'));
    const counts = new Map<number, number>();
    for (let i = 0; i < 1000; i++) {
      const n = shardOf(`scale-person-${i}`);
      expect(n).toBeGreaterThanOrEqual(0);
      expect(n).toBeLessThan(CARD_SHARDS);
      counts.set(n, (counts.get(n) ?? 0) + 1);
    }
    expect(counts.size).toBe(CARD_SHARDS);
    // 1,000 ids over 64 shards: about 16 each, none more than twice that.
    expect(Math.max(...counts.values())).toBeLessThanOrEqual(32);
  });

  it('names its file with two digits', () => {
    expect(shardFile(7)).toBe('cards/07.json');
  });
});
