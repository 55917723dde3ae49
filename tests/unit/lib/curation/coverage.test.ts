// The coverage report's content on a crafted dataset: facts, dates, unseen aliases, open roles, gaps, recurring unknown names.
import { describe, expect, it } from 'vitest';
import { articlePassages } from '../../../../lib/curation/article-passages';
import { computeCoverage, type KnownName } from '../../../../lib/curation/coverage';
import type { LooseArticle, LooseEntity } from '../../../../lib/curation/loose-dataset';

function article(id: string, date: string | null, text: string): LooseArticle {
  return {
    id,
    metaFile: `${id}.yaml`,
    textFile: `${id}.txt`,
    title: null,
    date,
    text,
    passages: articlePassages(text, { title: null, titleIsFirstLine: false }),
  };
}

const entity = (e: Partial<LooseEntity> & { id: string }): LooseEntity => ({
  kind: 'person',
  name: e.id,
  aliases: [],
  shortNames: [],
  prefixes: [],
  roles: [],
  description: 'Mô tả.',
  facts: [],
  ...e,
});

const articles = [
  article('a1', '2021-06-16', 'Ông Putin gặp ông John Smith của IAEA.\nHiệp ước Cấm thử hạt nhân toàn diện (CTBT) được nhắc đến.'),
  article('a2', '2020-01-02', 'Tổng thống Putin và ông John Smith bàn về CTBT với IAEA.'),
  article('a3', null, 'Trời hôm nay đẹp.'),
];
const entities = [
  entity({
    id: 'putin',
    aliases: ['Putin', 'Vladimir Putin'],
    roles: [
      { title: 'Tổng thống Nga', from: '2000-05-07', to: '2008-05-07' },
      { title: 'Tổng thống Nga', from: '2012-05-07' },
    ],
    facts: ['a1/p1s1', 'a2/p1s1', 'a9/p1s1'],
  }),
  entity({ id: 'draft', name: 'Bản nháp', aliases: ['Bản nháp'], description: null }),
];
const names: KnownName[] = [
  { text: 'Putin', entityId: 'putin' },
  { text: 'Vladimir Putin', entityId: 'putin' },
  { text: 'Tổng thống Putin', entityId: 'putin' },
];
const coverage = computeCoverage({ articles, entities, names, problems: [] });
const putin = coverage.entities[0]!;

describe('computeCoverage', () => {
  it('counts the dataset', () => {
    expect(coverage.totals).toEqual({ articles: 3, passages: 4, entities: 2, facts: 3 });
  });
  it('lists an entity’s facts with their articles, and the first and last dates', () => {
    expect(putin.facts.map((f) => [f.passage, f.date, f.text !== null])).toEqual([
      ['a1/p1s1', '2021-06-16', true],
      ['a2/p1s1', '2020-01-02', true],
      ['a9/p1s1', null, false],
    ]);
    expect(putin.articles).toEqual(['a1', 'a2']);
    expect([putin.firstDate, putin.lastDate]).toEqual(['2020-01-02', '2021-06-16']);
    expect(putin.mentionedIn).toBe(2);
  });
  it('names the aliases no article uses', () => {
    expect(putin.aliasesNeverSeen).toEqual(['Vladimir Putin']);
    expect(coverage.entities[1]!.aliasesNeverSeen).toEqual(['Bản nháp']);
  });
  it('lists roles without an end, and whether there is a description', () => {
    expect(putin.openRoles).toEqual([{ title: 'Tổng thống Nga', from: '2012-05-07' }]);
    expect([putin.hasDescription, coverage.entities[1]!.hasDescription]).toEqual([true, false]);
  });
  it('lists entities without facts and articles that name no entity', () => {
    expect(coverage.entitiesWithoutFacts).toEqual(['draft']);
    expect(coverage.articlesWithoutEntities.map((a) => a.id)).toEqual(['a3']);
  });
  it('lists the unknown names found in two articles or more, with their counts', () => {
    // CTBT is in both, but in a1 inside the treaty's name: as an acronym it is in one article only.
    expect(coverage.recurringUnknown.map((r) => [r.kind, r.text, r.articles, r.passages])).toEqual([
      ['acronym', 'IAEA', ['a1', 'a2'], 2],
      ['person', 'John Smith', ['a1', 'a2'], 2],
    ]);
  });
});
