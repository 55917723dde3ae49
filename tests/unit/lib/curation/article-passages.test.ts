// Passages of an added article are numbered as the build numbers them; the title rule.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { articlePassages, chooseTitle } from '../../../../lib/curation/article-passages';
import { fold } from '../../../../lib/normalize';

const data = resolve(import.meta.dirname, '../../../../data');

describe('chooseTitle', () => {
  const text = 'Tiêu đề bài viết\nĐoạn một. Câu hai.\nĐoạn hai.';
  it('takes a first line that reads as a headline', () => {
    expect(chooseTitle(text, undefined)).toEqual({ title: 'Tiêu đề bài viết', titleIsFirstLine: true });
  });
  it('takes no title when the first line is a sentence, or is all there is', () => {
    expect(chooseTitle('Một câu trọn vẹn.\nCâu khác.', undefined)).toEqual({ title: null, titleIsFirstLine: false });
    expect(chooseTitle('Chỉ một dòng', undefined)).toEqual({ title: null, titleIsFirstLine: false });
  });
  it('keeps a given title, first line or not; --no-title means none', () => {
    expect(chooseTitle(text, ' Tiêu đề bài viết ')).toEqual({ title: 'Tiêu đề bài viết', titleIsFirstLine: true });
    expect(chooseTitle(text, 'Một tiêu đề khác')).toEqual({ title: 'Một tiêu đề khác', titleIsFirstLine: false });
    expect(chooseTitle(text, null)).toEqual({ title: null, titleIsFirstLine: false });
  });
});

describe('articlePassages', () => {
  it('makes the title p0s1 and counts paragraphs from the line after it', () => {
    const ids = articlePassages('Tiêu đề\nA một. B hai.\n\nC ba.', { title: 'Tiêu đề', titleIsFirstLine: true }).map((p) => p.id);
    expect(ids).toEqual(['p0s1', 'p1s1', 'p1s2', 'p2s1']);
    expect(articlePassages('A một.\nC ba.', { title: 'X', titleIsFirstLine: false }).map((p) => p.id)).toEqual(['p1s1', 'p2s1']);
  });
  it('gives the seed articles every passage id that data/entities.yaml cites, with the text the build checks', () => {
    const entities = parse(readFileSync(join(data, 'entities.yaml'), 'utf8')) as {
      entities: Array<{ facts: Array<{ passage: string; mentionedAs?: string }> }>;
    };
    const passages = new Map<string, string>();
    for (const name of readdirSync(join(data, 'articles')).filter((n) => n.endsWith('.yaml'))) {
      const meta = parse(readFileSync(join(data, 'articles', name), 'utf8')) as {
        id: string;
        title: string | null;
        titleIsFirstLine?: boolean;
      };
      const text = readFileSync(join(data, 'articles', name.replace(/\.yaml$/u, '.txt')), 'utf8');
      for (const p of articlePassages(text, { title: meta.title, titleIsFirstLine: meta.titleIsFirstLine === true })) {
        passages.set(`${meta.id}/${p.id}`, p.text);
      }
    }
    const facts = entities.entities.flatMap((e) => e.facts);
    expect(facts.length).toBeGreaterThan(20);
    for (const fact of facts) {
      expect(passages.has(fact.passage), fact.passage).toBe(true);
      if (fact.mentionedAs) expect(fold(passages.get(fact.passage)!)).toContain(fold(fact.mentionedAs));
    }
  });
});
