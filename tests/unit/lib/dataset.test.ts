import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DatasetError, type DatasetProblem } from '../../../lib/dataset';
import { buildDataset } from '../../../scripts/build-data';

const DATA = join(import.meta.dirname, '../../../data');
const ENTITIES = 'entities.yaml';
const GENEVA_META = 'articles/002_40ef933be822f22b.yaml';
const GENEVA_TEXT = 'articles/002_40ef933be822f22b.txt';
const temporary: string[] = [];

afterEach(() => {
  for (const dir of temporary.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A copy of the dataset with one file edited. */
function copyDataset(): string {
  const dir = mkdtempSync(join(tmpdir(), 'boi-canh-data-'));
  temporary.push(dir);
  cpSync(DATA, dir, { recursive: true });
  return dir;
}

function datasetWith(file: string, edit: (text: string) => string): string {
  const dir = copyDataset();
  const path = join(dir, file);
  const before = readFileSync(path, 'utf8');
  const after = edit(before);
  expect(after, 'the edit must change the file').not.toBe(before);
  writeFileSync(path, after);
  return dir;
}

function problemsOf(dir: string): DatasetProblem[] {
  try {
    buildDataset(dir);
  } catch (error) {
    if (error instanceof DatasetError) return error.problems;
    throw error;
  }
  throw new Error('the build accepted a broken dataset');
}

/** The line number (1-based) of the first (or last) line containing `needle`. */
function lineOf(dir: string, file: string, needle: string, last = false): number {
  const lines = readFileSync(join(dir, file), 'utf8').split('\n');
  return (last ? lines.findLastIndex((l) => l.includes(needle)) : lines.findIndex((l) => l.includes(needle))) + 1;
}

describe('the dataset build', () => {
  it('compiles the real dataset', () => {
    const { stats, files } = buildDataset(DATA);
    expect(stats.articles).toBe(2);
    expect(stats.entities).toBeGreaterThanOrEqual(16);
    const cards = JSON.parse(files['cards.json']!);
    // Every fact quotes a passage that exists.
    for (const card of Object.values<{ facts: string[] }>(cards.cards)) {
      for (const id of card.facts) expect(cards.passages[id], id).toBeDefined();
    }
  });

  it('keeps the seed articles’ text unchanged in its passages', () => {
    const { files } = buildDataset(DATA);
    const { passages } = JSON.parse(files['cards.json']!) as { passages: Record<string, { text: string }> };
    const source = readFileSync(join(DATA, GENEVA_TEXT), 'utf8');
    const geneva = Object.entries(passages).filter(([id]) => id.startsWith('geneva-summit/'));
    // The headline and every paragraph (17 after it) at least: a renamed or lost article fails here.
    expect(geneva.length, 'passages of the Geneva article').toBeGreaterThanOrEqual(18);
    for (const [id, p] of geneva) expect(source, id).toContain(p.text);
  });

  it('fails on a duplicate entity id, naming the file and line', () => {
    const dir = datasetWith(ENTITIES, (t) => t.replace('- id: tom-block', '- id: william-perry'));
    const [problem] = problemsOf(dir);
    expect(problem).toMatchObject({
      file: expect.stringMatching(/entities\.yaml$/),
      message: expect.stringContaining('"william-perry" is already used'),
    });
    expect(problem!.line).toBe(lineOf(dir, ENTITIES, '- id: william-perry', true));
  });

  it('fails on a passage that does not exist', () => {
    const dir = datasetWith(ENTITIES, (t) => t.replace('- passage: geneva-summit/p17s1', '- passage: geneva-summit/p99s1'));
    const problems = problemsOf(dir);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      line: lineOf(dir, ENTITIES, 'geneva-summit/p99s1'),
      message: expect.stringContaining('does not exist'),
    });
  });

  it('fails on a fact whose passage does not mention the entity', () => {
    const dir = datasetWith(ENTITIES, (t) => t.replace('      - passage: geneva-summit/p17s1', '      - passage: geneva-summit/p16s1'));
    const [problem] = problemsOf(dir);
    expect(problem).toMatchObject({
      line: lineOf(dir, ENTITIES, '- passage: geneva-summit/p16s1'),
      message: expect.stringContaining('does not mention it'),
    });
  });

  it('fails on an alias claimed by two entities', () => {
    const dir = datasetWith(ENTITIES, (t) => t.replace('aliases: [Tom Block]', 'aliases: [Tom Block, Peskov]'));
    const [problem] = problemsOf(dir);
    expect(problem?.message).toContain('alias "Peskov" of tom-block is also claimed by dmitry-peskov');
  });

  it('fails on an alias found nowhere in the dataset without a source', () => {
    const dir = datasetWith(ENTITIES, (t) => t.replace('aliases: [Tom Block]', 'aliases: [Tom Block, Thomas Block]'));
    const [problem] = problemsOf(dir);
    expect(problem).toMatchObject({
      line: lineOf(dir, ENTITIES, 'Thomas Block'),
      message: expect.stringContaining('appears in no passage'),
    });
  });

  it('fails on an alias too short or too common to stand alone', () => {
    expect(problemsOf(datasetWith(ENTITIES, (t) => t.replace('aliases: [Tom Block]', 'aliases: [Tom Block, To]')))[0]?.message).toContain(
      'too short',
    );
    expect(problemsOf(datasetWith(ENTITIES, (t) => t.replace('aliases: [Tom Block]', 'aliases: [Tom Block, ông]')))[0]?.message).toContain(
      'common Vietnamese word',
    );
  });

  it('fails on a missing field, naming it', () => {
    const dir = datasetWith(ENTITIES, (t) => t.replace('      text: Chiến lược gia chính sách của Fundstrat.\n', ''));
    const [problem] = problemsOf(dir);
    expect(problem?.message).toMatch(/description\.text/);
    expect(problem?.line).toBe(lineOf(dir, ENTITIES, 'passages: [geneva-summit/p17s1]'));
  });

  it('fails on broken YAML with its line', () => {
    const dir = datasetWith(GENEVA_META, (t) => t.replace('titleIsFirstLine: true', 'titleIsFirstLine: [true'));
    const [problem] = problemsOf(dir);
    expect(problem?.file).toMatch(/002_40ef933be822f22b\.yaml$/);
    expect(problem?.line).toBeGreaterThanOrEqual(lineOf(dir, GENEVA_META, 'titleIsFirstLine'));
  });

  it('fails on bad UTF-8, naming the line', () => {
    const dir = copyDataset();
    const path = join(dir, GENEVA_TEXT);
    const bytes = readFileSync(path);
    const third = bytes.indexOf(0x0a, bytes.indexOf(0x0a) + 1) + 1;
    writeFileSync(path, Buffer.concat([bytes.subarray(0, third), Buffer.from([0xc3, 0x28]), bytes.subarray(third)]));
    expect(problemsOf(dir)).toEqual([{ file: expect.stringMatching(/002_40ef933be822f22b\.txt$/), line: 3, message: 'not valid UTF-8' }]);
  });

  it('fails when article ids collide', () => {
    const dir = datasetWith(GENEVA_META, (t) => t.replace('id: geneva-summit', 'id: arms-control-briefs'));
    expect(problemsOf(dir).some((p) => p.message.includes('"arms-control-briefs" is used twice'))).toBe(true);
  });
});
