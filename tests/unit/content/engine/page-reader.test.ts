// @vitest-environment happy-dom
/** The engine's reading of a segment: names found, role names resolved by the names read so far, entities hidden on the site dropped. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PageReader } from '../../../../content/engine/page-reader';
import type { MatcherData } from '../../../../lib/artifacts';
import { Matcher } from '../../../../lib/matcher';

const data = JSON.parse(readFileSync(join(import.meta.dirname, '../../../../generated/matcher.json'), 'utf8')) as MatcherData;
const matcher = new Matcher(data.aliases.map(([text, entity]) => ({ text, entity })));

/** A paragraph in an undated page: role names can only be judged by the names on it. */
function block(): Element {
  document.body.innerHTML = '<p></p>';
  return document.querySelector('p')!;
}

const read = (reader: PageReader, text: string) => {
  const reading = reader.read(text, block());
  return {
    ids: reading.matches.map((m) => data.entities[m.entity]!.id),
    texts: reading.matches.map((m) => text.slice(m.start, m.end)),
    byNames: reading.byNames,
  };
};

describe('PageReader', () => {
  const TEXT = 'Tổng thống Nga Vladimir Putin gặp Tổng thống Mỹ Joe Biden tại Geneva.';

  it('finds the names of a segment, longest first', () => {
    expect(read(new PageReader(matcher, data), TEXT)).toMatchObject({
      ids: ['vladimir-putin', 'joe-biden'],
      texts: ['Tổng thống Nga Vladimir Putin', 'Tổng thống Mỹ Joe Biden'],
    });
  });

  it('drops the entities hidden on the site, and says whether hiding changed anything', () => {
    const reader = new PageReader(matcher, data);
    expect(reader.hide(['joe-biden'])).toBe(true);
    expect(reader.hide(['joe-biden'])).toBe(false);
    expect(read(reader, TEXT).ids).toEqual(['vladimir-putin']);
    expect(reader.hide([])).toBe(true);
    expect(read(reader, TEXT).ids).toEqual(['vladimir-putin', 'joe-biden']);
  });

  it('judges a role name by the names read so far, and says so', () => {
    const reader = new PageReader(matcher, data);
    const before = read(reader, 'Tổng thống Nga cho biết sẽ tiếp tục đối thoại.');
    expect(before.byNames).toBe(true);
    read(reader, TEXT);
    const after = read(reader, 'Tổng thống Nga cho biết sẽ tiếp tục đối thoại.');
    expect(after).toMatchObject({ ids: ['vladimir-putin'], texts: ['Tổng thống Nga'], byNames: true });
  });

  /** An undated page of paragraphs, read in order by one reader; [ids, texts] per paragraph. */
  function readPage(paragraphs: string[]): Array<Array<[string, string]>> {
    document.body.innerHTML = paragraphs.map(() => '<p></p>').join('');
    const blocks = [...document.querySelectorAll('p')];
    const reader = new PageReader(matcher, data);
    const readOne = (k: number) => reader.read(paragraphs[k]!, blocks[k]!);
    const readings = paragraphs.map((_, k) => readOne(k));
    // As the scanner does: what was judged by names is read again once the page has been read.
    return readings.map((r, k) =>
      (r.byNames ? readOne(k) : r).matches.map((m): [string, string] => [
        data.entities[m.entity]!.id,
        paragraphs[k]!.slice(m.start, m.end),
      ]),
    );
  }

  it('on an undated page, a role is the holder named earlier, even when another is named later', () => {
    const marks = readPage([
      'Ông Trump phát biểu tại Nhà Trắng.',
      'Tổng thống Mỹ cho biết sẽ đàm phán.',
      'Ông Biden chỉ trích kế hoạch này.',
    ]);
    expect(marks[1]).toEqual([['donald-trump', 'Tổng thống Mỹ']]);
  });

  it('with no holder named earlier, it is the one named anywhere; with two named earlier, none', () => {
    expect(readPage(['Tổng thống Mỹ cho biết sẽ đàm phán.', 'Ông Biden nói thêm.'])[0]).toEqual([['joe-biden', 'Tổng thống Mỹ']]);
    expect(readPage(['Ông Trump và ông Biden tranh luận.', 'Tổng thống Mỹ cho biết sẽ đàm phán.'])[1]).toEqual([]);
  });

  it('an office with several holders names one named in its paragraph or the two before, not further away', () => {
    const close = readPage([
      'Thứ trưởng Ngoại giao Nga Sergei Ryabkov đến Geneva.',
      'Đoạn hai.',
      'Thứ trưởng Ngoại giao Nga cho biết thêm.',
    ]);
    expect(close[2]).toEqual([['sergei-ryabkov', 'Thứ trưởng Ngoại giao Nga']]);
    // Named in the caption after the headline: nearby too, once the page has been read.
    const after = readPage(['Thứ trưởng Ngoại giao Nga: cảnh báo mới', '\n  ', 'Ngày 3/2/2023', 'Ông Ryabkov phát biểu.']);
    expect(after[0]).toEqual([['sergei-ryabkov', 'Thứ trưởng Ngoại giao Nga']]);
    const far = readPage(['Ông Ryabkov đến Geneva.', 'Đoạn hai.', 'Đoạn ba.', 'Đoạn bốn.', 'Thứ trưởng Ngoại giao Nga cho biết thêm.']);
    expect(far[4]).toEqual([]);
  });
});
