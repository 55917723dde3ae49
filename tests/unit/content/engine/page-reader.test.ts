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
});
