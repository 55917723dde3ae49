import { describe, expect, it } from 'vitest';
import type { MatcherData } from '../../../lib/artifacts';
import { leftmostLongest, Matcher } from '../../../lib/matcher';
import { holderOn, resolveRoles } from '../../../lib/roles';

// Two presidents of one role and one of another, a secretary general; entity 3 is an organisation named inside a title.
const data: MatcherData = {
  entities: [
    { id: 'donald-trump', name: 'Donald Trump', kind: 'person' },
    { id: 'joe-biden', name: 'Joe Biden', kind: 'person' },
    { id: 'jens-stoltenberg', name: 'Jens Stoltenberg', kind: 'person' },
    { id: 'nato', name: 'NATO', kind: 'organization' },
    { id: 'vladimir-putin', name: 'Vladimir Putin', kind: 'person' },
  ],
  aliases: [
    ['Donald Trump', 0],
    ['Joe Biden', 1],
    ['Jens Stoltenberg', 2],
    ['NATO', 3],
    ['Vladimir Putin', 4],
    ['Tổng thống Mỹ', 5],
    ['ông chủ Nhà Trắng', 5],
    ['Tổng thư ký NATO', 6],
    ['Tổng thống Nga', 7],
    ['nhà lãnh đạo Nga', 7],
    ['người đồng cấp Nga', 8],
    ['người đồng cấp Mỹ', 9],
    ['Joe', 10],
  ],
  roles: [
    {
      title: 'Tổng thống Mỹ',
      holders: [
        [0, '2017-01-20', '2021-01-20'],
        [1, '2021-01-20', '2025-01-20'],
        [0, '2025-01-20', null],
      ],
    },
    { title: 'Tổng thư ký NATO', holders: [[2, '2014-10-01', '2024-10-01']] },
    { title: 'Tổng thống Nga', holders: [[4, '2012-05-07', null]] },
    { title: 'người đồng cấp Nga', holders: [], counterpartIn: 'Nga' },
    { title: 'người đồng cấp Mỹ', holders: [], counterpartIn: 'Mỹ' },
    { title: 'Joe', holders: [], nameOf: 1 },
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

  it('reads a plural before a pair of offices as one holder each', () => {
    expect(marks('Hai nhà lãnh đạo Nga và Mỹ sẽ gặp nhau.', '2021-06-16')).toEqual([['vladimir-putin', 'nhà lãnh đạo Nga']]);
    expect(marks('Hai nha lanh dao Nga va My se gap nhau.', '2021-06-16')).toEqual([['vladimir-putin', 'nha lanh dao Nga']]);
    expect(marks('Hai nhà lãnh đạo Nga đã gặp nhau.', '2021-06-16')).toEqual([]);
  });

  it('resolves a counterpart to the same office in the other country', () => {
    expect(marks('Tổng thống Mỹ Joe Biden khen ngợi người đồng cấp Nga.', '2021-06-14')).toEqual([
      ['joe-biden', 'Joe Biden'],
      ['vladimir-putin', 'người đồng cấp Nga'],
    ]);
    expect(marks('Ông Vladimir Putin đánh giá cao người đồng cấp Mỹ.', '2021-06-16')).toEqual([
      ['vladimir-putin', 'Vladimir Putin'],
      ['joe-biden', 'người đồng cấp Mỹ'],
    ]);
    // As of 2019 the American counterpart was Donald Trump.
    expect(marks('Ông Vladimir Putin đánh giá cao người đồng cấp Mỹ.', '2019-06-16')).toEqual([
      ['vladimir-putin', 'Vladimir Putin'],
      ['donald-trump', 'người đồng cấp Mỹ'],
    ]);
    // No one named before it, or someone whose office has no counterpart here: unmarked.
    expect(marks('Người đồng cấp Nga chưa lên tiếng.', '2021-06-16')).toEqual([]);
    expect(marks('Jens Stoltenberg gặp người đồng cấp Nga.', '2021-06-16')).toEqual([['jens-stoltenberg', 'Jens Stoltenberg']]);
  });

  it('marks a short name alone only once the page has named the person in full', () => {
    expect(marks('Joe nói rằng cuộc gặp đã tốt đẹp.', '2021-06-16')).toEqual([]);
    expect(marks('Joe nói rằng cuộc gặp đã tốt đẹp.', '2021-06-16', [1])).toEqual([['joe-biden', 'Joe']]);
    expect(marks('Joe Manchin nói.', '2021-06-16', [1])).toEqual([]);
    expect(marks('joe nói.', '2021-06-16', [1])).toEqual([]);
    const { matches } = resolveRoles('Joe nói', matcher.findAll('Joe nói'), data, { date: null, named: new Set([1]) });
    expect(matches[0]!.role).toBeUndefined();
  });

  it('treats a lower-case title as the office, leaving the name inside it standing', () => {
    expect(marks('tổng thư ký NATO nhấn mạnh', '2021-06-16')).toEqual([['nato', 'NATO']]);
    expect(marks('Tổng thư ký NATO nhấn mạnh', '2021-06-16')).toEqual([['jens-stoltenberg', 'Tổng thư ký NATO']]);
  });

  it('says when a role was judged by the names on the page', () => {
    expect(resolveRoles('Tổng thống Mỹ nói', matcher.findAll('Tổng thống Mỹ nói'), data, { date: null, named: new Set() }).byNames).toBe(
      true,
    );
    expect(
      resolveRoles('Tổng thống Mỹ nói', matcher.findAll('Tổng thống Mỹ nói'), data, { date: '2021-01-01', named: new Set() }).byNames,
    ).toBe(false);
  });
});
