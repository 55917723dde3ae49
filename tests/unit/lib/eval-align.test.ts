import { describe, expect, it } from 'vitest';
import { coreEntity, scorePage, type GoldMention, type Mark } from '../../../lib/eval-align';

const KEYS = { 'Vladimir Putin': ['putin'], 'Joe Biden': ['biden'], NATO: ['nato'], 'Jens Stoltenberg': ['stoltenberg'] };
const mark = (name: string, text: string): Mark => ({ entityId: name.toLowerCase().replace(/ /g, '-'), name, text });

describe('coreEntity', () => {
  it('recognises an entity by name, else id, else text; other entities are not core', () => {
    expect(coreEntity(mark('Vladimir Putin', 'ông Putin'), KEYS)).toBe('Vladimir Putin');
    expect(coreEntity({ entityId: 'x', name: 'Tổng thư ký', text: 'Tổng thư ký NATO' }, KEYS)).toBe('NATO');
    expect(coreEntity(mark('Tom Block', 'ông Block'), KEYS)).toBeNull();
  });
});

describe('scorePage', () => {
  const text = 'Tổng thống Mỹ Joe Biden gặp ông Putin. Tổng thư ký NATO Jens Stoltenberg nói. Tổng thống Nga phát biểu.';
  const gold: GoldMention[] = [
    { entity: 'Joe Biden', surface: 'Tổng thống Mỹ Joe Biden', class: 'named' },
    { entity: 'Vladimir Putin', surface: 'ông Putin', class: 'named' },
    { entity: 'Jens Stoltenberg', surface: 'Tổng thư ký NATO Jens Stoltenberg', class: 'named' },
    { entity: 'NATO', surface: 'NATO', class: 'optional', parent: 2, offset: 12 },
    { entity: 'Vladimir Putin', surface: 'Tổng thống Nga', class: 'role' },
  ];

  it('counts a mention found once even when two marks fall inside it', () => {
    const score = scorePage(
      text,
      gold,
      [mark('Joe Biden', 'Tổng thống Mỹ'), mark('Joe Biden', 'Joe Biden'), mark('Vladimir Putin', 'ông Putin')],
      KEYS,
    );
    expect(score.named).toEqual({ found: 2, total: 3 });
    expect(score.marks).toEqual({ correct: 3, total: 3 });
    expect(score.misses.map((g) => g.surface)).toEqual(['Tổng thư ký NATO Jens Stoltenberg', 'Tổng thống Nga']);
  });

  it('accepts a nested optional mention without requiring it', () => {
    const score = scorePage(text, gold, [mark('NATO', 'NATO'), mark('Jens Stoltenberg', 'Jens Stoltenberg')], KEYS);
    expect(score.marks).toEqual({ correct: 2, total: 2 });
    expect(score.named.found).toBe(1);
  });

  it('counts a mark of the wrong entity, or where no mention is, as false', () => {
    const score = scorePage(text, gold, [mark('Joe Biden', 'ông Putin'), mark('Vladimir Putin', 'Tổng thống Nga')], KEYS);
    expect(score.falseMarks.map((m) => m.text)).toEqual(['ông Putin']);
    expect(score.role).toEqual({ found: 1, total: 1 });
  });

  it('places repeated texts in document order', () => {
    const repeated = 'ông Putin nói. Sau đó ông Putin đi.';
    const g: GoldMention[] = [
      { entity: 'Vladimir Putin', surface: 'ông Putin', class: 'named' },
      { entity: 'Vladimir Putin', surface: 'ông Putin', class: 'named' },
    ];
    expect(scorePage(repeated, g, [mark('Vladimir Putin', 'ông Putin')], KEYS).named).toEqual({ found: 1, total: 2 });
  });
});
