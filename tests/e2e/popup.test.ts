/** The toolbar popup, opened as a page on a given tab (popup.html?tabId=N). */
import { describe, expect, it } from 'vitest';
import { inEachBrowser, openPage, openPopup, type TestPage } from './helpers';
import { ACTIVE_HIGHLIGHT_NAME } from '../../lib/constants';

/**
 * Waits until the popup shows the full results for `query`: the search worker's answer, after
 * the entities' own (components/popup/App.tsx), so that an order read is the final one.
 */
const fullResults = (popup: TestPage, query: string) => popup.locator(`.body[data-query="${query}"][data-complete="true"]`).waitFor();

inEachBrowser((suite) => {
  describe('popup search', () => {
    it('finds the Open Skies Treaty for "bau troi mo" and the INF Treaty for "hiep uoc inf"', async () => {
      const { tabId } = await openPage(suite.browser, `${suite.server.url}/demo.html`);
      const popup = await openPopup(suite.browser, tabId);
      const box = popup.getByRole('searchbox');
      const results = popup.getByRole('list', { name: 'Kết quả tìm kiếm' }).getByRole('listitem');

      await box.fill('bau troi mo');
      await fullResults(popup, 'bau troi mo');
      expect(await results.first().textContent()).toContain('Hiệp ước Bầu trời mở');
      await box.fill('hiep uoc inf');
      await fullResults(popup, 'hiep uoc inf');
      expect(await results.first().textContent()).toContain('Hiệp ước Lực lượng Hạt nhân Tầm trung (INF)');
      await box.fill('Stoltenbreg');
      await fullResults(popup, 'Stoltenbreg');
      expect(await results.first().textContent()).toContain('Jens Stoltenberg');
    });

    it('is driven by the keyboard: arrows to a result, Enter to open it, Escape to clear', async () => {
      const { tabId } = await openPage(suite.browser, `${suite.server.url}/demo.html`);
      const popup = await openPopup(suite.browser, tabId);
      const box = popup.getByRole('searchbox');
      await box.fill('peskov');
      await popup.getByRole('list', { name: 'Kết quả tìm kiếm' }).waitFor();
      await popup.keyboard.press('ArrowDown');
      await popup.keyboard.press('Enter');
      const heading = popup.getByRole('heading', { level: 2, name: 'Dmitry Peskov' });
      await heading.waitFor();
      expect(await popup.locator('blockquote').count()).toBe(2);

      await box.focus();
      await box.fill('putin');
      await popup.keyboard.press('Escape');
      expect(await box.inputValue()).toBe('');
    });

    it('moves through the results in rank order with the arrows, and Enter in the box opens the first', async () => {
      const { tabId } = await openPage(suite.browser, `${suite.server.url}/demo.html`);
      const popup = await openPopup(suite.browser, tabId);
      const box = popup.getByRole('searchbox');
      await box.fill('tong thong');
      const heads = popup.getByRole('list', { name: 'Kết quả tìm kiếm' }).getByRole('listitem').getByRole('button');
      await fullResults(popup, 'tong thong');
      expect(await heads.count()).toBeGreaterThan(2);
      const names = await heads.allTextContents();
      await popup.keyboard.press('ArrowDown');
      await popup.keyboard.press('ArrowDown');
      expect(await popup.evaluate(() => document.activeElement?.textContent)).toBe(names[1]);
      await popup.keyboard.press('ArrowUp');
      await popup.keyboard.press('ArrowUp');
      expect(await popup.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('search');

      await box.fill('putin');
      await expect.poll(() => heads.first().textContent()).toContain('Vladimir Putin');
      await box.press('Enter');
      await popup.getByRole('heading', { level: 2, name: 'Vladimir Putin' }).waitFor();
      // Its passages as a timeline: the dated article first, the undated one last, each with its quotes.
      const timeline = popup.getByRole('list', { name: 'Các đoạn trích nhắc đến, theo ngày' });
      const entries = timeline.locator(':scope > li');
      await expect.poll(() => entries.count()).toBe(2);
      expect(await entries.first().locator('time').getAttribute('datetime')).toBe('2021-06-16');
      expect(await entries.last().textContent()).toContain('không rõ ngày');
      expect(await entries.first().locator('q').count()).toBeGreaterThan(0);
      // An article naming it often shows three passages, and the rest on demand.
      const undated = entries.last();
      const total = Number(/(\d+) đoạn trích/u.exec((await undated.textContent()) ?? '')?.[1]);
      expect(total).toBeGreaterThan(3);
      expect(await undated.locator('q').count()).toBe(3);
      const more = undated.getByRole('button', { name: `Xem thêm ${total - 3} đoạn` });
      await more.click();
      expect(await undated.locator('q').count()).toBe(total);
      expect(await undated.getByRole('button', { name: 'Thu gọn' }).getAttribute('aria-expanded')).toBe('true');
      // The back button, reached by keyboard, returns to the page's list.
      await popup.getByRole('button', { name: /Quay lại/ }).press('Enter');
      await popup.getByRole('heading', { name: 'Trên trang này' }).waitFor();
    });

    it('marks the matched words and gives each passage its source and date', async () => {
      const { tabId } = await openPage(suite.browser, `${suite.server.url}/demo.html`);
      const popup = await openPopup(suite.browser, tabId);
      await popup.getByRole('searchbox').fill('gia han');
      const first = popup.getByRole('list', { name: 'Kết quả tìm kiếm' }).getByRole('listitem').first();
      await fullResults(popup, 'gia han');
      expect(await first.textContent()).toContain('New START');
      expect((await first.locator('mark').allTextContents()).map((t) => t.toLowerCase())).toEqual(expect.arrayContaining(['gia', 'hạn']));
      expect(await first.locator('cite').first().textContent()).toMatch(/^Trích từ .+ · (\d{1,2}\/\d{1,2}\/\d{4}|không rõ ngày)$/u);
    });
  });

  describe('on this page', () => {
    it('lists the entities found with their counts, and jumps to one on the page', async () => {
      const { page, tabId } = await openPage(suite.browser, `${suite.server.url}/demo.html`);
      const popup = await openPopup(suite.browser, tabId);
      const item = popup.getByRole('button', { name: /Dmitry Peskov/ });
      await item.waitFor();
      // "người phát ngôn Điện Kremlin Dmitry Peskov", and "Người phát ngôn của Tổng thống Nga, Dmitry Peskov": a role phrase and the name.
      expect(await item.textContent()).toContain('3 lần');

      await item.click();
      await page.getByRole('dialog', { name: 'Dmitry Peskov' }).waitFor({ state: 'visible' });
    });

    it('jumps to the next mention each time an entity is chosen, by keyboard too', async () => {
      const { page, tabId } = await openPage(suite.browser, `${suite.server.url}/demo.html`);
      const popup = await openPopup(suite.browser, tabId);
      const item = popup.getByRole('button', { name: /Vladimir Putin/ });
      await item.waitFor();
      const count = Number(/(\d+) lần/u.exec((await item.textContent()) ?? '')?.[1]);
      expect(count).toBeGreaterThan(2);
      // Where the mention with the open card stands in the document.
      const activeTop = () =>
        page.evaluate((name) => {
          const range = [...(CSS.highlights.get(name) ?? [])][0] as Range | undefined;
          return range ? Math.round(range.getBoundingClientRect().top + window.scrollY) : null;
        }, ACTIVE_HIGHLIGHT_NAME);
      const card = page.getByRole('dialog', { name: 'Vladimir Putin' });

      await item.focus();
      await popup.keyboard.press('Enter');
      await card.waitFor({ state: 'visible' });
      const first = await activeTop();
      expect(first).not.toBeNull();

      await page.keyboard.press('Escape');
      await card.waitFor({ state: 'hidden' });
      await item.focus();
      await popup.keyboard.press('Enter');
      await card.waitFor({ state: 'visible' });
      await expect.poll(activeTop).not.toBe(first);
    });
  });

  describe('in an English browser', () => {
    it('speaks English, and still searches Vietnamese', async () => {
      const browser = await suite.launch({ locale: 'en-US' });
      try {
        const { tabId } = await openPage(browser, `${suite.server.url}/demo.html`);
        const popup = await openPopup(browser, tabId);
        await popup.getByRole('switch', { name: 'On for 127.0.0.1' }).waitFor();
        await popup.getByRole('searchbox', { name: 'Search the Bối cảnh dataset' }).fill('bau troi mo');
        const first = popup.getByRole('list', { name: 'Search results' }).getByRole('listitem').first();
        await expect.poll(() => first.textContent()).toContain('Hiệp ước Bầu trời mở');
        expect(await first.textContent()).toContain('Treaty');
      } finally {
        await browser.close();
      }
    });
  });
});
