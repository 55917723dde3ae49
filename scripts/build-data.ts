/**
 * Dataset build: reads data/, validates it, and writes the compiled artefacts to generated/.
 *
 *   tsx scripts/build-data.ts [dataDir] [outDir]
 *
 * A broken dataset fails with every problem listed as file:line: message.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMap, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import { compileDataset, DatasetError, type DatasetProblem } from '../lib/dataset';
import { encodeMatcher } from '../lib/compact-matcher';
import { cardShards, entitySummaries } from '../lib/card-shards';
import { decodeUtf8, firstBadLine } from '../lib/curation/article-text';
import { DATA_DIR, DATA_FILES } from '../lib/constants';
import { shardFile } from '../lib/shards';
import { buildEntityIndex, buildSearchIndex, type SearchDoc } from '../lib/search';

const root = resolve(fileURLToPath(import.meta.url), '../..');

interface ParsedFile {
  doc: Document;
  lines: LineCounter;
}

export interface BuildResult {
  /**
   * By path under generated/: the matcher tables, the whole card data (for tools and tests),
   * and under data/ the files the extension ships and reads at run time.
   */
  files: Record<string, string>;
  stats: { articles: number; passages: number; entities: number; aliases: number };
  /** The search documents both indexes were built from (for the bench). */
  searchDocs: SearchDoc[];
}

/** Decodes UTF-8 strictly: a bad byte fails with the line it is on. */
function readText(path: string, display: string): string {
  const bytes = readFileSync(path);
  const text = decodeUtf8(bytes);
  if (text === null) throw new DatasetError([{ file: display, line: firstBadLine(bytes), message: 'not valid UTF-8' }]);
  return text;
}

export function buildDataset(dataDir: string): BuildResult {
  const show = (path: string) => relative(process.cwd(), path) || path;
  const parsed = new Map<string, ParsedFile>();
  const problems: DatasetProblem[] = [];

  const parseYaml = (path: string): unknown => {
    const display = show(path);
    const lines = new LineCounter();
    const doc = parseDocument(readText(path, display), { lineCounter: lines, prettyErrors: false });
    parsed.set(display, { doc, lines });
    for (const error of doc.errors) {
      problems.push({ file: display, line: lines.linePos(error.pos[0]).line, message: error.message.split('\n')[0]! });
    }
    return doc.toJS();
  };

  const articlesDir = join(dataDir, 'articles');
  const metaFiles = readdirSync(articlesDir)
    .filter((f) => f.endsWith('.yaml'))
    .sort();
  const textFiles = new Set(readdirSync(articlesDir).filter((f) => f.endsWith('.txt')));
  const articles = metaFiles.map((metaName) => {
    const textName = metaName.replace(/\.yaml$/u, '.txt');
    const metaPath = join(articlesDir, metaName);
    const textPath = join(articlesDir, textName);
    if (!textFiles.has(textName)) {
      problems.push({ file: show(metaPath), line: 1, message: `no text file ${textName} beside it` });
    }
    textFiles.delete(textName);
    return {
      metaFile: show(metaPath),
      meta: parseYaml(metaPath),
      textFile: show(textPath),
      text: problems.some((p) => p.file === show(metaPath)) ? '' : readText(textPath, show(textPath)),
    };
  });
  for (const orphan of textFiles) {
    problems.push({
      file: show(join(articlesDir, orphan)),
      line: 1,
      message: `no metadata file ${orphan.replace(/\.txt$/u, '.yaml')} beside it`,
    });
  }
  const entitiesPath = join(dataDir, 'entities.yaml');
  const entities = parseYaml(entitiesPath);
  if (problems.length > 0) throw new DatasetError(problems);

  const compiled = compileDataset({
    articles,
    entitiesFile: show(entitiesPath),
    entities,
    locate: (file, path) => {
      const entry = parsed.get(file);
      if (!entry) return 1;
      // The nearest node that exists along the path.
      for (let depth = path.length; depth >= 0; depth--) {
        const node = entry.doc.getIn(path.slice(0, depth) as unknown[], true) as { range?: [number, number, number] } | undefined;
        if (node && (node.range || isMap(node) || isSeq(node)) && node.range) return entry.lines.linePos(node.range[0]).line;
      }
      return 1;
    },
  });

  const shipped: Record<string, string> = {
    [DATA_FILES.entities]: JSON.stringify(entitySummaries(compiled.cards)),
    [DATA_FILES.entityIndex]: JSON.stringify(buildEntityIndex(compiled.searchDocs)),
    [DATA_FILES.searchIndex]: JSON.stringify(buildSearchIndex(compiled.searchDocs)),
    [DATA_FILES.articles]: JSON.stringify(compiled.cards.articles),
  };
  for (const [shard, data] of cardShards(compiled.cards)) shipped[shardFile(shard)] = JSON.stringify(data);
  return {
    files: {
      'matcher.json': JSON.stringify(compiled.matcher),
      // The same table, smaller, for the content script (lib/compact-matcher.ts).
      'matcher-compact.json': JSON.stringify(encodeMatcher(compiled.matcher)),
      'cards.json': JSON.stringify(compiled.cards),
      ...Object.fromEntries(Object.entries(shipped).map(([name, content]) => [`${DATA_DIR}/${name}`, content])),
    },
    searchDocs: compiled.searchDocs,
    stats: {
      articles: Object.keys(compiled.cards.articles).length,
      passages: Object.keys(compiled.cards.passages).length,
      entities: compiled.matcher.entities.length,
      aliases: compiled.matcher.aliases.length,
    },
  };
}

function main(): void {
  const dataDir = resolve(process.argv[2] ?? join(root, 'data'));
  const outDir = resolve(process.argv[3] ?? join(root, 'generated'));
  let result: BuildResult;
  try {
    result = buildDataset(dataDir);
  } catch (error) {
    if (error instanceof DatasetError) {
      console.error(`Dataset build failed (${error.problems.length} problem${error.problems.length === 1 ? '' : 's'}):`);
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  // The shipped files are written afresh: a shard the dataset no longer fills must not linger.
  rmSync(join(outDir, DATA_DIR), { recursive: true, force: true });
  for (const [name, content] of Object.entries(result.files)) {
    mkdirSync(dirname(join(outDir, name)), { recursive: true });
    writeFileSync(join(outDir, name), content);
  }
  const { articles, passages, entities, aliases } = result.stats;
  const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
  const shards = Object.entries(result.files).filter(([n]) => n.startsWith(`${DATA_DIR}/cards/`));
  const sizes = [
    ...Object.entries(result.files)
      .filter(([n]) => !n.startsWith(`${DATA_DIR}/cards/`))
      .map(([n, c]) => `${n} ${kB(Buffer.byteLength(c))}`),
    `${shards.length} card shards ${kB(shards.reduce((sum, [, c]) => sum + Buffer.byteLength(c), 0))}`,
  ];
  console.log(
    `Dataset: ${articles} articles, ${passages} passages, ${entities} entities, ${aliases} aliases → ${basename(outDir)}/ (${sizes.join(', ')})`,
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
