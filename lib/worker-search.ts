/**
 * The popup's full search, as its worker runs it: the whole index (entities and passages)
 * searched for a query, with the passages each result quotes and their sources. Pure: the
 * worker (entrypoints/popup/search-worker.ts) only loads the files and passes messages.
 */
import type MiniSearch from 'minisearch';
import type { ArticleInfo } from './artifacts';
import type { FactView } from './card-view';
import { QUOTES_PER_RESULT } from './constants';
import { search, type EntityResult, type SearchDoc } from './search';

/** A passage as the results quote it. */
export interface Quote {
  text: string;
  source: FactView['source'];
}

export interface FullAnswer {
  results: EntityResult[];
  /** The quoted passages, by id. */
  quotes: Record<string, Quote>;
}

export interface FullRequest {
  id: number;
  query: string;
}

/** An answer to the latest request; older requests get none (their query has been typed over). */
export type FullReply = { id: number; answer: FullAnswer } | { id: number; error: string };

export function answerQuery(index: MiniSearch<SearchDoc>, articles: Record<string, ArticleInfo>, query: string): FullAnswer {
  const text = (passageId: string) => index.getStoredFields(`passage:${passageId}`)?.text as string | undefined;
  const results = search(index, query, { passageText: text, passagesPerResult: QUOTES_PER_RESULT });
  const quotes: Record<string, Quote> = {};
  for (const result of results) {
    for (const hit of result.passages) {
      const passage = text(hit.passageId);
      const article = articles[hit.passageId.slice(0, hit.passageId.indexOf('/'))];
      if (passage === undefined || !article) continue;
      quotes[hit.passageId] = {
        text: passage,
        source: { articleId: article.id, title: article.title, date: article.date, file: article.source },
      };
    }
  }
  return { results, quotes };
}
