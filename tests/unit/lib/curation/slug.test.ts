// Article ids made from titles: folded, hyphenated, cut at a word.
import { describe, expect, it } from 'vitest';
import { isArticleId, slugify } from '../../../../lib/curation/slug';

describe('slugify', () => {
  it('drops diacritics, đ included, and joins words with hyphens', () => {
    expect(slugify('Đối thoại ổn định chiến lược: Nga - Mỹ!')).toBe('doi-thoai-on-dinh-chien-luoc-nga-my');
    expect(slugify('Hiệp ước New START (2021)')).toBe('hiep-uoc-new-start-2021');
  });
  it('reads NFD text as NFC', () => {
    expect(slugify('Hoà bình'.normalize('NFD'))).toBe('hoa-binh');
  });
  it('cuts a long title at a word, within 60 characters', () => {
    const slug = slugify('Gia hạn New START: cơ hội mở lại đối thoại về kiểm soát vũ khí hạt nhân chiến lược');
    expect(slug.length).toBeLessThanOrEqual(60);
    expect(slug).toBe('gia-han-new-start-co-hoi-mo-lai-doi-thoai-ve-kiem-soat-vu');
  });
  it('gives nothing for text without letters or digits', () => {
    expect(slugify('… — !')).toBe('');
  });
  it('accepts only the ids the schema accepts', () => {
    expect(isArticleId('gia-han-new-start')).toBe(true);
    expect(isArticleId('Gia_han')).toBe(false);
  });
});
