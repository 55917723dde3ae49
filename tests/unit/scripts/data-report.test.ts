// npm run data:report on temporary datasets: what the report says, that the HTML stands alone, the screenshot.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runReport } from '../../../scripts/data-report';

const repo = resolve(import.meta.dirname, '../../..');
let scratch: string;

beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), 'data-report-test-'));
});
afterEach(() => rmSync(scratch, { recursive: true, force: true }));

async function report(data: string, ...extra: string[]): Promise<{ code: number; out: string; err: string; md: string; html: string }> {
  let out = '';
  let err = '';
  const dir = join(scratch, 'out');
  const code = await runReport(['--data', data, '--out', dir, ...extra], { out: (t) => (out += t), err: (t) => (err += t) });
  const read = (name: string) => (existsSync(join(dir, name)) ? readFileSync(join(dir, name), 'utf8') : '');
  return { code, out, err, md: read('coverage.md'), html: read('coverage.html') };
}

function article(data: string, id: string, date: string, text: string): void {
  writeFileSync(join(data, 'articles', `${id}.txt`), text);
  writeFileSync(join(data, 'articles', `${id}.yaml`), `id: ${id}\nsource: ${id}.txt\ntitle: null\ndate: "${date}"\n`);
}

/** The seeds, plus two articles that name no entity, one of them naming EU (unknown, also in a seed). */
function seedsPlus(): string {
  const data = join(scratch, 'data');
  cpSync(join(repo, 'data'), data, { recursive: true });
  article(data, 'eu-va-nga', '2021-07-01', 'Các nước EU bàn về quan hệ với Nga.\n');
  article(data, 'thoi-tiet', '2021-07-02', 'Trời hôm nay đẹp.\n');
  return data;
}

/** A dataset drafted half-way: one entity has no facts yet, so the build refuses it. */
function draft(): string {
  const data = join(scratch, 'draft');
  mkdirSync(join(data, 'articles'), { recursive: true });
  article(data, 'a1', '2021-06-16', 'Ông Putin gặp ông John Smith.\n');
  article(data, 'a2', '2020-01-02', 'Tổng thống Putin và ông John Smith bàn về an ninh.\n');
  writeFileSync(
    join(data, 'entities.yaml'),
    `entities:
  - id: putin
    kind: person
    name: { vi: Vladimir Putin, en: Vladimir Putin, source: kremlin.ru }
    aliases: [Putin, { text: Vladimir Putin, source: kremlin.ru }]
    roles:
      - { title: Tổng thống Nga, from: "2012-05-07", source: kremlin.ru }
    description: { text: Tổng thống Nga., passages: [a1/p1s1] }
    facts:
      - passage: a1/p1s1
      - passage: a2/p1s1
  - id: ban-nhap
    kind: person
    name: { vi: Bản nháp, en: Draft, source: none }
    aliases: [John Smith]
    description: { text: Chưa viết., passages: [a1/p1s1] }
    facts: []
`,
  );
  return data;
}

describe('data:report on a dataset that builds', () => {
  it('writes both forms into --out and says where', async () => {
    const { code, out, err, md, html } = await report(seedsPlus());
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toMatch(/^Coverage of 4 articles, 16 entities, \d+ facts → .*coverage\.md, .*coverage\.html\n$/u);
    expect(md).toContain('# Báo cáo độ phủ bộ dữ liệu (Dataset coverage report)');
    expect(html).toContain('<h2>Thực thể (Entities)</h2>');
  });

  it('reports per entity: facts, articles, dates, open roles, aliases never seen', async () => {
    const { md } = await report(seedsPlus());
    const row = (id: string) => md.split('\n').find((l) => l.startsWith('| ') && l.includes(`(${id}) |`))!;
    expect(row('vladimir-putin')).toContain('| person | 7 | arms-control-briefs, geneva-summit | 16/6/2021 | 16/6/2021 |');
    expect(row('vladimir-putin')).toContain('Tổng thống Nga (7/5/2012 –)');
    expect(row('sergei-lavrov')).toMatch(/Ngoại trưởng Nga \(9\/3\/2004 –\) \| Sergei Lavrov \|$/u);
    expect(row('joe-biden')).toMatch(/\| có \(yes\) \| {2}\| {2}\|$/u); // an ended role, every alias seen
    expect(md).toContain('### Vladimir Putin (vladimir-putin)\n\n| Đoạn (Passage) | Bài viết (Article) | Ngày (Date) | Nội dung (Text) |');
  });

  it('lists articles that name no entity, and unknown names in two articles or more', async () => {
    const { md, html } = await report(seedsPlus());
    expect(md).toContain(
      '## Bài viết không nêu thực thể nào (Articles that name no entity)\n\n- eu-va-nga (1/7/2021)\n- thoi-tiet (2/7/2021)\n',
    );
    expect(md).toContain('| EU | acronym | 2 | 2 | arms-control-briefs, eu-va-nga |');
    expect(html).toContain('<td>EU</td><td>acronym</td><td class="num">2</td>');
  });

  it('makes an HTML page that stands alone: no script, nothing fetched', async () => {
    const { html } = await report(seedsPlus());
    const tags = html.match(/<[a-z][^>]*>/giu) ?? [];
    expect(tags.length).toBeGreaterThan(100);
    expect(tags.filter((t) => /^<(script|link|img|iframe|object|embed)\b/iu.test(t) || /\s(src|href)\s*=/iu.test(t))).toEqual([]);
    expect(html).not.toMatch(/https?:\/\/|url\(|@import/iu);
  });
});

describe('data:report on a dataset that does not build yet', () => {
  it('still reports it, with the build’s problems, the entity without facts and recurring unknown names', async () => {
    const { code, out, md } = await report(draft());
    expect(code).toBe(0);
    expect(out).toContain('The dataset does not build (');
    expect(md).toContain('## Lỗi khi build (Build problems)');
    expect(md).toMatch(/entities\.yaml:\d+: entities\.1\.facts: /u);
    expect(md).toContain('## Thực thể chưa có dữ kiện (Entities without facts)\n\n- ban-nhap');
    expect(md).toContain(
      '| Vladimir Putin (putin) | person | 2 | a1, a2 | 2/1/2020 | 16/6/2021 | 2 | có (yes) | Tổng thống Nga (7/5/2012 –) | Vladimir Putin |',
    );
    // John Smith is an alias of the draft entity here, so not unknown; nothing else recurs.
    expect(md).toMatch(/Unknown names recurring across articles\)\n\n.*\n\nKhông có \(None\)\./u);
  });

  it('lists a name that is unknown in two articles, with its counts', async () => {
    const data = draft();
    writeFileSync(
      join(data, 'entities.yaml'),
      readFileSync(join(data, 'entities.yaml'), 'utf8').replace('aliases: [John Smith]', 'aliases: [Bản nháp]'),
    );
    const { md } = await report(data);
    expect(md).toContain('| John Smith | person | 2 | 2 | a1, a2 |');
  });
});

describe('data:report refuses', () => {
  it('a folder that is not a dataset, in one line', async () => {
    const { code, err } = await report(join(scratch, 'nothing'));
    expect(code).toBe(1);
    expect(err).toMatch(/^data:report: no dataset at .*nothing \(no articles\/ folder\)\n$/u);
  });
});

describe('data:report --screenshot', () => {
  it('saves a PNG of the HTML page', async () => {
    const png = join(scratch, 'shot', 'report.png');
    const { code, out } = await report(seedsPlus(), '--screenshot', png);
    expect(code).toBe(0);
    expect(out).toContain('Screenshot → ');
    const bytes = readFileSync(png);
    expect(bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
    expect(bytes.length).toBeGreaterThan(20_000);
  }, 60_000);
});
