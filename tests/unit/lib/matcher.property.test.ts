/**
 * The matcher agrees with a naive reference that shares nothing with it but the alias list,
 * on random text built from aliases, Vietnamese letters, combining marks, spaces and
 * punctuation; and every match covers text whose folded form is its alias.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Matcher } from '../../../lib/matcher';
import { foldUnits, referenceFold, referenceSyllables, ReferenceMatcher, tonesOf } from './reference-matcher';

/** Aliases that overlap every way: one the start of another, one inside another, two folding alike. */
const ALIASES = [
  'Vladimir Putin',
  'Putin',
  'Tổng thống Putin',
  'ông Putin',
  'Tổng thống Nga',
  'Tổng thống Nga Vladimir Putin',
  'Joe Biden',
  'Tổng thống Mỹ',
  'Tổng thống Mỹ Joe Biden',
  'Nga',
  'Nga - Mỹ',
  'Hiệp ước Bầu trời mở',
  'NATO',
  'INF',
  'hiệp ước INF',
  'START',
  'New START',
  'Thụy Sĩ',
  'Thuỵ Sĩ',
  'Đức',
];
const list = ALIASES.map((text, entity) => ({ text, entity }));
const matcher = new Matcher(list);
const reference = new ReferenceMatcher(list);

const pieces = fc.constantFrom(
  ...ALIASES,
  ...ALIASES.map((a) => a.normalize('NFD')),
  ...ALIASES.map((a) => a.toUpperCase()),
  'putin',
  'nato',
  'Nato',
  'Inf',
  'Start',
  'New Start',
  'ông',
  'Tổng thống',
  'Nga',
  'Mỹ',
  'My',
  'Mý',
  'mở',
  'mổ',
  'Thuỵ',
  'Thuy Si',
  'hiep uoc',
  'bau troi mo',
  'Vladimir  Putin',
  'PutinX',
  ' ',
  '  ',
  '\n',
  '\u00a0',
  '-',
  ' – ',
  ',',
  '.',
  '(',
  ')',
  '"',
  '“',
  '”',
  'a',
  'ă',
  'đ',
  'ư',
  'x',
  '1',
  ' I',
  ' II',
  '-3',
  ' 2021',
  '\u0301',
  '\u0323',
  '\u0309',
  '\u00ad',
  '\u200b',
);
/**
 * Texts whose every syllable carries at most one tone. A lone tone mark can land on a letter
 * that already has one ("Mỹ" + U+0301); the matcher then judges the syllable by the last tone
 * in canonical order, an accident of its key rather than a rule, so such texts are left out.
 */
const texts = fc
  .array(pieces, { maxLength: 30 })
  .map((parts) => parts.join(''))
  .filter((text) => referenceSyllables(text).every((s) => tonesOf(s).size <= 1));

describe('Matcher (property)', () => {
  it('finds exactly what the naive reference finds', () => {
    let found = 0;
    fc.assert(
      fc.property(texts, (text) => {
        const want = reference.find(text);
        expect(matcher.find(text)).toEqual(want);
        found += want.length;
      }),
      { numRuns: 3000 },
    );
    // Most random texts are short; enough of them hold mentions for the comparison to mean something.
    expect(found, 'mentions in the random texts').toBeGreaterThan(700);
  });

  it('finds every occurrence the naive reference finds, overlapping ones included', () => {
    fc.assert(
      fc.property(texts, (text) => {
        expect(matcher.findAll(text)).toEqual(reference.findAll(text));
      }),
      { numRuns: 1000 },
    );
  });

  it('marks text whose folded form is the alias, on syllable boundaries', () => {
    let matches = 0;
    fc.assert(
      fc.property(texts, (text) => {
        const units = foldUnits(text);
        for (const m of matcher.find(text)) {
          matches++;
          expect(0 <= m.start && m.start < m.end && m.end <= text.length, `${m.start}..${m.end} in ${text.length}`).toBe(true);
          expect(m.entity).toBe(m.alias);
          expect(referenceFold(text.slice(m.start, m.end))).toBe(referenceFold(ALIASES[m.alias]!));
          // The units the match covers, and what lies beside them in the folded text.
          const first = units.findIndex((u) => u.start === m.start);
          const last = units.findIndex((u) => u.end === m.end);
          expect(first, 'the match starts on a folded character').toBeGreaterThanOrEqual(0);
          expect(last, 'the match ends on a folded character').toBeGreaterThanOrEqual(first);
          const word = (k: number) => /[\p{L}\p{N}]/u.test(units[k]?.ch ?? ' ');
          expect(word(first - 1) && word(first), 'starts inside a word').toBe(false);
          expect(word(last) && word(last + 1), 'ends inside a word').toBe(false);
        }
      }),
      { numRuns: 2000 },
    );
    expect(matches, 'the random texts contain matches').toBeGreaterThan(500);
  });
});
