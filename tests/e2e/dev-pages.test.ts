/**
 * The development pages (real news excerpts, tests/fixtures/dev-pages) read in each browser:
 * every mention a careful reader finds there is marked, nothing else is (a mark of an entity
 * the gold does not list included), nothing at all on the negative pages; so too in the
 * pages' NFD and diacritic-free copies; and both browsers give the same `get-mentions` answer
 * on every page, the seed page included. The held-out pages are left to `npm run eval`,
 * which reports them apart: a test that demanded every mark there would tune the rules to them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MentionsResponse } from '../../lib/messages';
import { coreEntity, scorePage, type GoldMention } from '../../lib/eval-align';
import { VARIANTS, variantGold, type PageVariant } from '../../scripts/eval-variants';
import { sameAnswerTwice } from '../../scripts/browser/page-tools';
import { serveGenerated } from '../../scripts/browser/server';
import { selectedBrowsers, type BrowserName } from '../../scripts/browser/driver';
import { inEachBrowser, mentionsWhen, ROOT } from './helpers';

const DIR = join(ROOT, 'tests/fixtures/dev-pages');
interface Gold {
  name_keys: Record<string, string[]>;
  pages: Record<string, { file: string; kind: 'positive' | 'negative' | 'seed'; set?: 'dev' | 'held-out'; mentions: GoldMention[] }>;
}
const gold = JSON.parse(readFileSync(join(DIR, 'gold.json'), 'utf8')) as Gold;
const pages = Object.values(gold.pages)
  .filter((page) => page.set !== 'held-out')
  .sort((a, b) => a.file.localeCompare(b.file));

/**
 * Mentions the rules knowingly miss, each with why: a misspelling no rule forgives ("Jens
 * stoltenbergm", an extra letter at the end of the surname). One found again is a change to
 * say so here; one more missed fails.
 */
const KNOWN_MISSES: Array<{ file: string; entity: string; surface: string }> = [
  { file: '52.html', entity: 'Jens Stoltenberg', surface: 'Ông Jens stoltenbergm' },
  { file: '52.html', entity: 'Jens Stoltenberg', surface: 'Ông Jens stoltenbergm' },
];

/**
 * The gold lists the core entities only. These are the marks of the dataset's other entities
 * that a careful reader accepts, read on the pages: the summit of 16/6/2021 ("Sau thượng đỉnh
 * tại Geneva (Thụy Sĩ) ngày 16/6") and the strategic stability dialogue agreed there ("cùng
 * nhau tham gia Đối thoại ổn định chiến lược song phương", "phối hợp trong Đối thoại ổn định
 * chiến lược"). Any other mark of a non-core entity is a false mark; one of these no longer
 * made is a miss, so that the list says what the pages hold.
 */
const OTHER_ENTITY_MARKS: Array<{ file: string; entityId: string; text: string }> = [
  { file: '07.html', entityId: 'geneva-summit-2021', text: 'thượng đỉnh tại Geneva' },
  { file: '07.html', entityId: 'strategic-stability-dialogue', text: 'Đối thoại ổn định chiến lược' },
  { file: '08.html', entityId: 'strategic-stability-dialogue', text: 'Đối thoại ổn định chiến lược' },
];

/** The items of `a` not in `b`, each counted as often as it occurs. */
function without(a: string[], b: string[]): string[] {
  const left = [...b];
  return a.filter((item) => {
    const at = left.indexOf(item);
    if (at < 0) return true;
    left.splice(at, 1);
    return false;
  });
}

/** A page's copy in a variant, as served: "01.html" as published, "nfd-01.html", "bare-01.html". */
const served = (variant: PageVariant, file: string) => (variant.key === 'as-published' ? file : `${variant.key}-${file}`);

/** Every page in every variant, rewritten as `npm run eval` rewrites it (scripts/eval-variants.ts). */
function servePages() {
  const files: Record<string, string> = {};
  for (const variant of VARIANTS) {
    for (const page of pages) files[served(variant, page.file)] = variant.transform(readFileSync(join(DIR, 'pages', page.file), 'utf8'));
  }
  return serveGenerated(files);
}

/** Each browser's answer per served page, for the comparison at the end. */
const answers = new Map<BrowserName, Map<string, MentionsResponse>>();

inEachBrowser(
  (suite) => {
    describe('the development pages', () => {
      for (const variant of VARIANTS) {
        it(`marks what a careful reader finds on each page (${variant.name}), and nothing else`, async () => {
          if (!answers.has(suite.name)) answers.set(suite.name, new Map());
          const mine = answers.get(suite.name)!;
          const misses: string[] = [];
          const falseMarks: string[] = [];
          let found = 0;
          for (const page of pages) {
            const file = served(variant, page.file);
            const tab = await suite.browser.newPage();
            await tab.goto(`${suite.server.url}/${file}`);
            const tabId = await suite.browser.tabIdOf(tab);
            const response = await mentionsWhen(suite.browser, tabId, sameAnswerTwice());
            mine.set(file, response);
            const text = await tab.evaluate(() => document.body.textContent ?? '');
            await tab.close();
            // Read, every page: the sport pages too, so that "nothing marked" there means something.
            expect(response.active, file).toBe(true);
            if (page.kind === 'negative') {
              falseMarks.push(...response.mentions.map((m) => `${file} (sport): ${m.name} "${m.text}"`));
              continue;
            }
            // The seed page's gold is made by machine from name keys (NATO among them, which is
            // not in the dataset): as in `npm run eval`, it is read but not judged.
            if (page.kind === 'seed') continue;
            found += response.mentions.length;
            const score = scorePage(text, variantGold(page.mentions, variant), response.mentions, gold.name_keys);
            misses.push(...score.misses.map((g) => `${file}: ${g.entity} "${g.surface}"`));
            falseMarks.push(...score.falseMarks.map((m) => `${file}: ${m.name} "${m.text}"`));
            // Marks of the other entities: the accepted ones above, and no other.
            const others = response.mentions.filter((m) => coreEntity(m, gold.name_keys) === null).map((m) => `${m.entityId} "${m.text}"`);
            const accepted = OTHER_ENTITY_MARKS.filter((m) => m.file === page.file).map(
              (m) => `${m.entityId} "${variant.transform(m.text)}"`,
            );
            falseMarks.push(...without(others, accepted).map((m) => `${file}: ${m} (not a core entity)`));
            misses.push(...without(accepted, others).map((m) => `${file}: ${m} (not a core entity)`));
          }
          const known = KNOWN_MISSES.map((m) => `${served(variant, m.file)}: ${m.entity} "${variant.transform(m.surface)}"`);
          expect(misses).toEqual(known);
          expect(falseMarks).toEqual([]);
          expect(found).toBeGreaterThan(150);
        });
      }
    });
  },
  { serve: servePages },
);

if (selectedBrowsers().length > 1) {
  describe('across browsers', () => {
    it('gives the same answer on every development page, in every variant, in every browser', () => {
      const [first, ...others] = selectedBrowsers();
      const reference = answers.get(first!);
      const all = VARIANTS.flatMap((variant) => pages.map((page) => served(variant, page.file)));
      expect(reference?.size, `${first} read every page`).toBe(all.length);
      for (const name of others) {
        for (const file of all) expect(answers.get(name)?.get(file), `${file}: ${name} and ${first}`).toEqual(reference!.get(file));
      }
    });
  });
}
