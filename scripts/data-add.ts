/**
 * Adds an article to the dataset and says what the dataset already knows about it.
 *
 *   npm run data:add -- FILE.txt --date YYYY-MM-DD [--title …] [--no-title] [--source …] [--id …] [--data DIR]
 *
 * The text is copied byte for byte into DIR/articles/<id>.txt with <id>.yaml beside it, but
 * only once a copy of the whole dataset with it has built: bad input leaves DIR untouched and
 * is reported in one line on stderr, with exit code 1.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MatcherData } from '../lib/artifacts';
import { formatAddSummary } from '../lib/curation/add-summary';
import { articleMetaYaml } from '../lib/curation/article-meta';
import { articlePassages, chooseTitle } from '../lib/curation/article-passages';
import { comparableText, decodeUtf8, firstBadLine, isRealDay } from '../lib/curation/article-text';
import { flagValue, parseArgs } from '../lib/curation/args';
import { findCandidates } from '../lib/curation/candidates';
import { looseArticles, type RawFolder } from '../lib/curation/loose-dataset';
import { findMentions } from '../lib/curation/mentions';
import { isArticleId, slugify } from '../lib/curation/slug';
import { DatasetError } from '../lib/dataset';
import { buildDataset, type BuildResult } from './build-data';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const USAGE = 'npm run data:add -- FILE.txt --date YYYY-MM-DD [--title …] [--source …] [--id …]';

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** Input the command refuses: its message is the one line the curator sees. */
class Refused extends Error {}

const show = (path: string) => relative(process.cwd(), path) || path;

/** A data folder's files, read as they are (a text that is not UTF-8 reads as null). */
export function readDataFolder(dataDir: string): RawFolder {
  const articlesDir = join(dataDir, 'articles');
  if (!existsSync(articlesDir) || !statSync(articlesDir).isDirectory())
    throw new Refused(`no dataset at ${show(dataDir)} (no articles/ folder)`);
  const names = readdirSync(articlesDir).sort();
  const articles = names
    .filter((n) => n.endsWith('.yaml'))
    .map((metaName) => {
      const textPath = join(articlesDir, metaName.replace(/\.yaml$/u, '.txt'));
      return {
        metaFile: show(join(articlesDir, metaName)),
        metaText: readFileSync(join(articlesDir, metaName), 'utf8'),
        textFile: show(textPath),
        text: existsSync(textPath) ? decodeUtf8(readFileSync(textPath)) : null,
      };
    });
  const entitiesPath = join(dataDir, 'entities.yaml');
  return { articles, entitiesFile: show(entitiesPath), entitiesText: readFileSync(entitiesPath, 'utf8') };
}

function checkDate(date: string | undefined): string {
  if (date === undefined) throw new Refused(`--date YYYY-MM-DD is required (the day the article was published): ${USAGE}`);
  if (!/^\d{4}-\d{2}-\d{2}$/u.test(date)) throw new Refused(`--date "${date}" is not a date written YYYY-MM-DD`);
  if (!isRealDay(date)) throw new Refused(`--date ${date} is not a day of the calendar`);
  return date;
}

/** The dataset with the new files built in a temporary copy: the build's result, or why it fails. */
function buildWith(dataDir: string, files: Record<string, string | Uint8Array>): BuildResult {
  const scratch = mkdtempSync(join(tmpdir(), 'boi-canh-add-'));
  const copy = join(scratch, 'data');
  try {
    cpSync(dataDir, copy, { recursive: true });
    for (const [name, content] of Object.entries(files)) writeFileSync(join(copy, 'articles', name), content);
    return buildDataset(copy);
  } catch (error) {
    if (!(error instanceof DatasetError)) throw error;
    // Shown as the files will be named in the real folder, not in the copy.
    const where = (file: string) => show(join(dataDir, relative(copy, resolve(file))));
    const [first, ...rest] = error.problems;
    const more = rest.length ? ` (and ${rest.length} more problem${rest.length === 1 ? '' : 's'})` : '';
    throw new Refused(`the dataset would not build with this article: ${where(first!.file)}:${first!.line}: ${first!.message}${more}`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function add(argv: readonly string[], io: Io): void {
  let args: ReturnType<typeof parseArgs>;
  try {
    args = parseArgs(argv, ['date', 'title', 'source', 'id', 'data'], ['no-title']);
  } catch (error) {
    throw new Refused(`${(error as Error).message}: ${USAGE}`);
  }
  const [file, ...extra] = args.positional;
  if (!file) throw new Refused(`give the article's text file: ${USAGE}`);
  if (extra.length) throw new Refused(`one text file at a time (also given: ${extra.join(' ')})`);
  const dataDir = resolve(flagValue(args, 'data') ?? join(root, 'data'));

  if (!existsSync(file) || !statSync(file).isFile()) throw new Refused(`${file}: no such file`);
  const bytes = readFileSync(file);
  const text = decodeUtf8(bytes);
  if (text === null) throw new Refused(`${file}: not valid UTF-8 (line ${firstBadLine(bytes)}); save it as UTF-8 and try again`);
  if (text.trim() === '') throw new Refused(`${file}: the text is empty`);
  const date = checkDate(flagValue(args, 'date'));

  const rule = chooseTitle(text, args.flags.has('no-title') ? null : flagValue(args, 'title'));
  const id = flagValue(args, 'id') ?? slugify(rule.title ?? basename(file, extname(file)));
  if (!id) throw new Refused('no id can be made from the title or the file name; give one with --id');
  if (!isArticleId(id)) throw new Refused(`the id "${id}" is not lower-case letters, digits and hyphens`);

  const folder = readDataFolder(dataDir);
  const same = comparableText(text);
  const twin = folder.articles.find((a) => a.text !== null && comparableText(a.text) === same);
  if (twin) throw new Refused(`the same text is already in the dataset: ${twin.textFile}`);
  const existing = looseArticles(folder);
  const owner = existing.find((a) => a.id === id);
  if (owner) throw new Refused(`the id "${id}" is already taken by ${owner.metaFile}; choose another with --id`);
  const textName = `${id}.txt`;
  const metaName = `${id}.yaml`;
  for (const name of [textName, metaName]) {
    const path = join(dataDir, 'articles', name);
    if (existsSync(path)) throw new Refused(`${show(path)} already exists; choose another id with --id`);
  }

  const origin = flagValue(args, 'source');
  const meta = articleMetaYaml({ id, source: textName, ...rule, date, ...(origin ? { origin } : {}) });
  const built = buildWith(dataDir, { [textName]: bytes, [metaName]: meta });

  // Written only now, each file new (wx): the folder gains both files or neither.
  const textPath = join(dataDir, 'articles', textName);
  const metaPath = join(dataDir, 'articles', metaName);
  writeFileSync(textPath, bytes, { flag: 'wx' });
  try {
    writeFileSync(metaPath, meta, { flag: 'wx' });
  } catch (error) {
    unlinkSync(textPath);
    throw error;
  }

  const matcher = JSON.parse(built.files['matcher.json']!) as MatcherData;
  const passages = articlePassages(text, rule);
  const mentions = findMentions(passages, matcher, date);
  io.out(
    formatAddSummary({
      articleId: id,
      files: [show(textPath), show(metaPath)],
      ...rule,
      date,
      passages: passages.length,
      stats: built.stats,
      mentions,
      candidates: findCandidates(passages, mentions.known),
    }),
  );
}

/** Runs the command; returns its exit code. */
export function runAdd(
  argv: readonly string[],
  io: Io = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) },
): number {
  try {
    add(argv, io);
    return 0;
  } catch (error) {
    // Every failure is one line, never a stack trace: the curator needs the reason, not the code.
    const message = error instanceof Error ? error.message : String(error);
    io.err(`data:add: ${message.split('\n')[0]}\n`);
    return 1;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = runAdd(process.argv.slice(2));
