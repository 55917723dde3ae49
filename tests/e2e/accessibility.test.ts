/** The popup and the options page pass axe's WCAG 2 A and AA checks in each of their states. */
import { describe, expect, it } from 'vitest';
import { violations } from './axe';
import { inEachBrowser, openPage, openPopup } from './helpers';

inEachBrowser((suite) => {
  describe('accessibility', () => {
    it('the popup: on this page, search results, an entity', async () => {
      const { tabId } = await openPage(suite.browser, `${suite.server.url}/demo.html`);
      const popup = await openPopup(suite.browser, tabId);
      await popup.getByRole('button', { name: /Vladimir Putin/ }).waitFor();
      expect(await violations(popup)).toEqual([]);

      await popup.getByRole('searchbox').fill('bau troi mo');
      await popup.getByRole('list', { name: 'Kết quả tìm kiếm' }).waitFor();
      expect(await violations(popup)).toEqual([]);

      await popup.getByRole('searchbox').press('Enter');
      await popup.getByRole('heading', { level: 2, name: 'Hiệp ước Bầu trời mở' }).waitFor();
      expect(await violations(popup)).toEqual([]);
    });

    it('the popup on a page that is not Vietnamese', async () => {
      const { tabId } = await openPage(suite.browser, `${suite.server.url}/english.html`);
      const popup = await openPopup(suite.browser, tabId);
      await popup.getByRole('button', { name: 'Vẫn bật trên trang này' }).waitFor();
      expect(await violations(popup)).toEqual([]);
    });

    it('the options page', async () => {
      const options = await suite.browser.openExtensionPage('options.html');
      await options.getByRole('heading', { level: 1 }).waitFor();
      expect(await violations(options)).toEqual([]);
    });

    it('in the dark colour scheme: the popup and the options page with an error shown', async () => {
      const browser = await suite.launch({ colorScheme: 'dark' });
      try {
        const { tabId } = await openPage(browser, `${suite.server.url}/english.html`);
        const popup = await openPopup(browser, tabId);
        await popup.getByRole('button', { name: 'Vẫn bật trên trang này' }).waitFor();
        expect(await violations(popup)).toEqual([]);

        const options = await browser.openExtensionPage('options.html');
        const input = options.getByRole('textbox', { name: 'Thêm trang cần tắt' });
        await input.fill('not a site');
        await input.press('Enter');
        await options.getByRole('alert').getByText('không phải tên miền').waitFor();
        expect(await violations(options)).toEqual([]);
      } finally {
        await browser.close();
      }
    });
  });
});
