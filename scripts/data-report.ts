/**
 * Writes the dataset's coverage report, as Markdown and as one self-contained HTML page.
 *
 *   npm run data:report [-- --data DIR] [--out DIR] [--screenshot PATH]
 *
 * Defaults: data/ in, reports/ out (coverage.md, coverage.html). A dataset that does not
 * build is still reported, with the build's problems at the top. --screenshot also renders
 * the HTML in headless Chromium and saves a PNG of it (docs/screenshots/dataset-report.png).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { MatcherData } from '../lib/artifacts';
import { flagValue, parseArgs } from '../lib/curation/args';
import { computeCoverage, type Coverage } from '../lib/curation/coverage';
import { namesFromEntities, namesFromMatcher } from '../lib/curation/known-names';
import { looseArticles, looseEntities, looseRoleNames } from '../lib/curation/loose-dataset';
import { coverageHtml } from '../lib/curation/report-html';
import { coverageMarkdown } from '../lib/curation/report-markdown';
import { DatasetError } from '../lib/dataset';
import { findChromium } from './browser/chromium';
import { buildDataset } from './build-data';
import { readDataFolder, type Io } from './data-add';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const show = (path: string) => relative(process.cwd(), path) || path;

/** The coverage of the dataset in `dataDir`, built or not. */
export function datasetCoverage(dataDir: string): Coverage {
  const raw = readDataFolder(dataDir);
  const articles = looseArticles(raw);
  const entities = looseEntities(raw);
  try {
    const built = buildDataset(dataDir);
    const matcher = JSON.parse(built.files['matcher.json']!) as MatcherData;
    return computeCoverage({ articles, entities, names: namesFromMatcher(matcher), problems: [] });
  } catch (error) {
    if (!(error instanceof DatasetError)) throw error;
    const problems = error.problems.map((p) => `${p.file}:${p.line}: ${p.message}`);
    return computeCoverage({ articles, entities, names: namesFromEntities(entities, looseRoleNames(raw)), problems });
  }
}

/** A PNG of the page at a laptop's width, its top part: the summary and the entities' table. */
async function screenshot(htmlPath: string, pngPath: string): Promise<void> {
  const browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1100, height: 1300 }, deviceScaleFactor: 1, colorScheme: 'light' });
    await page.goto(`file://${htmlPath}`);
    mkdirSync(dirname(pngPath), { recursive: true });
    await page.screenshot({ path: pngPath, fullPage: false });
  } finally {
    await browser.close();
  }
}

export async function runReport(
  argv: readonly string[],
  io: Io = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) },
): Promise<number> {
  try {
    const args = parseArgs(argv, ['data', 'out', 'screenshot']);
    const dataDir = resolve(flagValue(args, 'data') ?? join(root, 'data'));
    const outDir = resolve(flagValue(args, 'out') ?? join(root, 'reports'));
    const coverage = datasetCoverage(dataDir);
    mkdirSync(outDir, { recursive: true });
    const md = join(outDir, 'coverage.md');
    const html = join(outDir, 'coverage.html');
    writeFileSync(md, coverageMarkdown(coverage));
    writeFileSync(html, coverageHtml(coverage));
    const t = coverage.totals;
    io.out(`Coverage of ${t.articles} articles, ${t.entities} entities, ${t.facts} facts → ${show(md)}, ${show(html)}\n`);
    if (coverage.problems.length)
      io.out(`The dataset does not build (${coverage.problems.length} problems); they are listed at the top of the report.\n`);
    const png = flagValue(args, 'screenshot');
    if (png) {
      await screenshot(html, resolve(png));
      io.out(`Screenshot → ${show(resolve(png))}\n`);
    }
    return 0;
  } catch (error) {
    io.err(`data:report: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}\n`);
    return 1;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await runReport(process.argv.slice(2));
}
