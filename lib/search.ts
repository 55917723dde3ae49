/**
 * Search over the dataset: one document per entity (names, aliases, description) and one
 * per passage, ranked for Vietnamese queries.
 *
 * - Every word is indexed twice: as written (lower case, tone mark placement made uniform,
 *   so "hoà" = "hòa") and folded (no diacritics, đ → d). A query typed with marks matches
 *   both, and the exact form scores more: "mở" ranks "mở" above "mộ" or "mồ". A query typed
 *   without marks matches the folded form of everything.
 * - Only the last word of the query is completed as a prefix (the one being typed), and
 *   typos are tolerated only in long words, so that short queries stay precise.
 * - Results are ranked in tiers before scores: the query as a phrase (its words adjacent and
 *   in order) in a name or alias, then in a passage, then all words present, then some.
 * - Results are grouped by entity; names and aliases weigh more than passage text.
 *
 * Two indexes are built at build time (scripts/build-data.ts) and loaded in the popup with
 * the same options, which is why they live here once: the entities alone, small, which answer
 * a keystroke at once; and every document, passages included, which the popup's worker
 * searches for the full results (entrypoints/popup/search-worker.ts).
 */
import MiniSearch, { type Options, type Query, type SearchResult } from 'minisearch';
import { fold, syllableKey } from './normalize';

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
const WORD = /^[\p{L}\p{N}]+$/u;

function tokenize(text: string): string[] {
  return text.split(TOKEN_SEPARATOR).filter((t) => t !== '');
}

/** A word as written, lower case, with its tone mark moved to the end so placement does not matter. */
export function markedForm(word: string): string {
  const { letters, tone } = syllableKey(word);
  return (letters + tone).normalize('NFC');
}

/** The forms a word is indexed under: as written and folded (one, when they agree). */
export function indexTerms(word: string): string[] {
  const folded = fold(word);
  if (!WORD.test(folded)) return [];
  const marked = markedForm(word);
  return marked === folded ? [folded] : [marked, folded];
}

export const SEARCH_OPTIONS: Options<SearchDoc> = {
  fields: ['names', 'aliases', 'text'],
  // The text too: the worker checks phrases in passages and quotes them from the index itself.
  storeFields: ['type', 'entityIds', 'names', 'aliases', 'text'],
  tokenize,
  processTerm: (term) => indexTerms(term),
  // Queries are built term by term in `search`: their terms arrive processed.
  searchOptions: { processTerm: (term) => term },
};

export function buildSearchIndex(docs: SearchDoc[]): MiniSearch<SearchDoc> {
  const index = new MiniSearch<SearchDoc>(SEARCH_OPTIONS);
  index.addAll(docs);
  return index;
}

/** The entities' documents alone: what answers a keystroke while the whole index is searched. */
export function buildEntityIndex(docs: SearchDoc[]): MiniSearch<SearchDoc> {
  return buildSearchIndex(docs.filter((d) => d.type === 'entity'));
}

export function loadSearchIndex(json: string): MiniSearch<SearchDoc> {
  return MiniSearch.loadJSON<SearchDoc>(json, SEARCH_OPTIONS);
}

export interface PassageHit {
  passageId: string;
  score: number;
  /** Words of the passage that matched, for highlighting. */
  terms: string[];
}

export interface EntityResult {
  /** null for passages that mention no entity. */
  entityId: string | null;
  score: number;
  /** How the query matched: 3 phrase in a name, 2 phrase in a passage, 1 every word, 0 some. */
  tier: number;
  /** Whether the entity's own document (names, aliases, description) matched the whole query. */
  entityHit: boolean;
  terms: string[];
  passages: PassageHit[];
}

export interface SearchContext {
  /** A passage's text by id, for phrase ranking; without it passages rank by score alone. */
  passageText?: (passageId: string) => string | undefined;
  /** Passages kept per result (the best); all when unset. Every passage counts in the score either way. */
  passagesPerResult?: number;
}

/** Passage hits count for each entity they mention, less than a hit on the entity itself. */
const PASSAGE_WEIGHT = 0.5;
/**
 * An entity's best passage counts in full, its other passages this much: more passages rank
 * an entity higher, but an entity named everywhere does not drown the one the query names.
 */
const MORE_PASSAGES_WEIGHT = 0.1;
/** A name holding only some of the query's words counts this much of its score. */
const PARTIAL_NAME_WEIGHT = 0.5;
/** A word typed with its marks that matches them exactly counts this much more than its folded form. */
const EXACT_BOOST = 2;
const FIELD_BOOST = { names: 4, aliases: 3, text: 1 };
/**
 * Passages checked for the phrase, best scored first: enough for any page of results, and
 * a bound on the work when a common phrase is in thousands of passages.
 */
const PHRASE_CHECKS = 300;
/** Words shorter than this are never completed as prefixes (one letter finds half the index). */
const MIN_PREFIX = 2;

/** Typos tolerated: none below five letters ("troi" must not find "tới"), one up to seven, two from eight. */
export function maxTypos(folded: string): number {
  return folded.length >= 8 ? 2 : folded.length >= 5 ? 1 : 0;
}

export interface QueryWord {
  marked: string;
  folded: string;
  last: boolean;
}

export function queryWords(query: string): QueryWord[] {
  const words = tokenize(query.normalize('NFC')).filter((w) => WORD.test(fold(w)));
  return words.map((w, i) => ({ marked: markedForm(w), folded: fold(w), last: i === words.length - 1 }));
}

function wordQuery(word: QueryWord): Query {
  const prefix = word.last && word.folded.length >= MIN_PREFIX;
  const typos = maxTypos(word.folded);
  const folded: Query = { queries: [word.folded], prefix, fuzzy: typos > 0 ? typos : false };
  if (word.marked === word.folded) return folded;
  // The word as typed, marks and all: no typos, worth more.
  const exact: Query = { queries: [word.marked], prefix, fuzzy: false, boostTerm: () => EXACT_BOOST };
  return { combineWith: 'OR', queries: [exact, folded] };
}

export function search(index: MiniSearch<SearchDoc>, query: string, context: SearchContext = {}): EntityResult[] {
  const words = queryWords(query);
  if (words.length === 0) return [];
  const options = { boost: FIELD_BOOST };
  const tree = (combineWith: 'AND' | 'OR'): Query => ({ combineWith, queries: words.map(wordQuery) });
  let hits = index.search(tree('AND'), options);
  let allWords = true;
  if (hits.length === 0) {
    hits = index.search(tree('OR'), options);
    allWords = words.length === 1;
  }
  const groups = groupByEntity(hits, words, allWords, context);
  if (words.length > 1 && allWords) addPartialNames(index, tree('OR'), groups);
  return rank(groups, context.passagesPerResult);
}

/**
 * A name that holds some of the query's words counts for the entities already found: in
 * "ông Putin" the name Putin holds "putin" but not the honorific, and Putin must still rank
 * above the others named in the same passages. Only names and aliases are searched here.
 */
function addPartialNames(index: MiniSearch<SearchDoc>, query: Query, groups: Map<string | null, EntityResult>): void {
  for (const hit of index.search(query, { boost: FIELD_BOOST, fields: ['names', 'aliases'] })) {
    const doc = hit as unknown as SearchResult & StoredDoc;
    const g = doc.type === 'entity' ? groups.get(doc.entityIds[0]!) : undefined;
    if (!g || g.entityHit) continue;
    g.score += hit.score * PARTIAL_NAME_WEIGHT;
  }
}

/** Whether one query word matches one written word (folded): exactly, as the word being typed, or within its typos. */
function foldedMatches(q: QueryWord, folded: string): boolean {
  if (folded === q.folded) return true;
  if (q.last && q.folded.length >= MIN_PREFIX && folded.startsWith(q.folded)) return true;
  const typos = maxTypos(q.folded);
  return typos > 0 && Math.abs(folded.length - q.folded.length) <= typos && editDistance(folded, q.folded, typos) <= typos;
}

/** A word typed with marks must agree with them ("mở" is not "mới"); one typed without agrees with any. */
function marksAgree(q: QueryWord, written: string): boolean {
  if (q.marked === q.folded) return true;
  const form = markedForm(written);
  return form === q.marked || (q.last && form.startsWith(q.marked)) || maxTypos(q.folded) > 0;
}

/**
 * Whether the query's words stand adjacent and in order in `text`. Compared on the folded
 * text first (cheap), then on the marks the reader typed, only where the folded words match.
 */
export function containsPhrase(text: string, words: readonly QueryWord[]): boolean {
  const folded = tokenize(fold(text));
  let written: string[] | null = null;
  for (let start = 0; start + words.length <= folded.length; start++) {
    if (!words.every((q, i) => foldedMatches(q, folded[start + i]!))) continue;
    written ??= tokenize(text.normalize('NFC')).filter((w) => WORD.test(fold(w)));
    // Folding drops invisible characters, which may join words; then the folded match stands.
    if (written.length !== folded.length) return true;
    if (words.every((q, i) => marksAgree(q, written![start + i]!))) return true;
  }
  return false;
}

/** Levenshtein distance, giving up (returning limit + 1) once it must exceed `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      best = Math.min(best, current[j]!);
    }
    if (best > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length]!;
}

function groupByEntity(
  hits: SearchResult[],
  words: QueryWord[],
  allWords: boolean,
  context: SearchContext,
): Map<string | null, EntityResult> {
  const groups = new Map<string | null, EntityResult>();
  // Matched words per group, gathered in sets: a common word can hit thousands of passages.
  const terms = new Map<EntityResult, Set<string>>();
  const group = (entityId: string | null) => {
    let g = groups.get(entityId);
    if (!g) {
      g = { entityId, score: 0, tier: 0, entityHit: false, terms: [], passages: [] };
      groups.set(entityId, g);
      terms.set(g, new Set());
    }
    return g;
  };
  const addTerms = (g: EntityResult, words: string[]) => {
    const set = terms.get(g)!;
    for (const w of words) set.add(w);
  };
  const baseTier = allWords ? 1 : 0;
  let phraseChecks = 0;
  for (const hit of hits) {
    const doc = hit as unknown as SearchResult & StoredDoc;
    if (doc.type === 'entity') {
      const g = group(doc.entityIds[0]!);
      const names = doc.names.split(' · ').concat(doc.aliases.split(' · '));
      const phrase = allWords && names.some((name) => containsPhrase(name, words));
      g.tier = Math.max(g.tier, phrase ? 3 : baseTier);
      g.entityHit = true;
      g.score += hit.score;
      addTerms(g, hit.terms);
      continue;
    }
    const passageId = String(hit.id).slice('passage:'.length);
    const text = words.length > 1 && allWords && phraseChecks++ < PHRASE_CHECKS ? context.passageText?.(passageId) : undefined;
    const tier = text !== undefined && containsPhrase(text, words) ? 2 : baseTier;
    const passage: PassageHit = { passageId, score: hit.score * (tier === 2 ? 2 : 1), terms: hit.terms };
    const owners = doc.entityIds.length > 0 ? doc.entityIds : [null];
    for (const owner of owners) {
      const g = group(owner);
      g.tier = Math.max(g.tier, tier);
      addTerms(g, hit.terms);
      g.passages.push(passage);
    }
  }
  for (const g of groups.values()) {
    let best = 0;
    let sum = 0;
    for (const p of g.passages) {
      best = Math.max(best, p.score);
      sum += p.score;
    }
    g.score += PASSAGE_WEIGHT * (best + MORE_PASSAGES_WEIGHT * (sum - best));
    g.terms = [...terms.get(g)!];
  }
  return groups;
}

function rank(groups: Map<string | null, EntityResult>, passagesPerResult?: number): EntityResult[] {
  return [...groups.values()]
    .sort((a, b) => (a.entityId === null ? 1 : 0) - (b.entityId === null ? 1 : 0) || b.tier - a.tier || b.score - a.score)
    .map((g) => ({ ...g, passages: g.passages.sort((a, b) => b.score - a.score).slice(0, passagesPerResult) }));
}
