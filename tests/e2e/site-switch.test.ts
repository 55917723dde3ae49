/** Turning Bối cảnh off and on for a site: at once in every tab, after a reload, after a restart. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { highlightCount, inEachBrowser, mentionsWhen, openPage, openPopup } from './helpers';

inEachBrowser((suite) => {
  describe('the site switch', () => {
    it('turns the site off and on again, live in every open tab and across reloads', async () => {
      const browser = await suite.launch();
      try {
        const a = await openPage(browser, `${suite.server.url}/demo.html`);
        const b = await openPage(browser, `${suite.server.url}/unlabelled.html`);
        const before = await mentionsWhen(browser, a.tabId, (r) => r.active && r.mentions.length > 0);
        expect(before.mentions.length).toBeGreaterThan(40);
        expect(await highlightCount(a.page)).toBe(before.mentions.length);
        expect((await mentionsWhen(browser, b.tabId, (r) => r.active)).mentions).toHaveLength(1);
        const popup = await openPopup(browser, a.tabId);
        const toggle = popup.getByRole('switch', { name: 'Bật trên 127.0.0.1' });
        await toggle.waitFor();
        expect(await toggle.isChecked()).toBe(true);

        await toggle.click();
        expect(await toggle.isChecked()).toBe(false);
        for (const tab of [a, b]) {
          const off = await mentionsWhen(browser, tab.tabId, (r) => !r.active);
          expect(off).toEqual({ active: false, reason: 'site-disabled', mentions: [] });
          expect(await highlightCount(tab.page)).toBe(0);
        }

        await a.page.reload();
        const afterReload = await mentionsWhen(browser, a.tabId, () => true);
        expect(afterReload).toEqual({ active: false, reason: 'site-disabled', mentions: [] });

        await toggle.click();
        expect(await toggle.isChecked()).toBe(true);
        const on = await mentionsWhen(browser, a.tabId, (r) => r.active && r.mentions.length > 0);
        expect(on.mentions.length).toBeGreaterThan(40);
        expect(await highlightCount(a.page)).toBe(on.mentions.length);
        expect((await mentionsWhen(browser, b.tabId, (r) => r.active)).mentions).toHaveLength(1);
      } finally {
        await browser.close();
      }
    });

    it('remembers a site turned off after the browser restarts', async () => {
      const profileDir = mkdtempSync(join(tmpdir(), 'boi-canh-persistent-'));
      try {
        let browser = await suite.launch({ profileDir });
        const { tabId } = await openPage(browser, `${suite.server.url}/demo.html`);
        const popup = await openPopup(browser, tabId);
        const toggle = popup.getByRole('switch', { name: 'Bật trên 127.0.0.1' });
        await toggle.click();
        expect(await mentionsWhen(browser, tabId, (r) => !r.active)).toEqual({ active: false, reason: 'site-disabled', mentions: [] });
        await browser.close();

        browser = await suite.launch({ profileDir });
        try {
          const again = await openPage(browser, `${suite.server.url}/demo.html`);
          expect(await mentionsWhen(browser, again.tabId, () => true)).toEqual({ active: false, reason: 'site-disabled', mentions: [] });
        } finally {
          await browser.close();
        }
      } finally {
        rmSync(profileDir, { recursive: true, force: true });
      }
    });
  });
});
