import { describe, expect, it } from 'vitest';
import { expandAliases } from '../../../lib/aliases';
import { Matcher } from '../../../lib/matcher';
import { initialVariants, russianNameVariants, splitTitle, titleVariants, treatyVariants, typoVariants } from '../../../lib/variants';

describe('titleVariants', () => {
  it('splits a title into its office and place', () => {
    expect(splitTitle('Tổng thống Liên bang Nga')).toEqual({ office: 'Tổng thống', place: 'Liên bang Nga' });
    expect(splitTitle('Tổng thư ký NATO')).toEqual({ office: 'Tổng thư ký', place: 'NATO' });
    expect(splitTitle('ông')).toEqual({ office: 'ông', place: null });
  });

  it('writes an office and its place every usual way', () => {
    expect(titleVariants('Ngoại trưởng Nga', true).sort()).toEqual(
      [
        'Bộ trưởng Bộ Ngoại giao',
        'Bộ trưởng Bộ Ngoại giao LB Nga',
        'Bộ trưởng Bộ Ngoại giao Liên bang Nga',
        'Bộ trưởng Bộ Ngoại giao Nga',
        'Bộ trưởng Ngoại giao',
        'Bộ trưởng Ngoại giao LB Nga',
        'Bộ trưởng Ngoại giao Liên bang Nga',
        'Bộ trưởng Ngoại giao Nga',
        'Ngoại trưởng',
        'Ngoại trưởng LB Nga',
        'Ngoại trưởng Liên bang Nga',
        'Ngoại trưởng Nga',
      ].sort(),
    );
    expect(titleVariants('Tổng thống Mỹ')).toEqual(['Tổng thống Mỹ', 'Tổng thống Hoa Kỳ']);
    expect(titleVariants('Thứ trưởng Ngoại giao Nga')).toContain('Thứ trưởng Bộ Ngoại giao Nga');
  });
});

describe('names', () => {
  it('spells a name romanised from Russian every usual way', () => {
    expect(russianNameVariants('Sergei Lavrov').sort()).toEqual(['Sergei Lavrov', 'Sergey Lavrov']);
    expect(russianNameVariants('Dmitry Peskov').sort()).toEqual(['Dmitri Peskov', 'Dmitriy Peskov', 'Dmitry Peskov']);
    expect(russianNameVariants('Yevgeny Ivanov')).toContain('Evgeny Ivanov');
    expect(russianNameVariants('Alexei Ivanov')).toContain('Aleksei Ivanov');
    expect(russianNameVariants('Vladimir Putin')).toEqual(['Vladimir Putin']);
  });

  it('cuts a given name to its initial', () => {
    expect(initialVariants('Vladimir Putin')).toEqual(['V. Putin', 'V.Putin']);
    expect(initialVariants('Putin')).toEqual([]);
  });

  it('gives long surnames one slip of the pen, short ones none', () => {
    expect(typoVariants('Stoltenberg')).toContain('Soltenberg');
    expect(typoVariants('Stoltenberg')).toContain('Stoltenbreg');
    expect(typoVariants('Stoltenberg')).not.toContain('Stoltenberg');
    expect(typoVariants('Putin')).toEqual([]);
  });
});

describe('treatyVariants', () => {
  it('writes treaty names the Vietnamese way and with their acronyms', () => {
    const { names, shortNames } = treatyVariants([
      'New START',
      'START-3',
      'Hiệp ước Lực lượng Hạt nhân Tầm trung',
      'INF',
      'Intermediate-Range Nuclear Forces Treaty',
    ]);
    expect(names).toEqual(
      expect.arrayContaining(['START mới', 'START 3', 'Hiệp ước Lực lượng Hạt nhân Tầm trung (INF)', 'Intermediate-Range Nuclear Forces']),
    );
    expect(shortNames).toEqual(['START']);
  });

  it('writes "Hiệp ước về X" without "về", and a lower-case "Hiệp ước x…" with it; never for a proper name', () => {
    expect(treatyVariants(['Hiệp ước về loại bỏ tên lửa tầm trung và tầm ngắn']).names).toContain(
      'Hiệp ước loại bỏ tên lửa tầm trung và tầm ngắn',
    );
    expect(treatyVariants(['Hiệp ước cấm thử hạt nhân toàn diện']).names).toContain('Hiệp ước về cấm thử hạt nhân toàn diện');
    expect(treatyVariants(['Hiệp ước Bầu trời mở']).names).not.toContain('Hiệp ước về Bầu trời mở');
    expect(treatyVariants(['Hiệp ước INF']).names).toEqual([]);
  });
});

describe('expandAliases with variants', () => {
  const find = (forms: Parameters<typeof expandAliases>[0], text: string) => {
    const matcher = new Matcher(expandAliases(forms).map((a) => ({ text: a.text, entity: 0 })));
    return matcher.find(text).map((m) => text.slice(m.start, m.end));
  };
  const stoltenberg = {
    kind: 'person' as const,
    aliases: ['Jens Stoltenberg', 'Stoltenberg'],
    shortNames: [],
    prefixes: ['ông'],
    titles: ['Tổng thư ký NATO'],
  };
  const ryabkov = {
    kind: 'person' as const,
    aliases: ['Sergei Ryabkov', 'Ryabkov'],
    shortNames: [],
    prefixes: ['ông'],
    titles: ['Thứ trưởng Ngoại giao Nga'],
    romanisedFrom: 'ru' as const,
  };
  const newStart = { kind: 'treaty' as const, aliases: ['New START', 'START-3'], shortNames: [], prefixes: ['Hiệp ước'] };

  it('finds titles, honorifics and romanisations before a name', () => {
    expect(find(ryabkov, 'Thứ trưởng Bộ Ngoại giao Nga Sergey Ryabkov cho biết')).toEqual(['Thứ trưởng Bộ Ngoại giao Nga Sergey Ryabkov']);
    expect(find(stoltenberg, 'Tổng Thư ký NATO Jens Stoltenberg và Ông Stoltenberg')).toEqual([
      'Tổng Thư ký NATO Jens Stoltenberg',
      'Ông Stoltenberg',
    ]);
  });

  it('forgives a slip in a long surname only after a title', () => {
    expect(find(stoltenberg, 'Tổng Thư ký Soltenberg bác bỏ')).toEqual(['Tổng Thư ký Soltenberg']);
    expect(find(stoltenberg, 'ông Soltenberg bác bỏ; Soltenberg nói')).toEqual([]);
  });

  it('finds the treaty however it is written, but not another of its series', () => {
    expect(find(newStart, 'gia hạn Hiệp ước START gần đây')).toEqual(['Hiệp ước START']);
    expect(find(newStart, 'Hiệp ước START mới và START 3')).toEqual(['Hiệp ước START mới', 'START 3']);
    expect(find(newStart, 'Hiệp ước START I và Hiệp ước START-2')).toEqual([]);
  });

  it('marks generated forms so that curated ones win', () => {
    const expanded = expandAliases(stoltenberg);
    expect(expanded.find((a) => a.text === 'Jens Stoltenberg')?.generated).toBe(false);
    expect(expanded.find((a) => a.text === 'Tổng thư ký NATO Jens Stoltenberg')?.generated).toBe(true);
  });
});
