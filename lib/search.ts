/**
 * Search over the dataset: one document per entity (names, aliases, description) and one
 * per passage. Terms are folded (no diacritics, đ → d, lower case), so "bau troi mo" finds
 * "Bầu trời mở"; names weigh more than passage text; results are grouped by entity.
 *
 * The index is built at build time (scripts/build-data.ts) and loaded in the popup with
 * the same options, which is why they live here once.
 */
import MiniSearch, { type Options, type SearchResult } from 'minisearch';
import { fold } from './normalize';

export interface SearchDoc {
  id: string;
  type: 'entity' | 'passage';
  entityIds: string[];
  /** Display names (Vietnamese and English); entity documents only. */
  names: string;
  /** Every alias; entity documents only. */
  aliases: string;
  /** The description or the passage. */
  text: string;
}

type StoredDoc = Pick<SearchDoc, 'type' | 'entityIds' | 'names' | 'aliases'>;

const TOKEN_SEPARATOR = /[^\p{L}\p{N}\p{M}]+/u;

export const SEARCH_OPTIONS: Options<SearchDoc> = {
  fields: ['names', 'aliases', 'text'],
  storeFields: ['type', 'entityIds', 'names', 'aliases'],
  tokenize: (text) => text.split(TOKEN_SEPARATOR),
  processTerm: (term) => {
    const folded = fold(term);
    return folded.length > 0 ? folded : null;
  },
};

export function buildSearchIndex(docs: SearchDoc[]): MiniSearch<SearchDoc> {
  const index = new MiniSearch<SearchDoc>(SEARCH_OPTIONS);
  index.addAll(docs);
  return index;
}

export function loadSearchIndex(json: string): MiniSearch<SearchDoc> {
  return MiniSearch.loadJSON<SearchDoc>(json, SEARCH_OPTIONS);
}

export interface PassageHit {
  passageId: string;
  score: number;
  /** Folded query terms found in it, for highlighting. */
  terms: string[];
}

export interface EntityResult {
  /** null for passages that mention no entity. */
  entityId: string | null;
  score: number;
  terms: string[];
  passages: PassageHit[];
}

/** Passage hits count for each entity they mention, less than a hit on the entity itself. */
const PASSAGE_WEIGHT = 0.5;
/** An entity whose name or alias holds the query as a phrase (words adjacent, in order) ranks first. */
const PHRASE_BOOST = 3;

export function search(index: MiniSearch<SearchDoc>, query: string): EntityResult[] {
  if (fold(query).replace(/[^\p{L}\p{N}]/gu, '') === '') return [];
  const options = {
    boost: { names: 4, aliases: 3, text: 1 },
    // Short terms must match exactly or as a prefix; typos are tolerated from five letters on
    // (with four, "troi" would also find "tới" and "thời").
    prefix: (term: string) => term.length >= 2,
    fuzzy: (term: string) => (term.length >= 5 ? 0.2 : false),
  };
  let hits = index.search(query, { ...options, combineWith: 'AND' });
  if (hits.length === 0) hits = index.search(query, { ...options, combineWith: 'OR' });
  return groupByEntity(hits, phraseForm(query));
}

/** Folded words separated by single spaces, padded, so that phrases match whole words. */
function phraseForm(text: string): string {
  return ` ${fold(text).replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;
}

function groupByEntity(hits: SearchResult[], queryPhrase: string): EntityResult[] {
  const groups = new Map<string | null, EntityResult>();
  const group = (entityId: string | null) => {
    let g = groups.get(entityId);
    if (!g) {
      g = { entityId, score: 0, terms: [], passages: [] };
      groups.set(entityId, g);
    }
    return g;
  };
  for (const hit of hits) {
    const doc = hit as unknown as SearchResult & StoredDoc;
    if (doc.type === 'entity') {
      const g = group(doc.entityIds[0]!);
      const names = doc.names.split(' · ').concat(doc.aliases.split(' · '));
      const phrase = names.some((name) => phraseForm(name).includes(queryPhrase));
      g.score += hit.score * (phrase ? PHRASE_BOOST : 1);
      g.terms = [...new Set([...g.terms, ...hit.terms])];
      continue;
    }
    const passage: PassageHit = { passageId: String(hit.id).slice('passage:'.length), score: hit.score, terms: hit.terms };
    const owners = doc.entityIds.length > 0 ? doc.entityIds : [null];
    for (const owner of owners) {
      const g = group(owner);
      g.score += hit.score * PASSAGE_WEIGHT;
      g.terms = [...new Set([...g.terms, ...hit.terms])];
      g.passages.push(passage);
    }
  }
  return [...groups.values()]
    .sort((a, b) => (a.entityId === null ? 1 : 0) - (b.entityId === null ? 1 : 0) || b.score - a.score)
    .map((g) => ({ ...g, passages: g.passages.sort((a, b) => b.score - a.score) }));
}
