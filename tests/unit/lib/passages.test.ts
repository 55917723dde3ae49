import { describe, expect, it } from 'vitest';
import { articlePassages, splitPassages, splitSentences } from '../../../lib/passages';

describe('splitSentences', () => {
  it('splits at sentence ends followed by a capital', () => {
    expect(splitSentences('Câu một. Câu hai! Câu ba? 16 là số.')).toEqual(['Câu một.', 'Câu hai!', 'Câu ba?', '16 là số.']);
  });
  it('keeps quoted speech whole', () => {
    const text = 'Ông nói: "Một câu. Hai câu." Sau đó đi về.';
    expect(splitSentences(text)).toEqual(['Ông nói: "Một câu. Hai câu."', 'Sau đó đi về.']);
    expect(splitSentences('Ông nói “A. B” rồi đi. Hết.')).toEqual(['Ông nói “A. B” rồi đi.', 'Hết.']);
  });
  it('does not split after abbreviations or inside dates', () => {
    expect(splitSentences('Ông đến TP. Hồ Chí Minh ngày 5/2/2026. Xong.')).toEqual(['Ông đến TP. Hồ Chí Minh ngày 5/2/2026.', 'Xong.']);
  });
});

describe('splitPassages', () => {
  it('numbers paragraphs and sentences from 1', () => {
    expect(splitPassages('A một. B hai.\n\nC ba.').map((p) => p.id)).toEqual(['p1s1', 'p1s2', 'p2s1']);
  });
});

describe('articlePassages', () => {
  it('gives each passage the line of the text file it is on, the headline as p0s1 on line 1', () => {
    const text = 'Tiêu đề\n\nĐoạn một. Câu hai.\r\n\nĐoạn hai.\n';
    expect(articlePassages(text, { title: 'Tiêu đề', titleIsFirstLine: true })).toEqual([
      { id: 'p0s1', text: 'Tiêu đề', line: 1 },
      { id: 'p1s1', text: 'Đoạn một.', line: 3 },
      { id: 'p1s2', text: 'Câu hai.', line: 3 },
      { id: 'p2s1', text: 'Đoạn hai.', line: 5 },
    ]);
    expect(articlePassages('Một.\nHai.', { title: 'Khác', titleIsFirstLine: false }).map((p) => [p.id, p.line])).toEqual([
      ['p1s1', 1],
      ['p2s1', 2],
    ]);
  });
});
