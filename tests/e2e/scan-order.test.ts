/**
 * Where the work goes first: what the reader sees. (Pausing in hidden tabs is not tested here:
 * headless browsers report every tab as visible.)
 */
import { describe, expect, it } from 'vitest';
import { serveGenerated } from '../../scripts/browser/server';
import { inEachBrowser, mentionsWhen } from './helpers';
import { HIGHLIGHT_NAME } from '../../lib/constants';

const PARAGRAPHS = 3000;

/** A long article served alone, generated for the test. */
function serveLongArticle() {
  const body = Array.from(
    { length: PARAGRAPHS },
    (_, i) =>
      `<p id="p${i}">Đoạn ${i}: Ngoại trưởng Nga Sergei Lavrov trao đổi với báo chí về quan hệ song phương và các cuộc tham vấn sắp tới.</p>`,
  ).join('\n');
  return serveGenerated({
    'long.html': `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Bài rất dài</title></head><body><article>${body}</article></body></html>`,
  });
}

inEachBrowser(
  (suite) => {
    describe('the order of work', () => {
      it('marks what is on screen before the rest of a long article', async () => {
        const { browser, server } = suite;
        const page = await browser.newPage();
        // Opened in the middle of the article, as a reader returning to it would.
        await page.goto(`${server.url}/long.html#p2000`);
        const tabId = await browser.tabIdOf(page);
        await mentionsWhen(browser, tabId, (r) => r.mentions.length === PARAGRAPHS, 60_000);
        const firstMarked = await page.evaluate((name) => {
          const ranges = [...(CSS.highlights.get(name) as unknown as Set<Range>)].slice(0, 5);
          return ranges.map((r) => (r.startContainer.parentElement as HTMLElement).id);
        }, HIGHLIGHT_NAME);
        // The highlight keeps the order marks were added in: the first were around paragraph 2000.
        for (const id of firstMarked) expect(Number(id.slice(1))).toBeGreaterThanOrEqual(2000);
        expect(firstMarked).toHaveLength(5);
      });
    });
  },
  { serve: serveLongArticle },
);
