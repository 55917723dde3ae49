/**
 * Where Bối cảnh runs, as a reader controls it: the global pause, "turn on anyway" on a page
 * that is not Vietnamese, names hidden on a site, the options page, and settings storage
 * that was corrupted or written by an older version.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { highlightCount, inEachBrowser, mentionsWhen, openPage, openPopup, type TestBrowser, type TestPage } from './helpers';

inEachBrowser((suite) => {
  function setStored(browser: TestBrowser, items: Record<string, unknown>): Promise<void> {
    return browser.inExtension(async (api, values) => {
      await api.storage.local.clear();
      await api.storage.local.set(values);
    }, items);
  }

  function stored(browser: TestBrowser): Promise<Record<string, unknown>> {
    return browser.inExtension((api) => api.storage.local.get(null));
  }

  async function openOptions(browser: TestBrowser): Promise<TestPage> {
    const page = await browser.openExtensionPage('options.html');
    await page.getByRole('heading', { level: 1 }).waitFor();
    return page;
  }

  describe('the global pause', () => {
    it('stops Bối cảnh in every open tab at once, and resumes it', async () => {
      await setStored(suite.browser, {});
      const a = await openPage(suite.browser, `${suite.server.url}/demo.html`);
      const b = await openPage(suite.browser, `${suite.server.url}/unlabelled.html`);
      await mentionsWhen(suite.browser, a.tabId, (r) => r.active && r.mentions.length > 0);
      const popup = await openPopup(suite.browser, a.tabId);
      const pause = popup.getByRole('switch', { name: 'Tạm dừng trên mọi trang' });
      await pause.click();
      await expect.poll(() => pause.isChecked()).toBe(true);
      await popup.getByText('Bối cảnh đang tạm dừng trên mọi trang.').first().waitFor();

      for (const tab of [a, b]) {
        expect(await mentionsWhen(suite.browser, tab.tabId, (r) => !r.active)).toEqual({ active: false, reason: 'paused', mentions: [] });
        expect(await highlightCount(tab.page)).toBe(0);
      }
      // The site's own switch is untouched by the pause.
      expect(await popup.getByRole('switch', { name: 'Bật trên 127.0.0.1' }).isChecked()).toBe(true);

      await pause.click();
      const on = await mentionsWhen(suite.browser, a.tabId, (r) => r.active && r.mentions.length > 0);
      expect(await highlightCount(a.page)).toBe(on.mentions.length);
      expect((await mentionsWhen(suite.browser, b.tabId, (r) => r.active)).active).toBe(true);
    });
  });

  describe('a page that is not Vietnamese', () => {
    it('says why it is left alone, and is read once the reader turns it on anyway', async () => {
      await setStored(suite.browser, {});
      const { page, tabId } = await openPage(suite.browser, `${suite.server.url}/english.html`);
      expect(await mentionsWhen(suite.browser, tabId, () => true)).toEqual({ active: false, reason: 'not-vietnamese', mentions: [] });
      const popup = await openPopup(suite.browser, tabId);
      await popup.getByText('Trang này không phải tiếng Việt nên Bối cảnh không quét.').first().waitFor();

      await popup.getByRole('button', { name: 'Vẫn bật trên trang này' }).click();
      const on = await mentionsWhen(suite.browser, tabId, (r) => r.active && r.mentions.length > 0);
      expect(on.mentions.map((m) => m.name)).toContain('Vladimir Putin');
      expect(await highlightCount(page)).toBe(on.mentions.length);
      await popup.getByRole('button', { name: 'Chỉ bật trên trang tiếng Việt' }).waitFor();

      await popup.getByRole('button', { name: 'Chỉ bật trên trang tiếng Việt' }).click();
      expect(await mentionsWhen(suite.browser, tabId, (r) => !r.active)).toEqual({ active: false, reason: 'not-vietnamese', mentions: [] });
    });
  });

  describe('names hidden on a site', () => {
    it('are listed in the popup for that site and can be shown again, with undo', async () => {
      await setStored(suite.browser, {
        settings: { disabledSites: [], hiddenEntities: { '127.0.0.1': ['dmitry-peskov'], 'other.vn': ['nato'] } },
        settings$: { v: 2 },
      });
      const { tabId } = await openPage(suite.browser, `${suite.server.url}/demo.html`);
      const popup = await openPopup(suite.browser, tabId);
      const hidden = popup.getByRole('list', { name: 'Đã ẩn trên trang này' });
      await hidden.waitFor();
      expect(await hidden.getByRole('listitem').allTextContents()).toEqual([expect.stringContaining('Dmitry Peskov')]);

      await popup.getByRole('button', { name: 'Hiện lại Dmitry Peskov' }).click();
      await hidden.waitFor({ state: 'detached' });
      await expect.poll(async () => (await stored(suite.browser)).settings).toMatchObject({ hiddenEntities: { 'other.vn': ['nato'] } });

      await popup.getByRole('status').getByRole('button', { name: 'Hoàn tác' }).click();
      await hidden.waitFor();
      await expect
        .poll(async () => (await stored(suite.browser)).settings)
        .toMatchObject({ hiddenEntities: { '127.0.0.1': ['dmitry-peskov'], 'other.vn': ['nato'] } });
    });
  });

  describe('the options page', () => {
    it('lists the sites turned off; removing one turns the site on in open tabs, and undo turns it off again', async () => {
      await setStored(suite.browser, { settings: { disabledSites: ['127.0.0.1', 'vnexpress.net'] }, settings$: { v: 2 } });
      const { page, tabId } = await openPage(suite.browser, `${suite.server.url}/demo.html`);
      expect((await mentionsWhen(suite.browser, tabId, () => true)).reason).toBe('site-disabled');

      const options = await openOptions(suite.browser);
      const sites = options.getByRole('list', { name: 'Trang đã tắt' }).getByRole('listitem');
      expect(await sites.allTextContents()).toEqual([expect.stringContaining('127.0.0.1'), expect.stringContaining('vnexpress.net')]);

      await options.getByRole('button', { name: 'Bỏ 127.0.0.1' }).click();
      await expect.poll(() => sites.count()).toBe(1);
      const on = await mentionsWhen(suite.browser, tabId, (r) => r.active && r.mentions.length > 0);
      expect(await highlightCount(page)).toBe(on.mentions.length);

      // The entry's own button is gone: the focus waits on undo, and Enter takes it.
      await expect.poll(() => options.evaluate(() => document.activeElement?.textContent)).toBe('Hoàn tác');
      await options.keyboard.press('Enter');
      await expect.poll(() => sites.count()).toBe(2);
      expect(await mentionsWhen(suite.browser, tabId, (r) => !r.active)).toEqual({ active: false, reason: 'site-disabled', mentions: [] });
    });

    it('adds a site pattern, and refuses what is not one', async () => {
      await setStored(suite.browser, {});
      const options = await openOptions(suite.browser);
      const input = options.getByRole('textbox', { name: 'Thêm trang cần tắt' });
      await input.fill('not a site');
      await input.press('Enter');
      await expect.poll(() => options.getByRole('alert').textContent()).toContain('“not a site” không phải tên miền hay mẫu trang.');

      await input.fill('*.Example.com');
      await options.getByRole('button', { name: 'Thêm' }).click();
      await options.getByRole('button', { name: 'Bỏ *.example.com' }).waitFor();
      expect(await input.inputValue()).toBe('');
      await expect.poll(async () => (await stored(suite.browser)).settings).toMatchObject({ disabledSites: ['*.example.com'] });
    });

    it('sets the mark mode and the pause, and an open popup follows at once', async () => {
      await setStored(suite.browser, {});
      const { tabId } = await openPage(suite.browser, `${suite.server.url}/demo.html`);
      const popup = await openPopup(suite.browser, tabId);
      const popupPause = popup.getByRole('switch', { name: 'Tạm dừng trên mọi trang' });
      await popupPause.waitFor();
      expect(await popupPause.isChecked()).toBe(false);

      const options = await openOptions(suite.browser);
      await options.getByRole('radio', { name: 'Chỉ lần đầu mỗi tên trong một bài' }).check();
      await options.getByRole('switch', { name: 'Tạm dừng trên mọi trang' }).click();
      await expect.poll(async () => (await stored(suite.browser)).settings).toMatchObject({ markMode: 'first', paused: true });
      await expect.poll(() => popupPause.isChecked()).toBe(true);
      expect(await mentionsWhen(suite.browser, tabId, (r) => !r.active)).toEqual({ active: false, reason: 'paused', mentions: [] });
    });
  });

  describe('settings storage', () => {
    it('recovers from corrupted values, keeping the valid sites', async () => {
      await setStored(suite.browser, {
        settings: { disabledSites: ['127.0.0.1', 42, { evil: true }, 'not a host!'], paused: 'maybe', hiddenEntities: 'x', markMode: 7 },
        settings$: { v: 2 },
      });
      const { tabId } = await openPage(suite.browser, `${suite.server.url}/demo.html`);
      expect(await mentionsWhen(suite.browser, tabId, () => true)).toEqual({ active: false, reason: 'site-disabled', mentions: [] });
      const popup = await openPopup(suite.browser, tabId);
      const toggle = popup.getByRole('switch', { name: 'Bật trên 127.0.0.1' });
      await toggle.waitFor();
      expect(await toggle.isChecked()).toBe(false);
      expect(await popup.getByRole('switch', { name: 'Tạm dừng trên mọi trang' }).isChecked()).toBe(false);

      // Unreadable as a whole: defaults, and the popup still works and writes a clean value.
      await setStored(suite.browser, { settings: '{{{ not json', settings$: { v: 2 } });
      expect((await mentionsWhen(suite.browser, tabId, (r) => r.active)).active).toBe(true);
      await toggle.click();
      expect(await mentionsWhen(suite.browser, tabId, (r) => !r.active)).toEqual({ active: false, reason: 'site-disabled', mentions: [] });
      expect((await stored(suite.browser)).settings).toEqual({
        paused: false,
        disabledSites: ['127.0.0.1'],
        enabledSites: [],
        hiddenEntities: {},
        markMode: 'all',
        tapToExplain: null,
      });
    });

    it('migrates the settings of the previous version when the browser starts', async () => {
      const profileDir = mkdtempSync(join(tmpdir(), 'boi-canh-migrate-'));
      try {
        let browser = await suite.launch({ profileDir });
        // The shape version 1 stored, without a version mark.
        await setStored(browser, { settings: { disabledSites: ['127.0.0.1', 'vnexpress.net'], markMode: 'first' } });
        await browser.close();

        browser = await suite.launch({ profileDir });
        try {
          const { tabId } = await openPage(browser, `${suite.server.url}/demo.html`);
          expect(await mentionsWhen(browser, tabId, () => true)).toEqual({ active: false, reason: 'site-disabled', mentions: [] });
          await expect
            .poll(() => stored(browser))
            .toEqual({
              settings: {
                paused: false,
                disabledSites: ['127.0.0.1', 'vnexpress.net'],
                enabledSites: [],
                hiddenEntities: {},
                markMode: 'first',
                tapToExplain: null,
              },
              settings$: { v: 2 },
            });
        } finally {
          await browser.close();
        }
      } finally {
        rmSync(profileDir, { recursive: true, force: true });
      }
    });
  });
});
