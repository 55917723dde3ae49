import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { CardData } from '../../../lib/artifacts';
import {
  buildSearchIndex,
  containsPhrase,
  indexTerms,
  loadSearchIndex,
  markedForm,
  maxTypos,
  queryWords,
  search,
  type SearchDoc,
} from '../../../lib/search';
import { buildDataset } from '../../../scripts/build-data';

// The real dataset, through the same JSON round trip the popup's search worker makes.
const { files } = buildDataset(join(import.meta.dirname, '../../../data'));
const cards = JSON.parse(files['cards.json']!) as CardData;
const index = loadSearchIndex(files['data/search-index.json']!);
const context = { passageText: (id: string) => cards.passages[id]?.text };
const results = (query: string) => search(index, query, context);
const first = (query: string) => results(query)[0]?.entityId;

describe('term processing', () => {
  it('indexes a word as written and folded, once when they agree', () => {
    expect(indexTerms('Bầu')).toEqual([markedForm('bầu'), 'bau']);
    expect(indexTerms('Đối')).toEqual([markedForm('đối'), 'doi']);
    expect(indexTerms('NATO')).toEqual(['nato']);
    expect(indexTerms('–')).toEqual([]);
  });

  it('writes a word the same whatever its tone placement or normalisation form', () => {
    expect(markedForm('hoà')).toBe(markedForm('hòa'));
    expect(markedForm('thuỷ')).toBe(markedForm('thủy'));
    expect(markedForm('Trời'.normalize('NFD'))).toBe(markedForm('trời'));
    expect(markedForm('mở')).not.toBe(markedForm('mộ'));
  });

  it('tolerates typos only in long words', () => {
    expect([maxTypos('troi'), maxTypos('lavrop'), maxTypos('stoltenbreg')]).toEqual([0, 1, 2]);
  });

  it('finds a phrase only with its words adjacent, in order, and agreeing with the marks typed', () => {
    const has = (text: string, query: string) => containsPhrase(text, queryWords(query));
    expect(has('Hiệp ước Bầu trời mở', 'bau troi mo')).toBe(true);
    expect(has('Hiệp ước Bầu trời mở', 'bầu trời mở')).toBe(true);
    expect(has('Hiệp ước Bầu trời mở', 'bầu trời mơ')).toBe(false);
    expect(has('Hiệp ước Bầu trời mở', 'mo bau troi')).toBe(false);
    expect(has('bầu cử, trời mưa, mở cửa', 'bau troi mo')).toBe(false);
    // The last word is the one being typed: a prefix will do.
    expect(has('Hiệp ước Bầu trời mở', 'hiep uoc bau tr')).toBe(true);
  });
});

describe('ranking on the dataset', () => {
  it.each([
    // with and without diacritics, any case, NFD
    ['bau troi mo', 'open-skies'],
    ['Hiệp ước Bầu trời mở', 'open-skies'],
    ['Hiệp ước Bầu trời mở'.normalize('NFD'), 'open-skies'],
    ['BẦU TRỜI MỞ', 'open-skies'],
    ['hiep uoc inf', 'inf'],
    ['đối thoại', 'strategic-stability-dialogue'],
    ['doi thoai on dinh chien luoc', 'strategic-stability-dialogue'],
    ['thuong dinh geneva', 'geneva-summit-2021'],
    ['hoi nghi thuong dinh', 'geneva-summit-2021'],
    ['luc luong hat nhan', 'inf'],
    // multi-syllable phrases: the name holding the phrase first
    ['trời mở', 'open-skies'],
    ['tổng thư ký', 'jens-stoltenberg'],
    ['tong thong nga', 'vladimir-putin'],
    ['tổng thống mỹ', 'joe-biden'],
    ['ngoai truong nga', 'sergei-lavrov'],
    ['ngoại trưởng', 'sergei-lavrov'],
    ['thứ trưởng ngoại giao', 'sergei-ryabkov'],
    ['nga my', 'geneva-summit-2021'],
    // a name holding some of the words still counts: the honorific is in the passages only
    ['ông Putin', 'vladimir-putin'],
    ['ong peskov', 'dmitry-peskov'],
    // names, aliases, acronyms
    ['new start', 'new-start'],
    ['START-3', 'new-start'],
    ['putin', 'vladimir-putin'],
    ['peskov', 'dmitry-peskov'],
    ['nato', 'nato'],
    ['block', 'tom-block'],
    // typos in long words
    ['Stoltenbreg', 'jens-stoltenberg'],
    ['lavrop', 'sergei-lavrov'],
    ['peskob', 'dmitry-peskov'],
    ['ryabkop', 'sergei-ryabkov'],
    ['chizov', 'vladimir-chizhov'],
    ['wiliam pery', 'william-perry'],
    // the word being typed, as a prefix
    ['stolt', 'jens-stoltenberg'],
    ['pesk', 'dmitry-peskov'],
    ['hiep uoc bau tr', 'open-skies'],
    // marks typed are honoured: "mới" (new) is New START's, "mở" (open) the Open Skies Treaty's
    ['mới', 'new-start'],
    ['mở', 'open-skies'],
  ])('%s → %s first', (query, expected) => {
    expect(first(query)).toBe(expected);
  });

  it('ranks the treaty named by a phrase above entities whose passages merely contain its words', () => {
    const [top, ...rest] = results('bầu trời mở');
    expect(top?.entityId).toBe('open-skies');
    expect(top?.tier).toBe(3);
    expect(rest.every((r) => r.tier < 3)).toBe(true);
    // Its words out of order are still found, but not as a phrase.
    expect(results('mở bầu trời')[0]?.tier).toBe(1);
  });

  it('keeps short words precise: no typo tolerance below five letters, no prefix for one letter', () => {
    expect(results('putn')).toEqual([]);
    expect(results('troi').every((r) => r.terms.every((t) => !['tới', 'toi', 'thời', 'thoi'].includes(t)))).toBe(true);
    expect(
      results('s')
        .flatMap((r) => r.terms)
        .every((t) => t === 's'),
    ).toBe(true);
  });

  it('groups passages under the entities they mention', () => {
    const [top] = results('gia hạn');
    expect(top?.entityId).toBe('new-start');
    expect(top?.passages[0]?.passageId).toBe('arms-control-briefs/p12s1');
  });

  it('finds nothing for nothing', () => {
    expect(results('')).toEqual([]);
    expect(results(' – ')).toEqual([]);
    expect(results('xyzzyq')).toEqual([]);
  });
});

describe('exact forms rank above folded ones', () => {
  const doc = (id: string, text: string): SearchDoc => ({
    id: `passage:${id}`,
    type: 'passage',
    entityIds: [id],
    names: '',
    aliases: '',
    text,
  });
  const small = loadSearchIndex(JSON.stringify(buildSearchIndex([doc('grave', 'mộ cổ'), doc('open', 'cửa mở'), doc('mine', 'mỏ than')])));
  const order = (query: string) => search(small, query).map((r) => r.entityId);

  it.each([
    ['mở', 'open'],
    ['mộ', 'grave'],
    ['mỏ', 'mine'],
    ['mộ'.normalize('NFD'), 'grave'],
  ])('%s → %s first', (query, expected) => {
    expect(order(query)[0]).toBe(expected);
    expect(order(query)).toHaveLength(3);
  });

  it('treats all three alike when typed without marks', () => {
    const scores = search(small, 'mo').map((r) => r.score);
    expect(new Set(scores.map((s) => s.toFixed(6))).size).toBe(1);
  });
});
