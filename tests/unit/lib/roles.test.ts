import { describe, expect, it } from 'vitest';
import type { MatcherData } from '../../../lib/artifacts';
import { leftmostLongest, Matcher } from '../../../lib/matcher';
import { holderOn, resolveRoles } from '../../../lib/roles';

// Two presidents of one role, one of another; entity 3 is an organisation named inside a title.
const data: MatcherData = {
  entities: [
    { id: 'donald-trump', name: 'Donald Trump', kind: 'person' },
    { id: 'joe-biden', name: 'Joe Biden', kind: 'person' },
    { id: 'jens-stoltenberg', name: 'Jens Stoltenberg', kind: 'person' },
    { id: 'nato', name: 'NATO', kind: 'organization' },
  ],
  aliases: [
    ['Donald Trump', 0],
    ['Joe Biden', 1],
    ['Jens Stoltenberg', 2],
    ['NATO', 3],
    ['Tổng thống Mỹ', 4],
    ['ông chủ Nhà Trắng', 4],
    ['Tổng thư ký NATO', 5],
  ],
  roles: [
    { title: 'Tổng thống Mỹ', holders: [[0, '2017-01-20', '2021-01-20'], [1, '2021-01-20', '2025-01-20'], [0, '2025-01-20', null]] },
    { title: 'Tổng thư ký NATO', holders: [[2, '2014-10-01', '2024-10-01']] },
  ],
};
const matcher = new Matcher(data.aliases.map(([text, entity]) => ({ text, entity })));

function marks(text: string, date: string | null, named: number[] = []): Array<[string, string]> {
  const { matches } = resolveRoles(text, matcher.findAll(text), data, { date, named: new Set(named) });
  return leftmostLongest(matches).map((m) => [data.entities[m.entity]!.id, text.slice(m.start, m.end)]);
}

describe('holderOn', () => {
  it('gives whoever held the role that day; the end date belongs to the successor', () => {
    expect(holderOn(data.roles[0]!, '2021-06-16')).toBe(1);
    expect(holderOn(data.roles[0]!, '2021-01-20')).toBe(1);
    expect(holderOn(data.roles[0]!, '2019-05-01')).toBe(0);
    expect(holderOn(data.roles[0]!, '2026-11-22')).toBe(0);
    expect(holderOn(data.roles[1]!, '2010-01-01')).toBeNull();
  });
});

describe('resolveRoles', () => {
  it('resolves a role by the article’s date', () => {
    expect(marks('Tổng thống Mỹ phát biểu hôm qua.', '2021-06-16')).toEqual([['joe-biden', 'Tổng thống Mỹ']]);
    expect(marks('Ông chủ Nhà Trắng phát biểu.', '2019-03-01')).toEqual([['donald-trump', 'Ông chủ Nhà Trắng']]);
  });

  it('without a date, resolves only to the one holder the page names', () => {
    expect(marks('Tổng thống Mỹ phát biểu.', null, [1])).toEqual([['joe-biden', 'Tổng thống Mỹ']]);
    expect(marks('Tổng thống Mỹ phát biểu.', null)).toEqual([]);
    expect(marks('Tổng thống Mỹ phát biểu.', null, [0, 1])).toEqual([]);
  });

  it('leaves a title before someone else’s name, or in another time, to that person', () => {
    expect(marks('Tổng thống Mỹ Barack Obama nói.', '2015-01-01')).toEqual([]);
    expect(marks('ký giữa Tổng thống Mỹ khi đó Ronald Reagan', '2019-08-02')).toEqual([]);
    expect(marks('ky giua Tong thong My khi do Ronald Reagan', '2019-08-02')).toEqual([]);
  });

  it('leaves vice, former and plural titles alone', () => {
    expect(marks('Phó Tổng thống Mỹ đến thăm.', '2021-06-16')).toEqual([]);
    expect(marks('cựu Tổng thống Mỹ phát biểu', '2021-06-16')).toEqual([]);
    expect(marks('các Tổng thống Mỹ đều', '2021-06-16')).toEqual([]);
  });

  it('treats a lower-case title as the office, leaving the name inside it standing', () => {
    expect(marks('tổng thư ký NATO nhấn mạnh', '2021-06-16')).toEqual([['nato', 'NATO']]);
    expect(marks('Tổng thư ký NATO nhấn mạnh', '2021-06-16')).toEqual([['jens-stoltenberg', 'Tổng thư ký NATO']]);
  });

  it('says when a role was judged by the names on the page', () => {
    expect(resolveRoles('Tổng thống Mỹ nói', matcher.findAll('Tổng thống Mỹ nói'), data, { date: null, named: new Set() }).byNames).toBe(true);
    expect(resolveRoles('Tổng thống Mỹ nói', matcher.findAll('Tổng thống Mỹ nói'), data, { date: '2021-01-01', named: new Set() }).byNames).toBe(false);
  });
});
