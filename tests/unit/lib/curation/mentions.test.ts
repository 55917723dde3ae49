// Known entities in an added article: direct names, role phrases by the article's date, and the words a fact needs.
import { describe, expect, it } from 'vitest';
import type { MatcherData } from '../../../../lib/artifacts';
import { findMentions } from '../../../../lib/curation/mentions';

/** A table shaped as the build writes it: two people, one treaty, one role held by each person in turn. */
const data: MatcherData = {
  entities: [
    { id: 'sergei-lavrov', name: 'Sergei Lavrov', kind: 'person' },
    { id: 'igor-ivanov', name: 'Igor Ivanov', kind: 'person' },
    { id: 'new-start', name: 'Hiệp ước New START', kind: 'treaty' },
  ],
  aliases: [
    ['Sergei Lavrov', 0],
    ['Lavrov', 0],
    ['Igor Ivanov', 1],
    ['New START', 2],
    ['Ngoại trưởng Nga', 3],
  ],
  roles: [
    {
      title: 'Ngoại trưởng Nga',
      holders: [
        [1, '1998-09-11', '2004-03-09'],
        [0, '2004-03-09', null],
      ],
    },
  ],
};

const passages = [
  { id: 'p0s1', text: 'New START và Ngoại trưởng Nga' },
  { id: 'p1s1', text: 'Ông Lavrov bàn về New START.' },
  { id: 'p2s1', text: 'Ngoại trưởng Nga nói thêm.' },
];

describe('findMentions', () => {
  it('lists each known entity once per passage, in the matcher table order', () => {
    const { entities } = findMentions(passages, data, '2021-01-28');
    expect(entities.map((e) => [e.id, e.passages.map((p) => p.passage)])).toEqual([
      ['sergei-lavrov', ['p0s1', 'p1s1', 'p2s1']],
      ['new-start', ['p0s1', 'p1s1']],
    ]);
  });
  it('gives mentionedAs where only a role phrase names the entity, and none where its name does', () => {
    const lavrov = findMentions(passages, data, '2021-01-28').entities[0]!;
    expect(lavrov.passages).toEqual([
      { passage: 'p0s1', mentionedAs: 'Ngoại trưởng Nga' },
      { passage: 'p1s1' },
      { passage: 'p2s1', mentionedAs: 'Ngoại trưởng Nga' },
    ]);
  });
  it('resolves a role phrase to the holder on the date, with the tenure', () => {
    expect(findMentions(passages, data, '2021-01-28').roles[0]).toEqual({
      passage: 'p0s1',
      text: 'Ngoại trưởng Nga',
      role: 'Ngoại trưởng Nga',
      entityId: 'sergei-lavrov',
      entityName: 'Sergei Lavrov',
      tenure: ['2004-03-09', null],
    });
    const earlier = findMentions(passages, data, '2003-05-01');
    expect(earlier.roles.map((r) => [r.passage, r.entityId, r.tenure])).toEqual([
      ['p0s1', 'igor-ivanov', ['1998-09-11', '2004-03-09']],
      ['p2s1', 'igor-ivanov', ['1998-09-11', '2004-03-09']],
    ]);
  });
  it('resolves nobody on a day no one held the role', () => {
    const before = findMentions(passages, data, '1990-01-01');
    expect(before.roles).toEqual([]);
    expect(before.entities.map((e) => e.id)).toEqual(['sergei-lavrov', 'new-start']);
  });
  it('keeps every span a name or role phrase covers, for the candidate finder', () => {
    const spans = findMentions(passages, data, '2021-01-28').known.get('p0s1')!;
    expect(spans.map((s) => passages[0]!.text.slice(s.start, s.end)).sort()).toEqual(['New START', 'Ngoại trưởng Nga']);
  });
});
