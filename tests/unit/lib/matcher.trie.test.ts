/**
 * A matcher built from the shape written at build time (MatcherTrie, what the engine ships)
 * finds exactly what one built by folding its aliases finds: on random alias sets and texts,
 * and with the real dataset's table after the JSON round trip the engine makes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { MatcherData } from '../../../lib/artifacts';
import { decodeMatcher, type CompactMatcher } from '../../../lib/compact-matcher';
import { Matcher, type Alias } from '../../../lib/matcher';
import { buildDataset } from '../../../scripts/build-data';

const WORDS = [
  'Putin',
  'Vladimir',
  'ông',
  'Tổng thống',
  'Nga',
  'Mỹ',
  'NATO',
  'INF',
  'Hiệp ước',
  'Bầu trời mở',
  'Đức',
  'Thụy Sĩ',
  'Thuỵ Sĩ',
];
const phrase = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 4 }).map((w) => w.join(' '));
const text = fc.array(fc.oneof(phrase, fc.constantFrom(' ', ', ', '. ', ' - ', 'và ', 'của ')), { maxLength: 30 }).map((p) => p.join(''));

const fromTrie = (aliases: Alias[]) => new Matcher(aliases, JSON.parse(JSON.stringify(new Matcher(aliases).trie())));

describe('a matcher from its shipped shape', () => {
  it('finds what the folded build finds, overlapping hits included', () => {
    fc.assert(
      fc.property(fc.uniqueArray(phrase, { maxLength: 25 }), fc.array(text, { minLength: 1, maxLength: 5 }), (texts, pages) => {
        const aliases = texts.map((t, entity) => ({ text: t, entity }));
        const folded = new Matcher(aliases);
        const shipped = fromTrie(aliases);
        for (const page of pages) {
          expect(shipped.findAll(page)).toEqual(folded.findAll(page));
          expect(shipped.find(page)).toEqual(folded.find(page));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('with the real table: the same marks on every passage of the dataset', () => {
    const { files } = buildDataset(join(import.meta.dirname, '../../../data'));
    const compact = JSON.parse(files['matcher-compact.json']!) as CompactMatcher;
    const data: MatcherData = decodeMatcher(compact);
    const aliases = data.aliases.map(([t, entity]) => ({ text: t, entity }));
    const folded = new Matcher(aliases);
    const shipped = new Matcher(aliases, compact.trie);
    const passages = Object.values(JSON.parse(files['cards.json']!).passages as Record<string, { text: string }>).map((p) => p.text);
    expect(passages.length).toBeGreaterThan(40);
    let marks = 0;
    for (const passage of passages) {
      const found = shipped.find(passage);
      expect(found).toEqual(folded.find(passage));
      marks += found.length;
    }
    expect(marks).toBeGreaterThan(40);
  });

  it('refuses a shape written for other aliases', () => {
    const trie = new Matcher([{ text: 'Putin', entity: 0 }]).trie();
    expect(
      () =>
        new Matcher(
          [
            { text: 'Putin', entity: 0 },
            { text: 'Nga', entity: 1 },
          ],
          trie,
        ),
    ).toThrow('does not fit');
  });
});
