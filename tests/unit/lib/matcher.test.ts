import { describe, expect, it } from 'vitest';
import { Matcher } from '../../../lib/matcher';

const NAMES = ['putin', 'biden', 'open-skies', 'nato', 'inf', 'swiss'];
const matcher = new Matcher(
  [
    ['Vladimir Putin', 0],
    ['Putin', 0],
    ['Tổng thống Nga Vladimir Putin', 0],
    ['Tổng thống Putin', 0],
    ['ông Putin', 0],
    ['Joe Biden', 1],
    ['Tổng thống Mỹ Joe Biden', 1],
    ['Hiệp ước Bầu trời mở', 2],
    ['NATO', 3],
    ['INF', 4],
    ['hiệp ước INF', 4],
    ['Thụy Sĩ', 5],
  ].map(([text, entity]) => ({ text: text as string, entity: entity as number })),
);

/** The mentions as [entity name, exact text]. */
function found(text: string): Array<[string, string]> {
  return matcher.find(text).map((m) => [NAMES[m.entity]!, text.slice(m.start, m.end)]);
}

describe('Matcher', () => {
  it('finds every alias in one pass, with exact offsets', () => {
    expect(found('Ông Putin gặp Joe Biden; NATO lên tiếng.')).toEqual([
      ['putin', 'Ông Putin'],
      ['biden', 'Joe Biden'],
      ['nato', 'NATO'],
    ]);
  });

  it('lets the longest match win where matches overlap', () => {
    expect(found('Tổng thống Nga Vladimir Putin phát biểu')).toEqual([['putin', 'Tổng thống Nga Vladimir Putin']]);
  });

  it('never lets a mark swallow a title that belongs to someone else', () => {
    expect(found('Tổng thống Mỹ Joe Biden và Tổng thống Nga Vladimir Putin')).toEqual([
      ['biden', 'Tổng thống Mỹ Joe Biden'],
      ['putin', 'Tổng thống Nga Vladimir Putin'],
    ]);
  });

  it('respects syllable boundaries, Vietnamese letters included', () => {
    expect(found('Putinism và INFO, NATOs')).toEqual([]);
    expect(found('ôngPutin')).toEqual([]);
    expect(found('(Putin)')).toEqual([['putin', 'Putin']]);
    expect(found('Putinđ')).toEqual([]);
  });

  it('matches NFD text and maps offsets to the NFD original', () => {
    const text = 'Nga rút khỏi Hiệp ước Bầu trời mở hôm qua.'.normalize('NFD');
    const [match] = matcher.find(text);
    expect(text.slice(match!.start, match!.end)).toBe('Hiệp ước Bầu trời mở'.normalize('NFD'));
  });

  it('matches text written without diacritics, in any case', () => {
    expect(found('nga rut khoi hiep uoc bau troi mo')).toEqual([['open-skies', 'hiep uoc bau troi mo']]);
    expect(found('TONG THONG PUTIN')).toEqual([['putin', 'TONG THONG PUTIN']]);
  });

  it('treats old and new tone placement alike', () => {
    expect(found('tại Thuỵ Sĩ')).toEqual([['swiss', 'Thuỵ Sĩ']]);
  });

  it('rejects text whose marks spell other words', () => {
    expect(found('Hiệp ước Bầu trời mổ')).toEqual([]);
  });

  it('matches across collapsed spaces and line breaks', () => {
    expect(found('Tổng  thống\nNga Vladimir\u00a0Putin')).toEqual([['putin', 'Tổng  thống\nNga Vladimir\u00a0Putin']]);
  });

  it('requires acronyms in capitals', () => {
    expect(found('nato và inf')).toEqual([]);
    expect(found('hiệp ước INF')).toEqual([['inf', 'hiệp ước INF']]);
  });

  it('reports overlapping occurrences through findAll', () => {
    const all = matcher.findAll('Tổng thống Nga Vladimir Putin').map((m) => m.alias);
    expect(all.length).toBeGreaterThanOrEqual(3);
  });
});
