import { describe, expect, it } from 'vitest';
import { detectVietnamese, vietnameseLetterShare } from '../../../lib/language';

const VI =
  'Tổng thống Nga Vladimir Putin và người đồng cấp Mỹ Joe Biden đã nhất trí khởi động tiến trình đối thoại song phương về ổn định chiến lược.';
const EN =
  'Russian President Vladimir Putin and his US counterpart Joe Biden agreed to start a bilateral dialogue on strategic stability in Geneva.';
const FR =
  'Le président russe Vladimir Poutine et son homologue américain Joe Biden ont convenu d’engager un dialogue stratégique à Genève, près du lac Léman.';

describe('detectVietnamese', () => {
  it('trusts lang="vi"', () => {
    expect(detectVietnamese('vi', '')).toEqual({ vietnamese: true, by: 'lang', conclusive: true });
    expect(detectVietnamese('vi-VN', EN).vietnamese).toBe(true);
  });
  it('reads the text when lang is missing or says otherwise', () => {
    expect(detectVietnamese(null, VI)).toEqual({ vietnamese: true, by: 'text', conclusive: true });
    expect(detectVietnamese('en', VI).vietnamese).toBe(true);
    expect(detectVietnamese('', EN).vietnamese).toBe(false);
    expect(detectVietnamese('fr', FR).vietnamese).toBe(false);
    expect(detectVietnamese(null, VI.normalize('NFD')).vietnamese).toBe(true);
  });
  it('says no, inconclusively, on too little text', () => {
    expect(detectVietnamese(null, 'Hà Nội')).toEqual({ vietnamese: false, by: 'text', conclusive: false });
  });
});

describe('vietnameseLetterShare', () => {
  it('counts each letter once, composed or decomposed, however many marks it carries', () => {
    // ặ (dot below and breve), ờ (horn only counts), đ; é and ô are not Vietnamese-only.
    for (const text of ['ặờđéô', 'ặờđéô'.normalize('NFD')]) expect(vietnameseLetterShare(text)).toEqual({ letters: 5, share: 3 / 5 });
    expect(vietnameseLetterShare('abc 123 !?')).toEqual({ letters: 3, share: 0 });
    expect(vietnameseLetterShare('')).toEqual({ letters: 0, share: 0 });
    // Other scripts count as letters, so that a Russian page is judged at once, not looked at again.
    expect(detectVietnamese(null, 'Президент России Владимир Путин и президент США Джо Байден договорились о диалоге.')).toEqual({
      vietnamese: false,
      by: 'text',
      conclusive: true,
    });
  });
});
