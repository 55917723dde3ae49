// npm run data:add on temporary copies of data/: every refusal leaves the folder byte-identical; a good add writes, builds and reports.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse, parseDocument } from 'yaml';
import { articleMetaSchema } from '../../../lib/dataset-schema';
import { buildDataset } from '../../../scripts/build-data';
import { runAdd } from '../../../scripts/data-add';

const repo = resolve(import.meta.dirname, '../../..');
const example = join(repo, 'docs/examples/gia-han-new-start.txt');

let scratch: string;
let data: string;

beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), 'data-add-test-'));
  data = join(scratch, 'data');
  cpSync(join(repo, 'data'), data, { recursive: true });
});
afterEach(() => rmSync(scratch, { recursive: true, force: true }));

/** Every file of the folder with its bytes, to compare before and after. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else out[relative(dir, path)] = readFileSync(path).toString('base64');
    }
  };
  walk(dir);
  return out;
}

function run(...argv: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = runAdd([...argv, '--data', data], { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

/** A file in the scratch folder (outside data/), holding these bytes. */
function input(name: string, content: string | Uint8Array): string {
  const path = join(scratch, name);
  writeFileSync(path, content);
  return path;
}

const ARTICLE = 'Tiêu đề thử nghiệm\nNgoại trưởng Nga gặp ông John Smith tại Geneva.\nHai bên bàn về New START.\n';

describe('data:add refuses bad input in one line and leaves data/ untouched', () => {
  const cases: Array<[string, () => string[], RegExp]> = [
    ['a file that does not exist', () => [join(scratch, 'missing.txt'), '--date', '2021-01-28'], /missing\.txt: no such file$/u],
    [
      'a file that is not UTF-8',
      () => [input('latin1.txt', Buffer.from('Ti\xeau \xf0\xe8 b\xe0i\n', 'latin1')), '--date', '2021-01-28'],
      /latin1\.txt: not valid UTF-8 \(line 1\)/u,
    ],
    ['an empty file', () => [input('empty.txt', ''), '--date', '2021-01-28'], /empty\.txt: the text is empty$/u],
    ['a file of whitespace only', () => [input('blank.txt', ' \n\r\n\t\n'), '--date', '2021-01-28'], /blank\.txt: the text is empty$/u],
    ['no date', () => [input('a.txt', ARTICLE)], /--date YYYY-MM-DD is required/u],
    ['a malformed date', () => [input('a.txt', ARTICLE), '--date', '28/1/2021'], /--date "28\/1\/2021" is not a date written YYYY-MM-DD$/u],
    ['an impossible date', () => [input('a.txt', ARTICLE), '--date', '2021-02-30'], /--date 2021-02-30 is not a day of the calendar$/u],
    [
      'the same text as a seed, in NFD with CRLF line endings',
      () => {
        const seed = readFileSync(join(repo, 'data/articles/002_40ef933be822f22b.txt'), 'utf8');
        return [input('copy.txt', `\n${seed.normalize('NFD').replace(/\n/gu, '\r\n')}  `), '--date', '2021-06-16'];
      },
      /the same text is already in the dataset: .*002_40ef933be822f22b\.txt$/u,
    ],
    [
      'an id already used by an article',
      () => [input('a.txt', ARTICLE), '--date', '2021-01-28', '--id', 'geneva-summit'],
      /the id "geneva-summit" is already taken by .*002_40ef933be822f22b\.yaml; choose another with --id$/u,
    ],
    [
      'an id already used as a file name',
      () => {
        writeFileSync(join(data, 'articles', 'taken.txt'), 'Một bài khác về New START.\n');
        writeFileSync(join(data, 'articles', 'taken.yaml'), 'id: another-id\nsource: taken.txt\ntitle: null\ndate: "2021-01-01"\n');
        return [input('a.txt', ARTICLE), '--date', '2021-01-28', '--id', 'taken'];
      },
      /articles\/taken\.txt already exists; choose another id with --id$/u,
    ],
    [
      'an id the schema refuses',
      () => [input('a.txt', ARTICLE), '--date', '2021-01-28', '--id', 'Bad_Id'],
      /the id "Bad_Id" is not lower-case letters, digits and hyphens$/u,
    ],
    [
      'a dataset that would not build with it',
      () => {
        writeFileSync(
          join(data, 'entities.yaml'),
          readFileSync(join(data, 'entities.yaml'), 'utf8').replace('- passage: geneva-summit/p7s2', '- passage: geneva-summit/p99s9'),
        );
        return [input('a.txt', ARTICLE), '--date', '2021-01-28'];
      },
      /the dataset would not build with this article: .*entities\.yaml:\d+: [a-z-]+: passage "geneva-summit\/p99s9" does not exist/u,
    ],
    ['an unknown option', () => [input('a.txt', ARTICLE), '--date', '2021-01-28', '--titel', 'x'], /unknown option --titel/u],
  ];
  for (const [name, argv, reason] of cases) {
    it(name, () => {
      const args = argv();
      const before = snapshot(data);
      const { code, out, err } = run(...args);
      expect(code).toBe(1);
      expect(out).toBe('');
      expect(err.endsWith('\n') && err.split('\n').length).toBe(2); // one line
      expect(err).toMatch(/^data:add: /u);
      expect(err.trimEnd()).toMatch(reason);
      expect(snapshot(data)).toEqual(before);
    });
  }

  it('says so from the command line too: exit code 1, one line on stderr, no stack trace', () => {
    const before = snapshot(data);
    let failure: { status: number; stderr: string } | null = null;
    try {
      execFileSync(
        'npx',
        ['tsx', 'scripts/data-add.ts', input('bad.txt', Buffer.from([0x41, 0xff, 0x0a])), '--date', '2021-01-28', '--data', data],
        {
          cwd: repo,
          stdio: 'pipe',
          encoding: 'utf8',
        },
      );
    } catch (error) {
      failure = error as { status: number; stderr: string };
    }
    expect(failure?.status).toBe(1);
    expect(failure?.stderr).toMatch(/^data:add: .*bad\.txt: not valid UTF-8 \(line 1\); save it as UTF-8 and try again\n$/u);
    expect(snapshot(data)).toEqual(before);
  }, 30_000);
});

describe('data:add adds a good article', () => {
  it('copies the text byte for byte, writes its metadata, and the dataset builds with it', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(ARTICLE.replace(/\n/gu, '\r\n'), 'utf8')]);
    const { code, err } = run(input('thu.txt', bytes), '--date', '2021-01-28', '--source', 'https://example.com/bai?id=1');
    expect(err).toBe('');
    expect(code).toBe(0);
    const id = 'tieu-de-thu-nghiem';
    expect(readFileSync(join(data, 'articles', `${id}.txt`)).equals(bytes)).toBe(true);
    const meta = articleMetaSchema.parse(parse(readFileSync(join(data, 'articles', `${id}.yaml`), 'utf8')));
    expect(meta).toEqual({
      id,
      source: `${id}.txt`,
      title: 'Tiêu đề thử nghiệm',
      titleIsFirstLine: true,
      date: '2021-01-28',
      origin: 'https://example.com/bai?id=1',
    });
    expect(buildDataset(data).stats.articles).toBe(3);
  });

  it('prints the known entities with passage ids, the role resolved by date, and an unknown name', () => {
    const { code, out } = run(input('thu.txt', ARTICLE), '--date', '2021-01-28', '--id', 'thu');
    expect(code).toBe(0);
    expect(out).toContain('article "thu", 3 passages (the first line is the title, p0s1)');
    expect(out).toContain(
      ['  sergei-lavrov (Sergei Lavrov): 1 passage', '      - passage: thu/p1s1', '        mentionedAs: Ngoại trưởng Nga'].join('\n'),
    );
    expect(out).toContain(['  new-start (Hiệp ước New START): 1 passage', '      - passage: thu/p2s1'].join('\n'));
    expect(out).toContain('  thu/p1s1 "Ngoại trưởng Nga" → sergei-lavrov (Sergei Lavrov), Ngoại trưởng Nga since 2004-03-09');
    expect(out).toContain('  person  "John Smith" after "ông": thu/p1s1');
  });

  it('resolves a role phrase to whoever held it on the date given', () => {
    const text = 'Tổng thống Mỹ nói về New START.\n';
    const before = run(input('a.txt', text), '--date', '2020-06-01', '--id', 'truoc').out;
    expect(before).toContain('"Tổng thống Mỹ" → donald-trump (Donald Trump), Tổng thống Mỹ from 2017-01-20 to 2021-01-20');
    const after = run(input('b.txt', `${text}Thêm một câu.\n`), '--date', '2021-06-01', '--id', 'sau').out;
    expect(after).toContain('"Tổng thống Mỹ" → joe-biden (Joe Biden), Tổng thống Mỹ from 2021-01-20 to 2025-01-20');
  });

  it('prints facts that the build accepts once pasted into entities.yaml', () => {
    const { out } = run(example, '--date', '2021-01-28', '--id', 'gia-han-new-start');
    const doc = parseDocument(readFileSync(join(data, 'entities.yaml'), 'utf8'));
    const entities = doc.get('entities') as { items: Array<{ get: (k: string) => unknown }> };
    let pasted = 0;
    for (const block of out.split(/\n(?= {2}[a-z0-9-]+ \()/u).slice(1)) {
      const id = /^ {2}([a-z0-9-]+) \(/u.exec(block)![1];
      const yamlLines = block.split('\n').filter((l) => /^ {6}- passage: | {8}mentionedAs: /u.test(l));
      const facts = parse(yamlLines.map((l) => l.slice(6)).join('\n')) as unknown[];
      const entity = entities.items.find((e) => e.get('id') === id)!;
      for (const fact of facts) (entity.get('facts') as { add: (v: unknown) => void }).add(fact);
      pasted += facts.length;
    }
    expect(pasted).toBeGreaterThanOrEqual(5);
    writeFileSync(join(data, 'entities.yaml'), doc.toString());
    expect(() => buildDataset(data)).not.toThrow();
  });
});

describe('the walkthrough in docs/dataset.md', () => {
  it('works as written: its data:add command prints what the doc shows', () => {
    const doc = readFileSync(join(repo, 'docs/dataset.md'), 'utf8');
    const blocks = [...doc.matchAll(/```(\w*)\n([\s\S]*?)```/gu)].map((m) => ({ lang: m[1], body: m[2]! }));
    const at = blocks.findIndex((b) => /^npm run data:add -- /mu.test(b.body));
    expect(at).toBeGreaterThanOrEqual(0);
    const command = blocks[at]!.body.split('\n').find((l) => l.startsWith('npm run data:add -- '))!;
    const shown = blocks[at + 1]!.body;
    // The file is named from the repository's root, where the doc runs the command.
    const [file, ...rest] = shellWords(command.slice('npm run data:add -- '.length));
    const argv = [resolve(repo, file!), ...rest];
    const { code, out, err } = run(...argv);
    expect(err).toBe('');
    expect(code).toBe(0);
    // The doc runs in the repository, on data/; this run's paths point at its copy.
    const printed = out.replaceAll(relative(process.cwd(), data), 'data');
    const entityLines = shown
      .split('\n')
      .filter((l) => /^ {2}[a-z0-9-]+ \(|^ {6}- passage: |^ {8}mentionedAs: |→|^ {2}(person|treaty|acronym) /u.test(l));
    expect(entityLines.length).toBeGreaterThanOrEqual(10);
    for (const line of entityLines) expect(printed).toContain(line);
    expect(shown.trim()).toBe(printed.trim());
  });
});

/** Splits a command line into words, as a POSIX shell does for plain and quoted words. */
function shellWords(line: string): string[] {
  return [...line.matchAll(/"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/gu)].map((m) =>
    m[1] !== undefined ? m[1].replace(/\\(.)/gu, '$1') : (m[2] ?? m[3]!),
  );
}
