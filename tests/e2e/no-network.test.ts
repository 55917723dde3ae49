/**
 * Bối cảnh makes no network request, ever. A whole reading session (pages read and marked,
 * cards opened, the popup searched, the options page changed, a site switched off and on) is
 * recorded at the browser's network layer, service worker included, and the extension's
 * contexts must have asked for nothing.
 */
import type { Request } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { extensionSuite, hoverCard, mentionsWhen, openPage, openPopup } from './helpers';

const suite = extensionSuite();

describe('the network', () => {
  it('is never used by the extension during a full session', async () => {
    const { context, worker, extensionId } = suite.browser;
    const seen: Request[] = [];
    const record = (request: Request) => seen.push(request);
    context.on('request', record);
    try {
      // The recorder sees what the service worker fetches: a control request, made on purpose.
      const control = `${suite.server.url}/control-from-the-test`;
      await worker.evaluate((url) => fetch(url).then(() => undefined, () => undefined), control);
      await expect.poll(() => seen.some((r) => r.url() === control)).toBe(true);

      // A session: pages read, cards opened, the popup and the options page used.
      const pages: string[] = [];
      for (const file of ['demo.html', 'dark.html', 'news-layout.html']) {
        const url = `${suite.server.url}/${file}`;
        pages.push(url);
        const { tabId } = await openPage(suite.browser, url);
        await mentionsWhen(suite.browser, tabId, (r) => r.active && r.mentions.length > 0);
      }
      const { page, tabId } = await openPage(suite.browser, `${suite.server.url}/dark.html`);
      const card = await hoverCard(page, 'Dmitry Peskov', 'Dmitry Peskov');
      await card.getByRole('button', { name: /Xem đầy đủ/ }).click();
      const popup = await openPopup(suite.browser, tabId);
      await popup.getByRole('searchbox').fill('hiep uoc inf');
      await popup.getByRole('list', { name: 'Kết quả tìm kiếm' }).waitFor();
      await popup.getByRole('switch', { name: 'Bật trên 127.0.0.1' }).click();
      await mentionsWhen(suite.browser, tabId, (r) => !r.active);
      await popup.getByRole('switch', { name: 'Bật trên 127.0.0.1' }).click();
      await mentionsWhen(suite.browser, tabId, (r) => r.active);
      const options = await context.newPage();
      await options.goto(`chrome-extension://${extensionId}/options.html`);
      await options.getByRole('radio', { name: 'Chỉ lần đầu mỗi tên trong một bài' }).check();
      await options.getByRole('radio', { name: 'Mọi lần một tên xuất hiện' }).check();
      await page.waitForTimeout(500);

      const network = seen.filter((r) => !r.url().startsWith(`chrome-extension://${extensionId}/`) && r.url() !== control);
      // Everything else is what the test itself loaded: the pages (and their favicon).
      const unexpected = network.filter((r) => !(pages.includes(r.url()) || r.url() === `${suite.server.url}/dark.html` || r.url().endsWith('/favicon.ico')));
      expect(unexpected.map((r) => `${r.method()} ${r.url()} (${r.serviceWorker() ? 'service worker' : r.frame().url()})`)).toEqual([]);
      // And nothing at all from the service worker but the control.
      expect(seen.filter((r) => r.serviceWorker() && r.url() !== control).map((r) => r.url())).toEqual([]);
      console.log(`No-network check: ${seen.length} requests seen, ${network.length} of them to the network, all made by the test.`);
    } finally {
      context.off('request', record);
    }
  });
});
