/**
 * Detection quality on real pages, judged against the mentions a careful reader finds there.
 *
 *   npm run eval -- [pagesDir] [goldFile] [--node]
 *
 * Defaults to the development pages kept in tests/fixtures/dev-pages. Each page is read
 * three ways: as published, converted to NFD, and with every diacritic removed. The
 * browser mode loads the built extension in Chromium and reads `get-mentions`; the Node
 * mode runs the same text walk and matcher on a DOM built in Node (happy-dom), for fast
 * iteration. By default both run and their marks are compared page by page; `--node`
 * runs the Node mode alone.
 *
 * Figures are given per set of pages: the enlarged development set (the original pages and
 * those added since), the original pages alone, and the held-out pages (`set: "held-out"`
 * in the gold), which the rules were not tuned on.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Window } from 'happy-dom';
import { articleRoots } from '../content/dom/article-scope';
import { pageLanguage } from '../content/dom/language-sample';
import { segments } from '../content/dom/text-walk';
import { PageReader } from '../content/engine/page-reader';
import type { MatcherData } from '../lib/artifacts';
import { scorePage, type GoldMention, type Mark, type PageScore } from '../lib/eval-align';
import { Matcher } from '../lib/matcher';
import { launchWithExtension, type ExtensionBrowser } from './browser/launch';
import { mentionsWhen, sameAnswerTwice, tabIdOf } from './browser/page-tools';
import { serveStatic } from './browser/server';
import { VARIANTS, variantGold, type PageVariant } from './eval-variants';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const positional = args.filter((a) => !a.startsWith('--'));
const pagesDir = resolve(positional[0] ?? join(root, 'tests/fixtures/dev-pages/pages'));
const goldFile = resolve(positional[1] ?? join(root, 'tests/fixtures/dev-pages/gold.json'));
const nodeOnly = args.includes('--node');

interface GoldPage {
  file: string;
  kind: 'positive' | 'negative' | 'seed';
  /** Pages added to the shared set: "dev" (tuned on) or "held-out" (not); absent on the original pages. */
  set?: 'dev' | 'held-out';
  mentions: GoldMention[];
}

/** The sets figures are given for, each a test on a page's `set`. */
const SETS: Array<{ name: string; has: (page: GoldPage) => boolean }> = [
  { name: 'development (enlarged)', has: (p) => p.set !== 'held-out' },
  { name: 'original pages', has: (p) => p.set === undefined },
  { name: 'held-out pages', has: (p) => p.set === 'held-out' },
];
interface Gold {
  name_keys: Record<string, string[]>;
  pages: Record<string, GoldPage>;
}

interface PageResult {
  text: string;
  marks: Mark[];
}

const matcherData = JSON.parse(readFileSync(join(root, 'generated/matcher.json'), 'utf8')) as MatcherData;
const matcher = new Matcher(matcherData.aliases.map(([text, entity]) => ({ text, entity })));

/** The content script's reading of a page, on a DOM built in Node. */
async function readInNode(html: string): Promise<PageResult> {
  const window = new Window({
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      handleDisabledFileLoadingAsSuccess: true,
    },
  });
  try {
    const document = window.document;
    document.write(html);
    const body = document.body as unknown as HTMLElement;
    const marks: Mark[] = [];
    // The gate's language test, then the engine's reading, as the page runs them.
    if (pageLanguage(document as unknown as Document).vietnamese) {
      const reader = new PageReader(matcher, matcherData);
      const all = articleRoots(document as unknown as Document).flatMap((r) => [...segments(r, null)]);
      const readings = all.map((segment) => reader.read(segment.text, segment.block));
      // Role names judged by the names read so far are read again once the page has been read,
      // as the scanner does at the end of its first pass.
      all.forEach((segment, k) => {
        if (readings[k]!.byNames) readings[k] = reader.read(segment.text, segment.block);
      });
      all.forEach((segment, k) => {
        for (const m of readings[k]!.matches) {
          const entity = matcherData.entities[m.entity]!;
          marks.push({ entityId: entity.id, name: entity.name, text: segment.text.slice(m.start, m.end) });
        }
      });
    }
    return { text: body.textContent ?? '', marks };
  } finally {
    await window.happyDOM.close();
  }
}

/** The built extension's reading of a page in Chromium, once its answer has settled. */
async function readInBrowser(browser: ExtensionBrowser, url: string): Promise<PageResult> {
  const page = await browser.context.newPage();
  try {
    await page.goto(url);
    const tabId = await tabIdOf(browser, page);
    const response = await mentionsWhen(browser, tabId, sameAnswerTwice(), { orLast: true });
    const text = await page.evaluate(() => document.body.textContent ?? '');
    return { text, marks: response.mentions };
  } finally {
    await page.close();
  }
}

interface Totals {
  named: [number, number];
  role: [number, number];
  marks: [number, number];
  negativeMarks: number;
  agree: [number, number];
  misses: string[];
  falseMarks: string[];
}

/** Adds one page's judgement to a set's totals; `node` is the Node reading to compare, when the browser read the page. */
function tally(
  totals: Totals,
  id: string,
  page: GoldPage,
  reading: PageResult,
  node: PageResult | null,
  variant: PageVariant,
  gold: Gold,
): void {
  if (node) {
    totals.agree[1]++;
    const key = (r: PageResult) => JSON.stringify(r.marks.map((m) => [m.entityId, m.text]));
    if (key(node) === key(reading)) totals.agree[0]++;
    else totals.misses.push(`${id}: Node and browser differ`);
  }
  const score: PageScore = scorePage(reading.text, variantGold(page.mentions, variant), reading.marks, gold.name_keys);
  if (page.kind === 'negative') {
    totals.negativeMarks += score.marks.total;
    for (const m of reading.marks) totals.falseMarks.push(`${id} (negative page) ${m.name}: "${m.text}"`);
    return;
  }
  totals.named[0] += score.named.found;
  totals.named[1] += score.named.total;
  totals.role[0] += score.role.found;
  totals.role[1] += score.role.total;
  totals.marks[0] += score.marks.correct;
  totals.marks[1] += score.marks.total;
  for (const g of score.misses) totals.misses.push(`${id} ${g.entity} [${g.class}]: "${g.surface}"`);
  for (const m of score.falseMarks) totals.falseMarks.push(`${id} ${m.name}: "${m.text}"`);
}

const empty = (): Totals => ({ named: [0, 0], role: [0, 0], marks: [0, 0], negativeMarks: 0, agree: [0, 0], misses: [], falseMarks: [] });

const ratio = ([a, b]: [number, number]) => `${a}/${b} ${b === 0 ? '—' : (a / b).toFixed(3)}`;

async function main(): Promise<void> {
  const gold = JSON.parse(readFileSync(goldFile, 'utf8')) as Gold;
  const pages = Object.entries(gold.pages).filter(([, p]) => p.kind !== 'seed');
  const browser = nodeOnly ? null : await launchWithExtension();
  const results: Array<[string, Totals[]]> = [];
  try {
    for (const variant of VARIANTS) {
      const dir = mkdtempSync(join(tmpdir(), 'boi-canh-eval-'));
      const server = nodeOnly ? null : await serveStatic(dir);
      const bySet = SETS.map(empty);
      try {
        for (const [id, page] of pages) {
          const html = variant.transform(readFileSync(join(pagesDir, page.file), 'utf8'));
          writeFileSync(join(dir, page.file), html);
          const node = await readInNode(html);
          const reading = browser && server ? await readInBrowser(browser, `${server.url}/${page.file}`) : node;
          for (const [k, set] of SETS.entries())
            if (set.has(page)) tally(bySet[k]!, id, page, reading, browser ? node : null, variant, gold);
        }
      } finally {
        await server?.close();
        rmSync(dir, { recursive: true, force: true });
      }
      results.push([variant.name, bySet]);
    }
  } finally {
    await browser?.close();
  }

  console.log(`Pages: ${pages.length} from ${pagesDir}; mode: ${nodeOnly ? 'Node' : 'Chromium with the built extension, and Node'}`);
  SETS.forEach((set, k) => {
    const count = pages.filter(([, p]) => set.has(p));
    console.log(`\n${set.name}: ${count.length} pages (${count.filter(([, p]) => p.kind === 'negative').length} negative)`);
    console.log(
      `${'variant'.padEnd(15)}${'named recall'.padEnd(18)}${'role recall'.padEnd(16)}${'precision'.padEnd(18)}${'negative marks'.padEnd(16)}${nodeOnly ? '' : 'Node = browser'}`,
    );
    for (const [name, bySet] of results) {
      const t = bySet[k]!;
      console.log(
        `${name.padEnd(15)}${ratio(t.named).padEnd(18)}${ratio(t.role).padEnd(16)}${ratio(t.marks).padEnd(18)}${String(t.negativeMarks).padEnd(16)}${nodeOnly ? '' : `${t.agree[0]}/${t.agree[1]} pages`}`,
      );
    }
  });
  // What was missed and marked wrongly, per set that the pages belong to (the enlarged set and the held-out pages).
  for (const k of [0, 2]) {
    for (const [name, bySet] of results) {
      const t = bySet[k]!;
      console.log(`\n${SETS[k]!.name}, ${name}: ${t.misses.length} missed, ${t.falseMarks.length} false`);
      for (const line of t.misses) console.log(`  miss   ${line}`);
      for (const line of t.falseMarks) console.log(`  false  ${line}`);
    }
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
