/**
 * The compact matcher table the content script ships decodes to exactly the table the build
 * made: the same entities, the same aliases with the same owners in the same order. On the
 * seed dataset, on a generated one with 200 entities (scripts/bench/dataset.ts), and on random
 * tables; and it is smaller.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { MatcherData } from '../../../lib/artifacts';
import { decodeMatcher, encodeMatcher, openMatcher, type CompactMatcher } from '../../../lib/compact-matcher';
import { writeScaleDataset } from '../../../scripts/bench/dataset';
import { buildDataset } from '../../../scripts/build-data';

const root = resolve(import.meta.dirname, '../../..');
const seedBuild = buildDataset(join(root, 'data'));
const seed = JSON.parse(seedBuild.files['matcher.json']!) as MatcherData;

const scaleDir = mkdtempSync(join(tmpdir(), 'boi-canh-compact-'));
afterAll(() => rmSync(scaleDir, { recursive: true, force: true }));

const roundTrip = (data: MatcherData) => decodeMatcher(JSON.parse(JSON.stringify(encodeMatcher(data))) as CompactMatcher);
/** The table alone, without the automaton's shape that ships beside it (tests/unit/lib/matcher.trie.test.ts). */
const tableSize = (json: string) => {
  const { table, roles } = JSON.parse(json) as CompactMatcher;
  return JSON.stringify({ table, roles }).length;
};

describe('the compact matcher table', () => {
  it('is what the build writes for the content script, and decodes to matcher.json', () => {
    const compact = JSON.parse(seedBuild.files['matcher-compact.json']!) as CompactMatcher;
    expect(decodeMatcher(compact)).toStrictEqual(seed);
    expect(tableSize(seedBuild.files['matcher-compact.json']!)).toBeLessThan(seedBuild.files['matcher.json']!.length);
  });

  it('opens for a page as it decodes: the same entities, roles, and alias texts and owners when read', () => {
    const compact = JSON.parse(seedBuild.files['matcher-compact.json']!) as CompactMatcher;
    const { data, aliases } = openMatcher(compact);
    expect(data).toStrictEqual({ entities: seed.entities, roles: seed.roles });
    expect(aliases.map((a) => [a.text, a.entity])).toStrictEqual(seed.aliases);
  });

  it('gives back the seed table exactly', () => {
    expect(roundTrip(seed)).toStrictEqual(seed);
  });

  it('gives back a table of 200 entities exactly', () => {
    writeScaleDataset(join(root, 'data'), join(scaleDir, 'data'), { articles: 1000, entities: 200, paragraphsPerArticle: 4 });
    const built = buildDataset(join(scaleDir, 'data'));
    const scale = JSON.parse(built.files['matcher.json']!) as MatcherData;
    expect(scale.entities).toHaveLength(200);
    expect(roundTrip(scale)).toStrictEqual(scale);
    expect(tableSize(built.files['matcher-compact.json']!)).toBeLessThan(built.files['matcher.json']!.length * 0.6);
  }, 60_000);

  it('writes aliases over their siblings and initials as references', () => {
    const data: MatcherData = {
      entities: [{ id: 'vladimir-putin', name: 'Vladimir Putin', kind: 'person' }],
      aliases: [
        ['Vladimir Putin', 0],
        ['Putin', 0],
        ['V. Putin', 0],
        ['ông V. Putin', 0],
        ['Tổng thống Nga', 1],
      ],
      roles: [{ title: 'Tổng thống Nga', holders: [[0, '2012-05-07', null]] }],
    };
    const compact = encodeMatcher(data);
    expect(compact.table).toBe('vladimir-putin|person|{0}|Vladimir {1}|Putin|{0^}. {1}|ông {2}\n~1|Tổng thống Nga');
    expect(decodeMatcher(compact)).toStrictEqual(data);
  });

  it('keeps entities without aliases, and runs out of order', () => {
    const data: MatcherData = {
      entities: [
        { id: 'a', name: 'Alpha', kind: 'treaty' },
        { id: 'b', name: 'Beta', kind: 'person' },
        { id: 'c', name: 'Gamma', kind: 'person' },
      ],
      aliases: [
        ['Gamma', 2],
        ['Alpha', 0],
        ['G.', 3],
        ['Gamma G.', 2],
      ],
      roles: [],
    };
    expect(roundTrip(data)).toStrictEqual(data);
    expect(roundTrip({ entities: [], aliases: [], roles: [] })).toStrictEqual({ entities: [], aliases: [], roles: [] });
  });

  it('refuses the characters it reserves', () => {
    const entity = { id: 'x', name: 'X', kind: 'person' as const };
    for (const bad of ['a|b', 'a~b', 'a{0}', 'a}', 'a\nb']) {
      expect(() => encodeMatcher({ entities: [entity], aliases: [[bad, 0]], roles: [] })).toThrow(/reserves/u);
      expect(() => encodeMatcher({ entities: [{ ...entity, name: bad }], aliases: [], roles: [] })).toThrow(/reserves/u);
    }
  });

  it('gives back random tables exactly', () => {
    // Few letters, so that aliases often contain one another; capitals and dots for initials.
    const word = fc.stringMatching(/^[AVBvaị. ]{0,6}$/u);
    const text = fc.oneof(
      word,
      fc.string().filter((s) => !/[|~{}\n\r]/u.test(s)),
    );
    const table = fc
      .record({
        entities: fc.array(fc.record({ id: text, name: text, kind: fc.constantFrom('person' as const, 'treaty' as const) }), {
          maxLength: 6,
        }),
        aliases: fc.array(
          fc.tuple(
            fc.oneof(
              word,
              text,
              fc.tuple(word, word).map(([a, b]) => a + b),
            ),
            fc.nat(8),
          ),
          { maxLength: 30 },
        ),
      })
      .map(
        ({ entities, aliases }): MatcherData => ({
          // Entity names often among their aliases, as in the dataset.
          entities: entities.map((e, i) => ({ ...e, name: aliases.find(([, owner]) => owner === i)?.[0] ?? e.name })),
          aliases,
          roles: [],
        }),
      );
    fc.assert(
      fc.property(table, (data) => {
        expect(roundTrip(data)).toStrictEqual(data);
      }),
      { numRuns: 2000 },
    );
  });
});
