/**
 * What the dataset build writes to `generated/` and each part of the extension reads: the
 * engine the matcher data; the background and the popup one card shard at a time; the popup
 * the entity summaries and the entity index, and its worker the passage index and articles.
 */
import type { EntityKind, Role } from './dataset-schema';

export type { EntityKind, Role };

/** For the content script: just enough to find and name mentions. */
export interface MatcherData {
  entities: Array<{ id: string; name: string; kind: EntityKind }>;
  /**
   * [alias as written in the dataset, index]: an index below `entities.length` names an
   * entity; `entities.length + k` names `roles[k]`, resolved on the page (a role's holder, a
   * counterpart, or a short name's entity).
   */
  aliases: Array<[string, number]>;
  roles: RoleTenures[];
}

/** What a page reads besides the aliases themselves (lib/compact-matcher.ts, `openMatcher`). */
export type PageMatcherData = Omit<MatcherData, 'aliases'>;

/** Who held a role when: [entity index, from, to (exclusive) or null]. */
export interface RoleTenures {
  title: string;
  holders: Array<[number, string, string | null]>;
  /**
   * For "người đồng cấp Nga" ("the Russian counterpart"): the country. It means whoever holds,
   * in that country, the office of the person the sentence named before it.
   */
  counterpartIn?: string;
  /** For a short name alone ("Perry"): the entity it names once the page has named it in full. */
  nameOf?: number;
  /**
   * An office of which there are several holders at once ("Thứ trưởng Ngoại giao Nga"): the
   * phrase names a holder only when one is named nearby on the page.
   */
  several?: true;
  /**
   * For a relation alone ("người phát ngôn" before "của Tổng thống Putin"): [principal role,
   * role meant] pairs, both indexes into `roles`. It means the holder of the role meant, for
   * the office the person named right after it holds.
   */
  relation?: Array<[number, number]>;
  /** For "Tổng thống đắc cử Mỹ": whoever takes the role next, within months of the article's date. */
  elect?: true;
}

export interface ArticleInfo {
  id: string;
  title: string | null;
  /** ISO date, or null when the source gives none. */
  date: string | null;
  dateNote?: string;
  /** The text file it was taken from. */
  source: string;
}

export interface PassageInfo {
  /** `<article id>/p<paragraph>s<sentence>` */
  id: string;
  articleId: string;
  text: string;
  /** Entities the passage mentions, by id. */
  entityIds: string[];
}

export interface Card {
  id: string;
  kind: EntityKind;
  name: string;
  nameEn: string;
  description: string;
  /** Passages supporting the description. */
  descriptionPassages: string[];
  /** Curated aliases shown as "also written". */
  aliases: string[];
  roles: Role[];
  endsOn?: { date: string; passage: string };
  /** Passage ids, in the curated order. */
  facts: string[];
  /** Other entities mentioned in the same passages, most shared first. */
  related: string[];
}

export interface CardData {
  articles: Record<string, ArticleInfo>;
  passages: Record<string, PassageInfo>;
  cards: Record<string, Card>;
  /** In a shard: the names of entities whose cards live in other shards (related entities). */
  names?: Record<string, EntitySummary>;
}

/** What the popup shows of an entity before its card is read. */
export interface EntitySummary {
  name: string;
  nameEn: string;
  kind: EntityKind;
}
