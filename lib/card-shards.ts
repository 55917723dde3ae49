/**
 * Splits the compiled cards into shards (lib/shards.ts): each holds its entities' cards, every
 * passage they cite or are named in (facts and the popup's timeline), those passages'
 * articles, and the names of the entities they relate to.
 */
import type { CardData, EntitySummary } from './artifacts';
import { shardOf } from './shards';

export function cardShards(data: CardData, shards?: number): Map<number, CardData> {
  const out = new Map<number, CardData>();
  const shardFor = (entityId: string): CardData => {
    const n = shardOf(entityId, shards);
    let shard = out.get(n);
    if (!shard) {
      shard = { articles: {}, passages: {}, cards: {}, names: {} };
      out.set(n, shard);
    }
    return shard;
  };
  const addPassage = (shard: CardData, passageId: string) => {
    const passage = data.passages[passageId];
    if (!passage) return;
    shard.passages[passageId] = passage;
    const article = data.articles[passage.articleId];
    if (article) shard.articles[article.id] = article;
  };
  for (const card of Object.values(data.cards)) {
    const shard = shardFor(card.id);
    shard.cards[card.id] = card;
    for (const id of [...card.facts, ...card.descriptionPassages, ...(card.endsOn ? [card.endsOn.passage] : [])]) addPassage(shard, id);
  }
  // Every passage naming an entity goes to that entity's shard: its timeline.
  for (const passage of Object.values(data.passages)) {
    for (const entityId of passage.entityIds) addPassage(shardFor(entityId), passage.id);
  }
  for (const shard of out.values()) {
    const names: Record<string, EntitySummary> = {};
    for (const card of Object.values(shard.cards)) {
      for (const id of card.related) {
        const other = data.cards[id];
        if (other && !shard.cards[id]) names[id] = { name: other.name, nameEn: other.nameEn, kind: other.kind };
      }
    }
    shard.names = names;
  }
  return out;
}

/** Every entity's name and kind, by id. */
export function entitySummaries(data: CardData): Record<string, EntitySummary> {
  return Object.fromEntries(Object.values(data.cards).map((c) => [c.id, { name: c.name, nameEn: c.nameEn, kind: c.kind }]));
}
