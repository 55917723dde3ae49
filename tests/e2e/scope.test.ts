/** What is read on a news page: the article, not its menus, sidebars and footers; every mention or the first of each. */
import { describe, expect, it } from 'vitest';
import { highlightCount, inEachBrowser, mentionsWhen, openPage } from './helpers';

inEachBrowser((suite) => {
  const ARTICLE_ONE = [
    'Ông Putin',
    'ông Biden',
    'Tổng thống Nga Vladimir Putin',
    'Tổng thống Mỹ Joe Biden',
    'Ông Putin',
    'Hiệp ước New START',
  ];
  const ARTICLE_TWO = ['NATO', 'Tổng thư ký NATO Jens Stoltenberg', 'ông Putin', 'ông Stoltenberg', 'NATO'];

  /** Chooses the mark mode in the options page, as a reader does. */
  async function setMarkMode(mode: 'all' | 'first') {
    const options = await suite.browser.openExtensionPage('options.html');
    await options
      .getByRole('radio', { name: mode === 'first' ? 'Chỉ lần đầu mỗi tên trong một bài' : 'Mọi lần một tên xuất hiện' })
      .check();
    await options.close();
  }

  describe('the article and nothing around it', () => {
    it('marks the articles and leaves navigation, sidebars and footers unmarked', async () => {
      const { page, tabId } = await openPage(suite.browser, `${suite.server.url}/news-layout.html`);
      const response = await mentionsWhen(suite.browser, tabId, (r) => r.active && r.mentions.length > 0);
      expect(response.mentions.map((m) => m.text)).toEqual([...ARTICLE_ONE, ...ARTICLE_TWO]);
      expect(await highlightCount(page)).toBe(ARTICLE_ONE.length + ARTICLE_TWO.length);
    });

    it('marks only the first mention of each entity per article when the options page says so, live', async () => {
      const { page, tabId } = await openPage(suite.browser, `${suite.server.url}/news-layout.html`);
      const every = await mentionsWhen(suite.browser, tabId, (r) => r.mentions.length === ARTICLE_ONE.length + ARTICLE_TWO.length);
      expect(every.mentions.map((m) => m.text)).toEqual([...ARTICLE_ONE, ...ARTICLE_TWO]);
      await setMarkMode('first');
      try {
        const first = await mentionsWhen(suite.browser, tabId, (r) => r.mentions.length < ARTICLE_ONE.length + ARTICLE_TWO.length);
        expect(first.mentions.map((m) => m.text)).toEqual([
          'Ông Putin',
          'ông Biden',
          'Hiệp ước New START',
          'NATO',
          'Tổng thư ký NATO Jens Stoltenberg',
          'ông Putin',
        ]);
        expect(await highlightCount(page)).toBe(6);
      } finally {
        await setMarkMode('all');
      }
      const all = await mentionsWhen(suite.browser, tabId, (r) => r.mentions.length === ARTICLE_ONE.length + ARTICLE_TWO.length);
      expect(all.mentions.map((m) => m.text)).toEqual([...ARTICLE_ONE, ...ARTICLE_TWO]);
    });

    it('reads an article that a single-page app puts in place of the last one', async () => {
      const { page, tabId } = await openPage(suite.browser, `${suite.server.url}/news-layout.html`);
      const before = await mentionsWhen(suite.browser, tabId, (r) => r.active && r.mentions.length > 0);
      expect(before.mentions.map((m) => m.text)).toEqual([...ARTICLE_ONE, ...ARTICLE_TWO]);
      await page.evaluate(() => {
        for (const article of document.querySelectorAll('article')) article.remove();
        const article = document.createElement('article');
        article.innerHTML =
          '<h1>Điện Kremlin lên tiếng</h1><p>Người phát ngôn Điện Kremlin Dmitry Peskov cho biết Nga chưa nhận được đề xuất nào từ phía Mỹ về việc đàm phán.</p>';
        document.querySelector('.layout')!.prepend(article);
      });
      const response = await mentionsWhen(suite.browser, tabId, (r) => r.mentions.some((m) => m.entityId === 'dmitry-peskov'));
      expect(response.mentions.map((m) => m.text)).toEqual(['Người phát ngôn Điện Kremlin Dmitry Peskov']);
      expect(await highlightCount(page)).toBe(1);
    });
  });
});
