import { describe, expect, it } from 'vitest';
import { dateFromJsonLd, dateFromString, dateFromUrl } from '../../../lib/page-date';

describe('page dates', () => {
  it('reads ISO timestamps and Vietnamese day/month/year', () => {
    expect(dateFromString('2021-06-16T08:00:00+07:00')).toBe('2021-06-16');
    expect(dateFromString('16/6/2021')).toBe('2021-06-16');
    expect(dateFromString('Thứ tư, 16-06-2021 08:00 (GMT+7)')).toBe('2021-06-16');
    expect(dateFromString('32/13/2021')).toBeNull();
    expect(dateFromString('hôm qua')).toBeNull();
  });

  it('reads dates in addresses', () => {
    expect(dateFromUrl('https://example.vn/the-gioi/2021/06/16/nga-my.html')).toBe('2021-06-16');
    expect(dateFromUrl('https://example.vn/nga-my-20210616083000.htm')).toBe('2021-06-16');
    expect(dateFromUrl('https://example.vn/post1224360.html')).toBeNull();
  });

  it('reads datePublished from JSON-LD, in a @graph too, and survives broken JSON', () => {
    expect(dateFromJsonLd('{"@type":"NewsArticle","datePublished":"2021-06-17T10:00:00Z"}')).toBe('2021-06-17');
    expect(dateFromJsonLd('{"@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","datePublished":"2021-06-18"}]}')).toBe('2021-06-18');
    expect(dateFromJsonLd('[{"datePublished":"nonsense"},{"datePublished":"2020-01-02"}]')).toBe('2020-01-02');
    expect(dateFromJsonLd('{ broken')).toBeNull();
  });
});
