import { describe, expect, it } from 'vitest';
import { dateFromJsonLd, dateFromString, dateFromUrl, mostPrecise } from '../../../lib/page-date';

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

  it('reads months and years at the precision they are given', () => {
    expect(dateFromString('2021-02')).toBe('2021-02');
    expect(dateFromString('2021')).toBe('2021');
    expect(dateFromString('tháng 2/2021')).toBe('2021-02');
    expect(dateFromString('Tháng 02 năm 2021')).toBe('2021-02');
    expect(dateFromString('16 tháng 6 năm 2021')).toBe('2021-06-16');
    // A byline's text may give a bare month or year; an attribute's value may not.
    expect(dateFromString('Cập nhật 6/2021', true)).toBe('2021-06');
    expect(dateFromString('6/2021')).toBeNull();
    expect(dateFromString('Xuất bản năm 2019', true)).toBe('2019');
    expect(dateFromString('năm 2019')).toBeNull();
  });

  it('reads Vietnamese bylines as outlets print them', () => {
    expect(dateFromString('Thứ Tư, 16/6/2021 10:05', true)).toBe('2021-06-16');
    expect(dateFromString('Thứ bảy, ngày 08/11/2025 07:00 AM (GMT+7)', true)).toBe('2025-11-08');
    expect(dateFromString('7/11/2025 | 20:22', true)).toBe('2025-11-07');
    expect(dateFromString('20:22 07.11.2025', true)).toBe('2025-11-07');
  });

  it('refuses what is not a date: a year inside words, a count, a score, a phone number', () => {
    expect(dateFromString('2021 bài viết')).toBeNull();
    expect(dateFromString('Tỷ số 2/1 sau hiệp một', true)).toBeNull();
    expect(dateFromString('Có 12/2000 người tham gia', true)).toBe('2000-12');
    expect(dateFromString('Hotline 0243.123.4567', true)).toBeNull();
  });

  it('reads a month from an address', () => {
    expect(dateFromUrl('https://example.vn/2021/02/nga-my-dam-phan/')).toBe('2021-02');
    expect(dateFromUrl('https://example.vn/2021/nga-my/')).toBeNull();
  });

  it('takes the first source, made more precise by a later one that agrees', () => {
    expect(mostPrecise([null, '2021-06', '2021-06-16'])).toBe('2021-06-16');
    expect(mostPrecise(['2021-06', '2020-01-02'])).toBe('2021-06');
    expect(mostPrecise([null, null])).toBeNull();
  });
});
