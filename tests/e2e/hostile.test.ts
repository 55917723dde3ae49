/**
 * Pages that fight back: a React-style app re-rendering marked text, a page of 100,000 nodes,
 * frames from the same and another origin, a shadow DOM component, fields being typed into,
 * a page that rewrites the DOM's prototypes, a strict Content-Security-Policy, a single-page
 * app changing view, a page in another language. For each: no error in any frame of the page,
 * none reported by the content script (in the page or its frames) or by the background, the
 * right marks, and nothing left behind.
 */
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { serveGenerated } from '../../scripts/browser/server';
import { HIGHLIGHT_NAME } from '../../lib/constants';
import {
  highlightCount,
  hoverCard,
  inEachBrowser,
  mentionsWhen,
  ROOT,
  sameAnswerTwice,
  watchBackgroundErrors,
  type TestBrowser,
  type TestPage,
} from './helpers';

/** Paragraphs in the big page, and the mentions each holds. */
const BIG_PARAGRAPHS = 12_500;

/** The hostile pages, Preact for the app among them, and a generated page of 100,000 nodes. */
function serveHostilePages() {
  // 12,500 paragraphs of 8 nodes each: 100,000 nodes, one mention in every tenth paragraph.
  const paragraphs = Array.from({ length: BIG_PARAGRAPHS }, (_, i) =>
    i % 10 === 0
      ? `<p>Đoạn ${i}: <b>Ngoại trưởng Nga</b> <i>Sergei Lavrov</i> nói <span>về</span> <a href="#">đối thoại</a>.</p>`
      : `<p>Đoạn ${i}: <b>thời tiết</b> <i>hôm nay</i> ở <span>Hà Nội</span> <a href="#">nắng nhẹ</a>.</p>`,
  ).join('\n');
  const big = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Trang rất lớn</title></head><body><article>${paragraphs}</article></body></html>`;
  const preact = dirname(createRequire(import.meta.url).resolve('preact'));
  return serveGenerated({ 'big.html': big }, join(ROOT, 'tests/fixtures/hostile'), join(ROOT, 'tests/fixtures'), preact);
}

interface Watched {
  page: TestPage;
  tabId: number;
  /**
   * Errors so far: uncaught ones in any frame of the page (the drivers report every frame's,
   * the cross-origin one's too), what the content script reported (utils/report.ts writes to
   * the console of the frame it runs in, with the "[Bối cảnh]" prefix), and what the
   * background reported or did not catch.
   */
  errors: () => Promise<string[]>;
}

async function openWatched(browser: TestBrowser, url: string): Promise<Watched> {
  const backgroundErrors = await watchBackgroundErrors(browser);
  const page = await browser.newPage();
  const seen: string[] = [];
  page.onPageError((message) => seen.push(`page error: ${message}`));
  page.onConsole((text) => {
    if (text.includes('[Bối cảnh]')) seen.push(`content script: ${text}`);
  });
  await page.goto(url);
  const tabId = await browser.tabIdOf(page);
  const errors = async () => [...seen, ...(await backgroundErrors()).map((e) => `background: ${e}`)];
  return { page, tabId, errors };
}

/** The number in the app's "Cập nhật lần N" line. */
const tickOf = (text: string | null) => Number(/lần (\d+)/.exec(text ?? '')?.[1] ?? NaN);

const texts = (r: { mentions: Array<{ text: string }> }) => r.mentions.map((m) => m.text);

inEachBrowser(
  (suite) => {
    const open = (path: string) => openWatched(suite.browser, `${suite.server.url}/${path}`);

    describe('hostile pages', () => {
      it('keeps up with an app that re-renders the marked text every 100 ms, without breaking it', async () => {
        const { page, tabId, errors } = await open('rerender.html');
        const marked = await mentionsWhen(suite.browser, tabId, (r) => r.active && r.mentions.length >= 2);
        expect(texts(marked)).toEqual(
          expect.arrayContaining(['Tổng thống Nga Vladimir Putin', 'Người phát ngôn Điện Kremlin Dmitry Peskov']),
        );
        const tickBefore = tickOf(await page.locator('#tick').textContent());
        // The app kept rendering while marked: ten more of its own updates went through.
        await expect
          .poll(async () => tickOf(await page.locator('#tick').textContent()), { timeout: 10_000 })
          .toBeGreaterThanOrEqual(tickBefore + 10);
        // Once the app is still, the marks are exactly those of the text on the page: none outlives its text.
        // An answer waits for any rescan the last render started; the same one twice: nothing more is coming.
        await page.evaluate(() => (window as unknown as { stopUpdates: () => void }).stopUpdates());
        const response = await mentionsWhen(suite.browser, tabId, sameAnswerTwice());
        expect(texts(response)).toEqual(
          expect.arrayContaining(['Tổng thống Nga Vladimir Putin', 'Người phát ngôn Điện Kremlin Dmitry Peskov']),
        );
        const live = await page.evaluate(
          (name) => [...(CSS.highlights.get(name) ?? [])].filter((r) => (r as Range).startContainer.isConnected).length,
          HIGHLIGHT_NAME,
        );
        expect(await highlightCount(page)).toBe(live);
        expect(live).toBe(response.mentions.length);
        expect(await errors()).toEqual([]);
      });

      it('marks every mention on a page of 100,000 nodes', async () => {
        const { page, tabId, errors } = await open('big.html');
        const nodes = await page.evaluate(
          () =>
            document.body.querySelectorAll('*').length +
            document.evaluate('count(//text())', document, null, XPathResult.NUMBER_TYPE).numberValue,
        );
        expect(nodes).toBeGreaterThanOrEqual(100_000);
        const response = await mentionsWhen(suite.browser, tabId, (r) => r.mentions.length === BIG_PARAGRAPHS / 10, 60_000);
        expect(response.mentions).toHaveLength(BIG_PARAGRAPHS / 10);
        expect(new Set(texts(response))).toEqual(new Set(['Ngoại trưởng Nga Sergei Lavrov']));
        expect(await highlightCount(page)).toBe(BIG_PARAGRAPHS / 10);
        expect(await errors()).toEqual([]);
      });

      it('marks text in frames of the same and of another origin, each frame its own', async () => {
        const { page, tabId, errors } = await open('frames.html');
        const response = await mentionsWhen(suite.browser, tabId, (r) => r.active && r.mentions.length > 0);
        expect(texts(response)).toEqual(['Tổng thư ký NATO Jens Stoltenberg']);
        for (const id of ['#same', '#cross']) {
          const frame = page.frameLocator(id);
          await frame.locator('article').waitFor();
          await expect
            .poll(() => frame.locator('body').evaluate((_, name) => CSS.highlights.get(name)?.size ?? 0, HIGHLIGHT_NAME), {
              timeout: 10_000,
            })
            .toBe(3);
        }
        // The cross-origin frame really is another origin.
        const origins = await page.evaluate(() => [...document.querySelectorAll('iframe')].map((f) => new URL(f.src).origin));
        expect(origins[0]).not.toBe(origins[1]);
        expect(await errors()).toEqual([]);
      });

      it('reads around a shadow DOM component and leaves its inside alone', async () => {
        const { page, tabId, errors } = await open('shadow.html');
        const response = await mentionsWhen(suite.browser, tabId, (r) => r.active && r.mentions.length > 0);
        expect(texts(response)).toEqual(['Ngoại trưởng Nga Sergei Lavrov', 'Ông Lavrov']);
        expect(await page.evaluate(() => document.getElementById('quote')!.shadowRoot!.innerHTML)).toBe(
          '<style>p{font-style:italic}</style><p>Tổng thống Nga Vladimir Putin: “Chúng tôi sẵn sàng đối thoại.”</p>',
        );
        expect(await errors()).toEqual([]);
      });

      it('leaves fields alone while the reader types names into them', async () => {
        const { page, tabId, errors } = await open('typing.html');
        const before = await mentionsWhen(suite.browser, tabId, (r) => r.active && r.mentions.length > 0);
        expect(texts(before)).toEqual(['Người phát ngôn Điện Kremlin Dmitry Peskov']);
        await page.locator('#comment').click();
        await page.keyboard.press('End');
        await page.keyboard.type(' và Tổng thống Mỹ Joe Biden');
        await page.locator('#title').fill('Hiệp ước INF và NATO');
        await page.locator('#editor p').click();
        await page.keyboard.press('End');
        await page.keyboard.type(' gặp ông Peskov');
        // Each answer waits for the rescan that the typing started; the same one twice: the content script is done with it.
        const response = await mentionsWhen(suite.browser, tabId, sameAnswerTwice());
        expect(await page.locator('#comment').inputValue()).toBe('Tổng thống Nga Vladimir Putin và Tổng thống Mỹ Joe Biden');
        expect(await page.locator('#title').inputValue()).toBe('Hiệp ước INF và NATO');
        expect(await page.locator('#editor').textContent()).toBe('Ngoại trưởng Nga Sergei Lavrov gặp ông Peskov');
        expect(texts(response)).toEqual(['Người phát ngôn Điện Kremlin Dmitry Peskov']);
        expect(await highlightCount(page)).toBe(1);
        expect(await errors()).toEqual([]);
      });

      it('works on a page that rewrites the DOM’s prototypes and globals', async () => {
        const { page, tabId, errors } = await open('prototypes.html');
        const response = await mentionsWhen(suite.browser, tabId, (r) => r.active && r.mentions.length > 0);
        expect(texts(response)).toEqual(['Thứ trưởng Ngoại giao Nga Sergei Ryabkov', 'Hiệp ước New START']);
        // The page took away its own tree walkers: find the name by hand.
        const point = await page.evaluate(() => {
          const text = document.querySelector('article p')!.firstChild as Text;
          const at = text.data.indexOf('Sergei Ryabkov');
          const range = document.createRange();
          range.setStart(text, at);
          range.setEnd(text, at + 5);
          const rect = range.getBoundingClientRect();
          return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
        });
        await page.mouse.move(point.x, point.y);
        await page.getByRole('dialog', { name: 'Sergei Ryabkov' }).waitFor();
        expect(await errors()).toEqual([]);
      });

      it('works under a strict Content-Security-Policy, its card styled', async () => {
        const { page, tabId, errors } = await open('csp.html');
        const response = await mentionsWhen(suite.browser, tabId, (r) => r.active && r.mentions.length > 0);
        expect(texts(response)).toEqual(['New START', 'Người phát ngôn Điện Kremlin Dmitry Peskov', 'Hiệp ước New START']);
        const card = await hoverCard(page, 'Dmitry Peskov', 'Dmitry Peskov');
        expect(await card.evaluate((el) => [getComputedStyle(el).position, getComputedStyle(el).fontSize])).toEqual(['fixed', '14px']);
        expect((await errors()).filter((e) => !e.includes('favicon'))).toEqual([]);
      });

      it('follows a single-page app to its next view, leaving nothing of the last one', async () => {
        const { page, tabId, errors } = await open('spa.html');
        const first = await mentionsWhen(suite.browser, tabId, (r) => r.active && r.mentions.length > 0);
        expect(texts(first)).toEqual(['Tổng thống Mỹ Joe Biden', 'Tổng thống Nga Vladimir Putin']);
        await page.locator('#next').click();
        expect(new URL(await page.url()).pathname).toBe('/spa/2');
        const second = await mentionsWhen(suite.browser, tabId, (r) => r.mentions.some((m) => m.entityId === 'jens-stoltenberg'));
        expect(texts(second)).toEqual(['Tổng thư ký NATO Jens Stoltenberg']);
        expect(await highlightCount(page)).toBe(1);
        expect(await errors()).toEqual([]);
      });

      it('does not read a page in another language (NFD pages: marks.test.ts)', async () => {
        const english = await open('english.html');
        expect(await mentionsWhen(suite.browser, english.tabId, (r) => !r.active)).toEqual({
          active: false,
          reason: 'not-vietnamese',
          mentions: [],
        });
        expect(await highlightCount(english.page)).toBe(0);
        expect(await english.errors()).toEqual([]);
      });
    });
  },
  { serve: serveHostilePages },
);
