// The unknown-name finder: people after titles and honorifics, treaties after their cue words, acronyms; known text excluded.
import { describe, expect, it } from 'vitest';
import { candidatesIn, findCandidates } from '../../../../lib/curation/candidates';

const found = (text: string, known: Array<[number, number]> = []) =>
  candidatesIn(
    text,
    known.map(([start, end]) => ({ start, end })),
  ).map((c) => [c.kind, c.text, c.cue ?? null]);

describe('candidatesIn', () => {
  it('finds a name after an honorific or a title', () => {
    expect(found('Theo ông John Smith, đàm phán sẽ khó.')).toEqual([['person', 'John Smith', 'ông']]);
    expect(found('Thủ tướng Kowalski phát biểu.')).toEqual([['person', 'Kowalski', 'Thủ tướng']]);
  });
  it('skips the places, organisations and ministries between a title and the name', () => {
    expect(found('Bộ trưởng Quốc phòng Mỹ Lloyd Austin đến Hà Nội.')).toEqual([['person', 'Lloyd Austin', 'Bộ trưởng']]);
    expect(found('Tổng thư ký Liên hợp quốc António Guterres kêu gọi đối thoại.')).toEqual([['person', 'António Guterres', 'Tổng thư ký']]);
  });
  it('finds nothing after a title without a name, or before a lower-case word', () => {
    expect(found('Tổng thống Nga cho biết ông sẽ dự.')).toEqual([]);
  });
  it('stops a name at punctuation', () => {
    expect(found('Ông Smith. Chiều nay trời mưa.')).toEqual([['person', 'Smith', 'Ông']]);
  });
  it('finds a treaty up to the word that ends its name, with its acronym', () => {
    expect(found('Hiệp ước Cấm thử hạt nhân toàn diện (CTBT) vẫn chưa có hiệu lực.')).toEqual([
      ['treaty', 'Hiệp ước Cấm thử hạt nhân toàn diện (CTBT)', null],
    ]);
    expect(found('Họ nói về Công ước Vũ khí hóa học và các vấn đề khác.')).toEqual([['treaty', 'Công ước Vũ khí hóa học', null]]);
    expect(found('hiệp ước này đã hết hạn.')).toEqual([]);
  });
  it('finds Latin acronyms, not Roman numerals nor Vietnamese abbreviations', () => {
    expect(found('IAEA và EU họp ở TP. Hồ Chí Minh về START II.')).toEqual([
      ['acronym', 'IAEA', null],
      ['acronym', 'EU', null],
      ['acronym', 'START', null],
    ]);
  });
  it('leaves out what a known name covers', () => {
    const text = 'Ông Lavrov gặp ông John Smith tại NATO.';
    expect(
      found(text, [
        [4, 10],
        [33, 37],
      ]),
    ).toEqual([['person', 'John Smith', 'ông']]);
    expect(found('Hiệp ước Bầu trời mở', [[0, 20]])).toEqual([]);
  });
  it('reads NFD text as well', () => {
    expect(found('Ngoại trưởng Mỹ Antony Blinken'.normalize('NFD'))).toEqual([
      ['person', 'Antony Blinken', 'Ngoại trưởng'.normalize('NFD')],
    ]);
  });
});

describe('findCandidates', () => {
  it('merges a name across passages, compared folded, with each passage once', () => {
    const passages = [
      { id: 'p1s1', text: 'Ông John Smith và ông John Smith.' },
      { id: 'p2s1', text: 'Bà Maria Lopez gặp ông JOHN SMITH.' },
    ];
    const names = findCandidates(passages, new Map());
    expect(names.map((c) => [c.kind, c.text, c.passages])).toEqual([
      ['person', 'John Smith', ['p1s1', 'p2s1']],
      ['person', 'Maria Lopez', ['p2s1']],
    ]);
  });
});
