// The checks on an added article's text: strict UTF-8, sameness, real days.
import { describe, expect, it } from 'vitest';
import { comparableText, decodeUtf8, firstBadLine, isRealDay } from '../../../../lib/curation/article-text';

describe('decodeUtf8', () => {
  it('decodes UTF-8 and drops a leading BOM, as the build reads it', () => {
    expect(decodeUtf8(new TextEncoder().encode('Bối cảnh'))).toBe('Bối cảnh');
    expect(decodeUtf8(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]))).toBe('A');
  });
  it('refuses a byte that is not UTF-8, and says on which line', () => {
    const latin1 = new Uint8Array([0x41, 0x0a, 0x42, 0xe0, 0x0a]); // "à" in Latin-1 on line 2
    expect(decodeUtf8(latin1)).toBeNull();
    expect(firstBadLine(latin1)).toBe(2);
  });
});

describe('comparableText', () => {
  it('treats NFD, CRLF and outer whitespace as the same text', () => {
    expect(comparableText('  Hoà bình\r\nMỹ\n')).toBe(comparableText('Hoà bình\nMỹ'.normalize('NFD')));
  });
  it('keeps different words different', () => {
    expect(comparableText('Mỹ')).not.toBe(comparableText('My'));
  });
});

describe('isRealDay', () => {
  it('accepts days of the calendar only', () => {
    expect(isRealDay('2021-01-28')).toBe(true);
    expect(isRealDay('2024-02-29')).toBe(true);
    expect(isRealDay('2023-02-29')).toBe(false);
    expect(isRealDay('2021-02-30')).toBe(false);
    expect(isRealDay('2021-13-01')).toBe(false);
    expect(isRealDay('2021-1-28')).toBe(false);
    expect(isRealDay('28/1/2021')).toBe(false);
  });
});
