/**
 * An entity's passages as a timeline: every passage that mentions it, grouped by article,
 * articles in date order (undated ones last), passages in the order they stand in the article.
 */
import type { ArticleInfo, CardData, PassageInfo } from './artifacts';

export interface TimelineEntry {
  article: ArticleInfo;
  passages: PassageInfo[];
}

/** Paragraph and sentence numbers from a passage id (`article/p<paragraph>s<sentence>`). */
function position(id: string): [number, number] {
  const m = /\/p(\d+)s(\d+)$/u.exec(id);
  return m ? [Number(m[1]), Number(m[2])] : [0, 0];
}

export function entityTimeline(data: CardData, entityId: string): TimelineEntry[] {
  const byArticle = new Map<string, PassageInfo[]>();
  for (const passage of Object.values(data.passages)) {
    if (!passage.entityIds.includes(entityId)) continue;
    const list = byArticle.get(passage.articleId) ?? [];
    list.push(passage);
    byArticle.set(passage.articleId, list);
  }
  const entries: TimelineEntry[] = [];
  for (const [articleId, passages] of byArticle) {
    const article = data.articles[articleId];
    if (!article) continue;
    passages.sort((a, b) => {
      const [pa, sa] = position(a.id);
      const [pb, sb] = position(b.id);
      return pa - pb || sa - sb;
    });
    entries.push({ article, passages });
  }
  return entries.sort(
    (a, b) =>
      (a.article.date === null ? 1 : 0) - (b.article.date === null ? 1 : 0) ||
      (a.article.date ?? '').localeCompare(b.article.date ?? '') ||
      a.article.id.localeCompare(b.article.id),
  );
}
