/** Role phrases by grammar, on the compiled dataset: each pattern on sentences written for these tests, and what each must refuse. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MatcherData } from '../../../lib/artifacts';
import { leftmostLongest, Matcher } from '../../../lib/matcher';
import { isOneOfSeveral, parseTitle, roleKey, rolePhrases } from '../../../lib/role-phrases';
import { resolveRoles, type RoleContext } from '../../../lib/roles';
import { stripDiacritics } from '../../../lib/normalize';

const data = JSON.parse(readFileSync(join(import.meta.dirname, '../../../generated/matcher.json'), 'utf8')) as MatcherData;
const matcher = new Matcher(data.aliases.map(([text, entity]) => ({ text, entity })));
const index = (id: string) => data.entities.findIndex((e) => e.id === id);

/** [entity id, marked text] for each mark of `text` on a page of `date`, with `named` named earlier on it. */
function marks(text: string, date: string | null, named: string[] = [], extra: Partial<RoleContext> = {}): Array<[string, string]> {
  const context: RoleContext = { date, named: new Set(named.map(index)), ...extra };
  const { matches } = resolveRoles(text, matcher.findAll(text), data, context, (alias) => matcher.aliases[alias]!.text);
  return leftmostLongest(matches).map((m) => [data.entities[m.entity]!.id, text.slice(m.start, m.end)]);
}

describe('reading role titles', () => {
  it('splits an office from its place, and reads a relation to another office', () => {
    expect(parseTitle('Tổng thống Nga')).toEqual({ kind: 'office', office: 'Tổng thống', place: 'Nga', country: 'Nga' });
    expect(parseTitle('Tổng thư ký NATO')).toEqual({ kind: 'office', office: 'Tổng thư ký', place: 'NATO', country: null });
    expect(parseTitle('người phát ngôn Điện Kremlin')).toEqual({
      kind: 'relation',
      relation: 'người phát ngôn',
      principal: 'Tổng thống Nga',
    });
  });

  it('gives synonymous titles one key', () => {
    expect(roleKey('Bộ trưởng Bộ Ngoại giao Liên bang Nga')).toBe(roleKey('Ngoại trưởng Nga'));
    expect(roleKey('Tổng thống Hoa Kỳ')).toBe(roleKey('Tổng thống Mỹ'));
    expect(roleKey('Tổng thống Nga')).not.toBe(roleKey('Tổng thống Mỹ'));
  });

  it('knows the offices a country has several of at once', () => {
    expect(isOneOfSeveral('Thứ trưởng Ngoại giao Nga')).toBe(true);
    expect(isOneOfSeveral('Ngoại trưởng Nga')).toBe(false);
  });

  it('composes possessives, heads and countries in every form, and nothing that heads the wrong body', () => {
    const president = rolePhrases('Tổng thống Nga');
    for (const p of [
      'Tổng thống của nước Nga',
      'Tổng thống Liên bang Nga',
      'nhà lãnh đạo xứ bạch dương',
      'người đứng đầu Điện Kremlin',
      'ông chủ Kremlin',
    ])
      expect(president).toContain(p);
    expect(president).not.toContain('ông chủ Nga');
    expect(rolePhrases('Tổng thư ký NATO')).toContain('người đứng đầu khối NATO');
    expect(rolePhrases('Tổng thư ký NATO')).not.toContain('ông chủ NATO');
    expect(rolePhrases('Ngoại trưởng Nga')).toContain('người đứng đầu ngành ngoại giao Nga');
    expect(rolePhrases('người phát ngôn Điện Kremlin')).toContain('phát ngôn viên của Tổng thống Liên bang Nga');
  });
});

describe('role phrases on a page', () => {
  it('possessives: "Tổng thống của nước Nga", "Ngoại trưởng của Nga"', () => {
    expect(marks('Thông điệp của Tổng thống của nước Nga được đọc trước quốc hội.', '2023-02-21')).toEqual([
      ['vladimir-putin', 'Tổng thống của nước Nga'],
    ]);
    expect(marks('Ngoại trưởng của Nga lên đường tới New Delhi.', '2023-03-01')).toEqual([['sergei-lavrov', 'Ngoại trưởng của Nga']]);
  });

  it('heads of a country, an office and an organisation', () => {
    expect(marks('Người đứng đầu Điện Kremlin chủ trì cuộc họp Hội đồng An ninh.', '2022-03-04')).toEqual([
      ['vladimir-putin', 'Người đứng đầu Điện Kremlin'],
    ]);
    expect(marks('Ông chủ Nhà Trắng ký sắc lệnh mới về thuế.', '2019-06-01')).toEqual([['donald-trump', 'Ông chủ Nhà Trắng']]);
    expect(marks('Ông chủ Nhà Trắng ký sắc lệnh mới về thuế.', '2022-06-01')).toEqual([['joe-biden', 'Ông chủ Nhà Trắng']]);
    expect(marks('người đứng đầu NATO kêu gọi tăng chi tiêu quốc phòng.', '2019-11-28')).toEqual([
      ['jens-stoltenberg', 'người đứng đầu NATO'],
    ]);
    expect(marks('Người đứng đầu ngành ngoại giao Nga có chuyến thăm Bình Nhưỡng.', '2024-11-01')).toEqual([
      ['sergei-lavrov', 'Người đứng đầu ngành ngoại giao Nga'],
    ]);
    expect(marks('Cuộc gặp giữa nhà ngoại giao hàng đầu Nga và người đồng cấp Trung Quốc.', '2024-04-09')).toEqual([
      ['sergei-lavrov', 'nhà ngoại giao hàng đầu Nga'],
    ]);
  });

  it('refuses a head whose body has no holder in the dataset on that day', () => {
    expect(marks('Người đứng đầu NATO Mark Rutte thăm Kiev.', '2025-03-01')).toEqual([['nato', 'NATO']]);
    expect(marks('Người đứng đầu NATO thăm Kiev.', '2025-03-01')).toEqual([['nato', 'NATO']]);
    expect(marks('Người đứng đầu Lầu Năm Góc thăm Hà Nội.', '2023-06-17')).toEqual([]);
  });

  it('spokesperson of an office, and of a person named right after', () => {
    expect(marks('Phát ngôn viên của Tổng thống Nga bác bỏ thông tin này.', '2023-09-01')).toEqual([
      ['dmitry-peskov', 'Phát ngôn viên của Tổng thống Nga'],
    ]);
    expect(marks('Thư ký báo chí Điện Kremlin nói với phóng viên.', '2020-03-10')).toEqual([
      ['dmitry-peskov', 'Thư ký báo chí Điện Kremlin'],
    ]);
    expect(marks('Người phát ngôn của Tổng thống Putin cho biết lịch trình chưa được quyết định.', '2023-09-01')).toEqual([
      ['dmitry-peskov', 'Người phát ngôn'],
      ['vladimir-putin', 'Tổng thống Putin'],
    ]);
    expect(marks('phát ngôn viên ông Putin từ chối bình luận', '2019-01-10')).toEqual([
      ['dmitry-peskov', 'phát ngôn viên'],
      ['vladimir-putin', 'ông Putin'],
    ]);
  });

  it("refuses a relation with no holder: the Foreign Ministry's spokesperson, an aide, a relation alone", () => {
    expect(marks('Người phát ngôn Bộ Ngoại giao Nga Maria Zakharova lên tiếng.', '2023-09-01')).toEqual([]);
    expect(marks('Người phát ngôn của Ngoại trưởng Lavrov không trả lời.', '2023-09-01')).toEqual([
      ['sergei-lavrov', 'Ngoại trưởng Lavrov'],
    ]);
    expect(marks('Trợ lý của Tổng thống Putin tham dự cuộc gặp.', '2023-09-01')).toEqual([['vladimir-putin', 'Tổng thống Putin']]);
    expect(marks('Người phát ngôn cho biết sẽ có thông báo sau.', '2023-09-01')).toEqual([]);
    // Before 2012 Putin was prime minister: his spokesperson then is not the Kremlin's.
    expect(marks('Người phát ngôn của ông Putin nói.', '2010-05-01')).toEqual([['vladimir-putin', 'ông Putin']]);
  });

  it('a counterpart with the country in any form: "người đồng cấp phía Nga"', () => {
    expect(marks('Tổng thống Mỹ Donald Trump điện đàm với người đồng cấp phía Nga.', '2025-10-17')).toEqual([
      ['donald-trump', 'Tổng thống Mỹ Donald Trump'],
      ['vladimir-putin', 'người đồng cấp phía Nga'],
    ]);
  });

  it('countries in full, short and descriptive forms', () => {
    for (const phrase of ['Tổng thống Liên bang Nga', 'Tổng thống LB Nga', 'nhà lãnh đạo nước Nga', 'nhà lãnh đạo xứ bạch dương']) {
      expect(marks(`Phát biểu của ${phrase} gây chú ý.`, '2022-02-24')).toEqual([['vladimir-putin', phrase]]);
    }
    expect(marks('Tổng thống xứ cờ hoa tới Hà Nội.', '2023-09-10')).toEqual([['joe-biden', 'Tổng thống xứ cờ hoa']]);
  });

  it('is found without diacritics too', () => {
    const text = stripDiacritics('Người đứng đầu Điện Kremlin chủ trì cuộc họp.');
    expect(marks(text, '2022-03-04')).toEqual([['vladimir-putin', 'Nguoi dung dau Dien Kremlin']]);
  });

  it('refuses the office in general, a former or deputy holder, another time, someone else', () => {
    expect(marks('ông từng giữ chức tổng thống Nga hai nhiệm kỳ.', '2022-01-01')).toEqual([]);
    expect(marks('ông tranh cử Tổng thống Mỹ lần thứ hai.', '2019-01-01')).toEqual([]);
    expect(marks('Ông là ứng viên Tổng thống Mỹ của đảng Dân chủ.', '2019-01-01')).toEqual([]);
    expect(marks('cuộc đua vào ghế Tổng thống Mỹ', '2019-01-01')).toEqual([]);
    expect(marks('Thủ tướng Hà Lan sẽ làm Tổng thư ký NATO?', '2024-06-20')).toEqual([['nato', 'NATO']]);
    expect(marks('ông trở thành Tổng thống Mỹ năm 2017', '2019-01-01')).toEqual([]);
    expect(marks('cựu Tổng thống Mỹ phát biểu tại Texas.', '2022-01-01')).toEqual([]);
    expect(marks('giới lãnh đạo Nga phản đối.', '2022-01-01')).toEqual([]);
    expect(marks('ban lãnh đạo Nga họp.', '2022-01-01')).toEqual([]);
    expect(marks('Phó Tổng thống Mỹ thăm Philippines.', '2022-11-20')).toEqual([]);
    expect(marks('một Tổng thống Mỹ chưa từng làm điều này.', '2022-01-01')).toEqual([]);
    expect(marks('các nhà lãnh đạo Nga và Trung Quốc hội đàm.', '2023-03-21')).toEqual([]);
    expect(marks('Tổng thống Nga đầu tiên là Boris Yeltsin.', '2022-01-01')).toEqual([]);
    expect(marks('Tổng thống Mỹ thứ 44 từng đến Việt Nam.', '2022-01-01')).toEqual([]);
    expect(marks('Ngoại trưởng Mỹ Antony Blinken gặp Ngoại trưởng Nga.', '2022-01-21')).toEqual([['sergei-lavrov', 'Ngoại trưởng Nga']]);
    expect(marks('Tổng thư ký Liên hợp quốc kêu gọi ngừng bắn.', '2022-01-01')).toEqual([]);
  });

  it('"đắc cử" (elect) is the next holder, in the months before taking office only', () => {
    expect(marks('Tổng thống Mỹ đắc cử sẽ nhậm chức vào tháng 1.', '2024-11-10')).toEqual([['donald-trump', 'Tổng thống Mỹ']]);
    expect(marks('Tổng thống Mỹ đắc cử sẽ nhậm chức vào tháng 1.', '2020-12-01')).toEqual([['joe-biden', 'Tổng thống Mỹ']]);
    expect(marks('Tổng thống Mỹ đắc cử sẽ nhậm chức.', '2022-06-01')).toEqual([]);
    expect(marks('Tổng thống Mỹ đắc cử sẽ nhậm chức.', '2024-12')).toEqual([['donald-trump', 'Tổng thống Mỹ']]);
    expect(marks('Tổng thống Mỹ đắc cử sẽ nhậm chức.', '2024')).toEqual([]);
    expect(marks('Theo Tổng thống đắc cử Mỹ, ông sẽ gặp các đồng minh.', '2024-12-20')).toEqual([['donald-trump', 'Tổng thống đắc cử Mỹ']]);
    expect(marks('Ông chủ Nhà Trắng tương lai đã sẵn sàng.', '2025-01-13')).toEqual([['donald-trump', 'Ông chủ Nhà Trắng']]);
    expect(marks('Ông chủ Nhà Trắng tương lai đã sẵn sàng.', '2023-01-13')).toEqual([]);
    expect(marks('Tổng thống Mỹ đắc cử sẽ nhậm chức.', null, ['donald-trump'])).toEqual([]);
  });

  it('a name in apposition after a dash is the person meant, not the holder', () => {
    expect(marks('Tổng thống Mỹ - ông Barack Obama - tới Hà Nội.', '2016-05-23')).toEqual([]);
  });
});

describe('an office with several holders at once', () => {
  const near = (ids: string[]) => ({ namedNear: (entity: number) => ids.map(index).includes(entity) });

  it('names the one named nearby who holds it', () => {
    expect(marks('Thứ trưởng Ngoại giao Nga cho biết thêm.', '2023-02-01', ['sergei-ryabkov'], near(['sergei-ryabkov']))).toEqual([
      ['sergei-ryabkov', 'Thứ trưởng Ngoại giao Nga'],
    ]);
  });

  it('refuses it alone, when the holder was named far away, or before the holder took office', () => {
    expect(marks('Thứ trưởng Ngoại giao Nga cho biết thêm.', '2023-02-01')).toEqual([]);
    expect(marks('Thứ trưởng Ngoại giao Nga cho biết thêm.', '2023-02-01', ['sergei-ryabkov'], near([]))).toEqual([]);
    expect(marks('Thứ trưởng Ngoại giao Nga cho biết thêm.', '2005-02-01', ['sergei-ryabkov'], near(['sergei-ryabkov']))).toEqual([]);
  });
});

describe('a former holder: "cựu Tổng thống Mỹ"', () => {
  const near = (ids: string[]) => ({ namedNear: (entity: number) => ids.map(index).includes(entity) });

  it('is the one former holder named nearby', () => {
    expect(marks('Cựu Tổng thống Mỹ cho rằng xung đột sẽ kéo dài.', '2023-05-01', ['donald-trump'], near(['donald-trump']))).toEqual([
      ['donald-trump', 'Tổng thống Mỹ'],
    ]);
    expect(marks('Cựu lãnh đạo Mỹ cho rằng xung đột sẽ kéo dài.', '2023-05-01', ['donald-trump'], near(['donald-trump']))).toEqual([
      ['donald-trump', 'lãnh đạo Mỹ'],
    ]);
  });

  it('refuses the one in office, a former holder not named nearby, an undated page', () => {
    expect(marks('cựu Tổng thống Mỹ nói.', '2023-05-01', ['joe-biden'], near(['joe-biden']))).toEqual([]);
    expect(marks('cựu Tổng thống Mỹ nói.', '2023-05-01', ['donald-trump'], near([]))).toEqual([]);
    expect(marks('cựu Tổng thống Mỹ nói.', null, ['donald-trump'], near(['donald-trump']))).toEqual([]);
    // Trump was a former president in 2023, not in 2026: then he holds the office again.
    expect(marks('cựu Tổng thống Mỹ nói.', '2026-03-01', ['donald-trump', 'joe-biden'], near(['donald-trump']))).toEqual([]);
  });
});

describe('a member of a kind of office: "nhà ngoại giao Nga"', () => {
  const near = (ids: string[]) => ({ namedNear: (entity: number) => ids.map(index).includes(entity) });

  it('is the one Russian diplomat named nearby, whichever office he holds', () => {
    expect(marks('nhà ngoại giao Nga nhấn mạnh.', '2023-06-23', ['sergei-ryabkov'], near(['sergei-ryabkov']))).toEqual([
      ['sergei-ryabkov', 'nhà ngoại giao Nga'],
    ]);
    expect(marks('nhà ngoại giao Nga nhấn mạnh.', '2023-06-23', ['sergei-lavrov'], near(['sergei-lavrov']))).toEqual([
      ['sergei-lavrov', 'nhà ngoại giao Nga'],
    ]);
  });

  it('refuses two diplomats nearby, none, a non-diplomat, and the plural', () => {
    const both = near(['sergei-ryabkov', 'sergei-lavrov']);
    expect(marks('nhà ngoại giao Nga nhấn mạnh.', '2023-06-23', ['sergei-ryabkov', 'sergei-lavrov'], both)).toEqual([]);
    expect(marks('nhà ngoại giao Nga nhấn mạnh.', '2023-06-23')).toEqual([]);
    expect(marks('nhà ngoại giao Nga nhấn mạnh.', '2023-06-23', ['dmitry-peskov'], near(['dmitry-peskov']))).toEqual([]);
    expect(marks('các nhà ngoại giao Nga nhấn mạnh.', '2023-06-23', ['sergei-ryabkov'], near(['sergei-ryabkov']))).toEqual([]);
    expect(marks('Ba Lan trục xuất 45 nhà ngoại giao Nga.', '2023-03-29', ['sergei-lavrov'], near(['sergei-lavrov']))).toEqual([]);
    // A date or a year before it is no count.
    expect(marks('Hôm 7/11 Tổng thống Nga phát biểu.', '2023-11-08')).toEqual([['vladimir-putin', 'Tổng thống Nga']]);
    expect(marks('Trong năm 2023 Tổng thống Nga đã thăm Bắc Kinh.', '2023-11-08')).toEqual([['vladimir-putin', 'Tổng thống Nga']]);
  });
});

describe('dates of every precision', () => {
  it('a month decides a role that changed hands in another month', () => {
    expect(marks('Tổng thống Mỹ ký sắc lệnh.', '2021-02')).toEqual([['joe-biden', 'Tổng thống Mỹ']]);
    expect(marks('Tổng thống Mỹ ký sắc lệnh.', '2020-12')).toEqual([['donald-trump', 'Tổng thống Mỹ']]);
    expect(marks('Tổng thống Mỹ ký sắc lệnh.', '2019')).toEqual([['donald-trump', 'Tổng thống Mỹ']]);
  });

  it('in the month or year it changed hands, falls back to the holder the page named earlier, then anywhere', () => {
    expect(marks('Tổng thống Mỹ ký sắc lệnh.', '2021-01')).toEqual([]);
    expect(marks('Tổng thống Mỹ ký sắc lệnh.', '2021', ['joe-biden'])).toEqual([['joe-biden', 'Tổng thống Mỹ']]);
    const earlier = { namedBefore: (entity: number) => entity === index('donald-trump') };
    expect(marks('Tổng thống Mỹ ký sắc lệnh.', '2021-01', ['donald-trump', 'joe-biden'], earlier)).toEqual([
      ['donald-trump', 'Tổng thống Mỹ'],
    ]);
    // Both named later, neither earlier: a wrong name is worse than none.
    expect(marks('Tổng thống Mỹ ký sắc lệnh.', '2021-01', ['donald-trump', 'joe-biden'])).toEqual([]);
  });

  it('an undated page: the holder named earlier wins over one named later', () => {
    const earlier = { namedBefore: (entity: number) => entity === index('joe-biden') };
    expect(marks('Tổng thống Mỹ phát biểu.', null, ['joe-biden', 'donald-trump'], earlier)).toEqual([['joe-biden', 'Tổng thống Mỹ']]);
    const both = { namedBefore: () => true };
    expect(marks('Tổng thống Mỹ phát biểu.', null, ['joe-biden', 'donald-trump'], both)).toEqual([]);
  });
});

describe('acronyms in title case', () => {
  it('reads "Nato" as NATO, in every role phrase too', () => {
    expect(marks('Các nước Nato tăng ngân sách quốc phòng.', '2023-07-11')).toEqual([['nato', 'Nato']]);
    expect(marks('Tổng thư ký Nato cảnh báo.', '2023-07-11')).toEqual([['jens-stoltenberg', 'Tổng thư ký Nato']]);
  });

  it('reads a short or word-like acronym in title case only inside a longer name', () => {
    expect(marks('Hiệp ước New Start hết hạn vào năm 2026.', '2021-02-03')).toEqual([['new-start', 'Hiệp ước New Start']]);
    expect(marks('Hiệp ước Inf đã hết hiệu lực.', '2020-01-01')).toEqual([['inf', 'Hiệp ước Inf']]);
  });

  it('refuses it alone where it could be a word or is too short, and in lower case', () => {
    expect(marks('Dữ liệu Inf được cập nhật.', '2020-01-01')).toEqual([]);
    expect(marks('Nút Start trên bàn phím.', '2020-01-01')).toEqual([]);
    expect(marks('trang nato.int đăng thông cáo', '2023-07-11')).toEqual([]);
    expect(marks('hiệp ước new start', '2021-02-03')).toEqual([]);
  });
});
