/** Marks on real pages in each browser, read back through `get-mentions` as the popup reads them. */
import { describe, expect, it } from 'vitest';
import { getMentions, highlightCount, inEachBrowser, mentionsWhen, openPage } from './helpers';

/** Every treaty and official the seed articles name. */
const SEED_TREATIES_AND_OFFICIALS = [
  'new-start',
  'open-skies',
  'inf',
  'vladimir-putin',
  'joe-biden',
  'donald-trump',
  'sergei-lavrov',
  'vladimir-chizhov',
  'dmitry-peskov',
  'sergei-ryabkov',
  'william-perry',
  'jens-stoltenberg',
  'tom-block',
];

inEachBrowser((suite) => {
  describe('marks on the demo page', () => {
    it('marks every treaty and official the seeds name, leaving the page’s DOM as it was', async () => {
      const page = await suite.browser.newPage();
      await page.addInitScript(() => {
        document.addEventListener('DOMContentLoaded', () => {
          (window as unknown as { bodyBefore: string }).bodyBefore = document.body.innerHTML;
        });
      });
      await page.goto(`${suite.server.url}/demo.html`);
      const tabId = await suite.browser.tabIdOf(page);
      const response = await mentionsWhen(suite.browser, tabId, (r) => r.active && r.mentions.length > 0);

      expect(response.active).toBe(true);
      const found = new Set(response.mentions.map((m) => m.entityId));
      for (const id of SEED_TREATIES_AND_OFFICIALS) expect(found, id).toContain(id);

      // The first sentence: one mention with its title, then the counterpart's.
      expect(response.mentions.slice(0, 2)).toEqual([
        { entityId: 'vladimir-putin', name: 'Vladimir Putin', kind: 'person', text: 'Tổng thống Nga Vladimir Putin' },
        { entityId: 'joe-biden', name: 'Joe Biden', kind: 'person', text: 'người đồng cấp Mỹ Joe Biden' },
      ]);
      expect(response.mentions).toContainEqual({
        entityId: 'new-start',
        name: 'Hiệp ước New START',
        kind: 'treaty',
        text: 'Hiệp ước cắt giảm vũ khí tấn công chiến lược giai đoạn 3',
      });

      // Each mark is text that stands on the page, and each is painted.
      const bodyText = await page.evaluate(() => document.body.textContent ?? '');
      for (const m of response.mentions) expect(bodyText).toContain(m.text);
      expect(await highlightCount(page)).toBe(response.mentions.length);
      expect(await page.evaluate(() => document.body.innerHTML === (window as unknown as { bodyBefore: string }).bodyBefore)).toBe(true);
    });

    it('finds the same mentions in NFD text and in text without diacritics', async () => {
      const entities = async (file: string) => {
        const { tabId } = await openPage(suite.browser, `${suite.server.url}/${file}`);
        const r = await mentionsWhen(suite.browser, tabId, (m) => m.active && m.mentions.length > 0);
        return r.mentions.map((m) => m.entityId);
      };
      const nfc = await entities('demo.html');
      expect(await entities('demo-nfd.html')).toEqual(nfc);
      expect(await entities('demo-bare.html')).toEqual(nfc);
    });
  });

  describe('what is never marked', () => {
    it('leaves form fields, editable regions, buttons and code alone', async () => {
      const { page, tabId } = await openPage(suite.browser, `${suite.server.url}/fields.html`);
      const response = await mentionsWhen(suite.browser, tabId, (r) => r.mentions.length >= 3);
      expect(response.mentions.map((m) => [m.entityId, m.text])).toEqual([
        ['joe-biden', 'Tổng thống Joe Biden'],
        ['vladimir-putin', 'Tổng thống Nga Vladimir Putin'],
        ['dmitry-peskov', 'Ông Peskov'],
      ]);
      // Typing in the fields still works and is not touched.
      await page.locator('#body').fill('Ông Putin và NATO');
      await page.locator('#editor').click();
      await page.keyboard.type(' Jens Stoltenberg');
      expect(await page.locator('#body').inputValue()).toBe('Ông Putin và NATO');
      expect(await page.locator('#editor').textContent()).toContain('Jens Stoltenberg');
      expect((await getMentions(suite.browser, tabId)).mentions).toHaveLength(3);
    });

    it('stays off on a page that is not Vietnamese', async () => {
      const { page, tabId } = await openPage(suite.browser, `${suite.server.url}/english.html`);
      expect(await getMentions(suite.browser, tabId)).toEqual({ active: false, reason: 'not-vietnamese', mentions: [] });
      expect(await highlightCount(page)).toBe(0);
    });

    it('recognises a Vietnamese page that has no lang attribute', async () => {
      const { tabId } = await openPage(suite.browser, `${suite.server.url}/unlabelled.html`);
      const response = await mentionsWhen(suite.browser, tabId, (r) => r.active && r.mentions.length > 0);
      expect(response.mentions).toEqual([
        { entityId: 'dmitry-peskov', name: 'Dmitry Peskov', kind: 'person', text: 'Người phát ngôn Điện Kremlin Dmitry Peskov' },
      ]);
    });
  });

  describe('pages that change', () => {
    it('marks text added to the page and forgets text removed from it', async () => {
      const { page, tabId } = await openPage(suite.browser, `${suite.server.url}/unlabelled.html`);
      await page.evaluate(() => {
        const p = document.createElement('p');
        p.id = 'added';
        p.textContent = 'Tổng thư ký NATO Jens Stoltenberg lên tiếng.';
        document.querySelector('.content')!.append(p);
      });
      const added = await mentionsWhen(suite.browser, tabId, (r) => r.mentions.some((m) => m.entityId === 'jens-stoltenberg'));
      expect(added.mentions.map((m) => m.text)).toEqual([
        'Người phát ngôn Điện Kremlin Dmitry Peskov',
        'Tổng thư ký NATO Jens Stoltenberg',
      ]);
      await page.evaluate(() => document.getElementById('added')!.remove());
      const removed = await mentionsWhen(suite.browser, tabId, (r) => r.mentions.length === 1);
      expect(removed.mentions.map((m) => m.entityId)).toEqual(['dmitry-peskov']);
      expect(await highlightCount(page)).toBe(1);
    });

    it('recognises a page whose Vietnamese text arrives after load', async () => {
      const { tabId } = await openPage(suite.browser, `${suite.server.url}/late.html`);
      const response = await mentionsWhen(suite.browser, tabId, (r) => r.active && r.mentions.length > 0);
      expect(response.mentions.map((m) => m.text)).toEqual(['Tổng thư ký NATO Jens Stoltenberg']);
    });
  });
});
