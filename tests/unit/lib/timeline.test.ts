import { describe, expect, it } from 'vitest';
import type { CardData } from '../../../lib/artifacts';
import { entityTimeline } from '../../../lib/timeline';

const article = (id: string, date: string | null) => ({ id, title: id, date, source: `${id}.txt` });
const passage = (id: string, entityIds: string[]) => ({ id, articleId: id.split('/')[0]!, text: id, entityIds });

const data: CardData = {
  articles: { late: article('late', '2021-06-16'), early: article('early', '2019-08-02'), undated: article('undated', null) },
  passages: Object.fromEntries(
    [
      passage('undated/p1s1', ['inf']),
      passage('late/p10s1', ['inf']),
      passage('late/p2s1', ['inf', 'nato']),
      passage('late/p3s1', ['nato']),
      passage('early/p1s2', ['inf']),
    ].map((p) => [p.id, p]),
  ),
  cards: {},
};

describe('entityTimeline', () => {
  it('groups the passages that mention an entity by article, oldest first, undated last, in reading order', () => {
    const timeline = entityTimeline(data, 'inf');
    expect(timeline.map((e) => [e.article.id, e.passages.map((p) => p.id)])).toEqual([
      ['early', ['early/p1s2']],
      ['late', ['late/p2s1', 'late/p10s1']],
      ['undated', ['undated/p1s1']],
    ]);
  });

  it('is empty for an entity no passage mentions', () => {
    expect(entityTimeline(data, 'nobody')).toEqual([]);
  });
});
