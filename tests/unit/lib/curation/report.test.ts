// The report's two forms: headings Vietnamese first, every dataset string escaped, the HTML self-contained.
import { describe, expect, it } from 'vitest';
import type { Coverage } from '../../../../lib/curation/coverage';
import { coverageHtml, escapeHtml } from '../../../../lib/curation/report-html';
import { coverageMarkdown } from '../../../../lib/curation/report-markdown';

const hostile = '<script>alert(1)</script> | "x" & <img src=http://example.com/a.png>';
const coverage: Coverage = {
  totals: { articles: 1, passages: 1, entities: 1, facts: 1 },
  problems: [],
  entities: [
    {
      id: 'x',
      name: hostile,
      kind: 'person',
      facts: [{ passage: 'a1/p1s1', articleId: 'a1', articleTitle: hostile, date: '2021-06-16', text: hostile }],
      articles: ['a1'],
      firstDate: '2021-06-16',
      lastDate: '2021-06-16',
      mentionedIn: 1,
      aliasesNeverSeen: [hostile],
      openRoles: [{ title: 'Tổng thống Nga', from: '2012-05-07' }],
      hasDescription: true,
    },
  ],
  entitiesWithoutFacts: ['draft'],
  articlesWithoutEntities: [{ id: 'a3', title: hostile, date: null }],
  recurringUnknown: [{ kind: 'person', text: hostile, articles: ['a1', 'a2'], passages: 3 }],
};

describe('coverageHtml', () => {
  const html = coverageHtml(coverage);
  it('escapes every dataset string', () => {
    expect(escapeHtml(`<a href="x">'&`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
  it('is self-contained: no script, nothing fetched', () => {
    expect(html).not.toMatch(/<script/iu);
    // Every < of the dataset's text is escaped, so what remains are the page's own tags.
    const tags = html.match(/<[a-z][^>]*>/giu) ?? [];
    expect(tags.length).toBeGreaterThan(20);
    expect(tags.filter((t) => /\s(?:src|href)\s*=/iu.test(t))).toEqual([]);
    expect(html).not.toMatch(/<link\b/iu);
    expect(html).not.toMatch(/@import|url\(/iu);
    expect(html).toContain('<style>');
  });
  it('fits a phone and follows the dark colour scheme', () => {
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toContain('@media (prefers-color-scheme:dark)');
    expect(html).toMatch(/@media \(max-width:\d+px\)/u);
  });
  it('heads its sections in Vietnamese, then English', () => {
    for (const heading of [
      'Thực thể (Entities)',
      'Thực thể chưa có dữ kiện (Entities without facts)',
      'Bài viết không nêu thực thể nào (Articles that name no entity)',
    ]) {
      expect(html).toContain(`<h2>${heading}</h2>`);
    }
    expect(html).toContain('Tổng thống Nga (7/5/2012 –)');
  });
});

describe('coverageMarkdown', () => {
  const md = coverageMarkdown(coverage);
  it('keeps each table row one row: pipes and markup escaped', () => {
    const row = md.split('\n').find((l) => l.startsWith('| a1/p1s1'))!;
    expect(row.split(/(?<!\\)\|/u)).toHaveLength(6);
    expect(md).not.toContain('<script>');
  });
  it('has the sections, Vietnamese first', () => {
    expect(md).toContain('## Thực thể (Entities)');
    expect(md).toContain('## Thực thể chưa có dữ kiện (Entities without facts)\n\n- draft');
    expect(md).toContain('## Tên chưa biết lặp lại ở nhiều bài (Unknown names recurring across articles)');
  });
});
