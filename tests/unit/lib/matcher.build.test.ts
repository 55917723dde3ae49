/**
 * The matcher's automaton, built in typed arrays, finds exactly what a naive search (every
 * alias at every place it occurs, reference-matcher.ts) finds: the same occurrences in the
 * same order, overlapping ones included, on the real dataset over the development pages and
 * its own passages, and on random alias sets over random texts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MatcherData } from '../../../lib/artifacts';
import { Matcher, type Alias } from '../../../lib/matcher';
import { buildDataset } from '../../../scripts/build-data';
import { ReferenceMatcher } from './reference-matcher';

const root = resolve(import.meta.dirname, '../../..');
const built = buildDataset(join(root, 'data'));
const data = JSON.parse(built.files['matcher.json']!) as MatcherData;
const aliases: Alias[] = data.aliases.map(([text, entity]) => ({ text, entity }));
const passages = Object.values(JSON.parse(built.files['cards.json']!).passages as Record<string, { text: string }>).map((p) => p.text);

/** The development pages (tests/fixtures/dev-pages), as text (tags dropped). */
const PAGES_DIR = join(root, 'tests/fixtures/dev-pages/pages');
function pageTexts(): string[] {
  return readdirSync(PAGES_DIR)
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((f) =>
      readFileSync(join(PAGES_DIR, f), 'utf8')
        .replace(/<(script|style)[\s\S]*?<\/\1>/giu, ' ')
        .replace(/<[^>]*>/gu, '\n')
        .replace(/&nbsp;/gu, '\u00a0')
        .replace(/&amp;/gu, '&')
        .replace(/&quot;/gu, '"')
        .replace(/&#39;/gu, "'"),
    );
}

describe('Matcher construction', () => {
  const ours = new Matcher(aliases);
  const reference = new ReferenceMatcher(aliases);

  it('finds what the naive search finds on the development pages', () => {
    const pages = pageTexts();
    let found = 0;
    for (const page of pages) {
      // The whole page at once, and line by line as the content script reads blocks.
      for (const text of [page, ...page.split('\n')]) {
        const got = ours.findAll(text);
        expect(got).toEqual(reference.findAll(text));
        found += got.length;
      }
    }
    // The 15 positive and 3 negative dev pages (and the seed page): an emptied folder fails here.
    expect(pages.length, 'development pages read').toBeGreaterThanOrEqual(18);
    expect(found).toBeGreaterThan(100);
  });

  it('finds what the naive search finds on the dataset’s passages', () => {
    let found = 0;
    for (const text of passages) {
      const got = ours.findAll(text);
      expect(got).toEqual(reference.findAll(text));
      found += got.length;
    }
    expect(found).toBeGreaterThan(passages.length / 2);
  });

  it('finds what the naive search finds on texts made of the real aliases', () => {
    const piece = fc.oneof(
      fc.constantFrom(...data.aliases.map(([t]) => t)),
      fc.constantFrom(...data.aliases.map(([t]) => t.normalize('NFD').toUpperCase())),
      fc.constantFrom(' ', ', ', '. ', ' - ', '\u00a0', 'ông ', 'bà ', ' I', ' 2', 'Tổng thống ', 'Nga ', 'Mỹ', 'của'),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        expect(ours.findAll(text)).toEqual(reference.findAll(text));
      }),
      { numRuns: 1500 },
    );
  });

  it('finds what the naive search finds for random alias sets (shared prefixes, suffixes, repeats)', () => {
    // A tiny alphabet makes aliases overlap in every way: prefixes, suffixes, one inside another, duplicates.
    const letter = fc.constantFrom('a', 'b', 'ă', 'Á', 'đ', ' ', '-', 'N', 'T', 'O', '\u0301');
    const alias = fc.array(letter, { minLength: 0, maxLength: 6 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(fc.array(alias, { minLength: 1, maxLength: 12 }), fc.array(letter, { maxLength: 40 }), (texts, chars) => {
        const set = texts.map((text, entity) => ({ text, entity }));
        const text = chars.join('');
        expect(new Matcher(set).findAll(text)).toEqual(new ReferenceMatcher(set).findAll(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('handles no aliases, and aliases that fold to nothing', () => {
    expect(new Matcher([]).findAll('Putin')).toEqual([]);
    const set = [
      { text: '\u0301', entity: 0 },
      { text: 'Putin', entity: 1 },
      { text: '', entity: 2 },
    ];
    expect(new Matcher(set).findAll('ông Putin')).toEqual(new ReferenceMatcher(set).findAll('ông Putin'));
    expect(new Matcher(set).findAll('ông Putin')).toHaveLength(1);
  });
});
