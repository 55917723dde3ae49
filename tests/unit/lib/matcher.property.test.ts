/**
 * The matcher agrees with a naive reference on random text built from aliases, Vietnamese
 * letters, combining marks, spaces and punctuation; and every offset maps back to the text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { leftmostLongest, Matcher, type Match } from '../../../lib/matcher';
import { syllableAgrees, syllables } from '../../../lib/normalize';

const ALIASES = ['Vladimir Putin', 'Putin', 'Tổng thống Putin', 'ông Putin', 'Hiệp ước Bầu trời mở', 'NATO', 'INF', 'hiệp ước INF', 'Nga - Mỹ', 'Thụy Sĩ', 'Đức'];
const matcher = new Matcher(ALIASES.map((text, entity) => ({ text, entity })));

/** The reference: fold one code point at a time with string functions, then try every alias at every position. */
function referenceFind(text: string): Match[] {
  const folded: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let last = ' ';
  for (let i = 0; i < text.length; ) {
    const ch = String.fromCodePoint(text.codePointAt(i)!);
    const next = i + ch.length;
    let f: string;
    if (/\p{M}/u.test(ch)) {
      if (ends.length) ends[ends.length - 1] = next;
      i = next;
      continue;
    } else if (/[\u00ad\u200b-\u200d\u2060\ufeff]/u.test(ch)) f = '';
    else if (/\s/u.test(ch)) f = ' ';
    else if (/[\u002d\u2010-\u2015\u2212]/u.test(ch)) f = '-';
    else if (ch === 'đ' || ch === 'Đ') f = 'd';
    else f = ch.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    if (f === ' ') {
      if (last !== ' ' && last !== '-') {
        folded.push(' ');
        starts.push(i);
        ends.push(next);
        last = ' ';
      }
    } else if (f !== '') {
      if (f === '-' && last === ' ' && folded.length) {
        folded.pop();
        starts.pop();
        ends.pop();
      }
      for (const c of f) {
        folded.push(c);
        starts.push(i);
        ends.push(next);
      }
      last = f[f.length - 1]!;
    }
    i = next;
  }
  const word = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
  const hay = folded.join('');
  const found: Match[] = [];
  ALIASES.forEach((alias, index) => {
    const needle = alias.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/\s*-\s*/g, '-');
    for (let s = hay.indexOf(needle); s >= 0; s = hay.indexOf(needle, s + 1)) {
      const e = s + needle.length;
      if (word(hay[s - 1]) || word(hay[e])) continue;
      const written = text.slice(starts[s]!, ends[e - 1]!);
      const w = syllables(written);
      const a = syllables(alias);
      if (w.length !== a.length) continue;
      const ok = w.every((ws, k) => (!(a[k]!.length >= 2 && /^\p{Lu}+$/u.test(a[k]!)) || ws === ws.toUpperCase()) && syllableAgrees(ws, a[k]!));
      // An alias ending in an acronym is not followed by a number ("START I" is another treaty).
      const numbered = /^\p{Lu}{2,}$/u.test(a[a.length - 1]!) && /^(?:[ \u00a0]*-[ \u00a0]*|[ \u00a0]+)(?:[IVX]+|\d{1,2})(?![\p{L}\p{N}])/u.test(text.slice(ends[e - 1]!));
      if (ok && !numbered) found.push({ start: starts[s]!, end: ends[e - 1]!, entity: index, alias: index });
    }
  });
  return leftmostLongest(found);
}

const pieces = fc.constantFrom(
  ...ALIASES,
  ...ALIASES.map((a) => a.normalize('NFD')),
  ...ALIASES.map((a) => a.toUpperCase()),
  'putin', 'nato', 'ông', 'Tổng thống', 'Nga', 'Mỹ', 'My', 'hiep uoc', 'bau troi mo',
  ' ', '  ', '\n', '\u00a0', '-', ' – ', ',', '.', '(', ')', '"', '“', '”',
  'a', 'ă', 'đ', 'ư', 'x', '1', ' I', ' II', '-3', ' 2021', '\u0301', '\u0323', '\u0309', '\u00ad', '\u200b',
);
const texts = fc.array(pieces, { maxLength: 30 }).map((parts) => parts.join(''));

describe('Matcher (property)', () => {
  it('agrees with the naive reference', () => {
    fc.assert(
      fc.property(texts, (text) => {
        const got = matcher.find(text).map(({ start, end, entity }) => ({ start, end, entity }));
        const want = referenceFind(text).map(({ start, end, entity }) => ({ start, end, entity }));
        expect(got).toEqual(want);
      }),
      { numRuns: 3000 },
    );
  });

  it('returns offsets inside the text whose folded form is the alias', () => {
    fc.assert(
      fc.property(texts, (text) => {
        for (const m of matcher.find(text)) {
          expect(0 <= m.start && m.start < m.end && m.end <= text.length).toBe(true);
          const written = text.slice(m.start, m.end);
          expect(syllables(written).length).toBe(syllables(ALIASES[m.entity]!).length);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
