// @vitest-environment happy-dom
/** An article's date as pages carry it: metadata, JSON-LD, `<time>`, bylines, the address; at the precision given. */
import { afterEach, describe, expect, it } from 'vitest';
import { articleDate } from '../../../../content/dom/page-date';

/** A fresh document (dates are remembered per document and article). */
function page(head: string, body: string): Document {
  const doc = document.implementation.createHTMLDocument('t');
  doc.head.innerHTML = head;
  doc.body.innerHTML = body;
  return doc;
}
const paragraph = (doc: Document) => doc.querySelector('p.text')!;

afterEach(() => {
  document.body.innerHTML = '';
});

describe('articleDate', () => {
  it('reads a Vietnamese byline when the page has no metadata', () => {
    const doc = page(
      '',
      '<article><h1>Tin</h1><div class="date-time">Thứ Tư, 16/6/2021 10:05 (GMT+7)</div><p class="text">Nội dung.</p></article>',
    );
    expect(articleDate(paragraph(doc))).toBe('2021-06-16');
  });

  it('reads a `<time>` by its text when it has no datetime', () => {
    const doc = page('', '<article><p class="byline"><time>08/11/2025 07:12</time></p><p class="text">Nội dung.</p></article>');
    expect(articleDate(paragraph(doc))).toBe('2025-11-08');
  });

  it('keeps a month or a year as the precision the page gives', () => {
    const month = page('<meta property="article:published_time" content="2021-02">', '<main><p class="text">Nội dung.</p></main>');
    expect(articleDate(paragraph(month))).toBe('2021-02');
    const year = page(
      '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2019"}</script>',
      '<p class="text">Nội dung.</p>',
    );
    expect(articleDate(paragraph(year))).toBe('2019');
  });

  it('makes a month more precise with a byline that agrees with it', () => {
    const doc = page(
      '<meta property="article:published_time" content="2021-06">',
      '<div class="meta">16/6/2021</div><p class="text">Nội dung.</p>',
    );
    expect(articleDate(paragraph(doc))).toBe('2021-06-16');
  });

  it('prefers the metadata to a byline, and ignores long text that only contains a date', () => {
    const doc = page(
      '<meta property="article:published_time" content="2022-03-04T08:00:00+07:00">',
      `<div class="date">1/1/2020</div><div class="article-meta">${'Một đoạn dài. '.repeat(20)} 5/5/2015</div><p class="text">Nội dung.</p>`,
    );
    expect(articleDate(paragraph(doc))).toBe('2022-03-04');
    const long = page('', `<div class="article-meta">${'Một đoạn dài. '.repeat(20)} 5/5/2015</div><p class="text">Nội dung.</p>`);
    expect(articleDate(paragraph(long))).toBeNull();
  });

  it('dates each of several articles by its own byline only', () => {
    const doc = page(
      '<meta property="article:published_time" content="2022-03-04">',
      '<article><span class="time">2/3/2021</span><p class="text">Một.</p></article><article><p class="other">Hai.</p></article>',
    );
    expect(articleDate(paragraph(doc))).toBe('2021-03-02');
    expect(articleDate(doc.querySelector('p.other')!)).toBeNull();
  });
});
