/**
 * The keyboard commands through the background's own `commands.onCommand` listener: the next
 * and previous mention, with the card focused and focus given back, and the site switch.
 */
import { describe, expect, it } from 'vitest';
import { highlightCount, inEachBrowser, mentionsWhen, openPage, type TestPage } from './helpers';
import { ACTIVE_HIGHLIGHT_NAME, COMMANDS } from '../../lib/constants';
import { CARD_HOST_TAG } from '../../lib/constants';

/** The focused element, looking into open shadow roots: its class and the heading it is labelled by. */
function focused(page: TestPage): Promise<{ className: string; label: string | null } | null> {
  return page.evaluate(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active && active !== document.body ? { className: active.className, label: active.getAttribute('aria-labelledby') } : null;
  });
}

/** The text of the mention marked as the one whose card is open, as the page paints it. */
function activeMention(page: TestPage): Promise<string | null> {
  return page.evaluate((name) => {
    const highlight = CSS.highlights.get(name);
    return highlight ? [...highlight].map((range) => range.toString()).join(' | ') : null;
  }, ACTIVE_HIGHLIGHT_NAME);
}

inEachBrowser((suite) => {
  describe('the keyboard commands', () => {
    it('next-mention opens and focuses the card of the first mention, then the second; previous-mention goes back', async () => {
      const { page, tabId } = await openPage(suite.browser, `${suite.server.url}/dark.html`);
      const { mentions } = await mentionsWhen(suite.browser, tabId, (r) => r.mentions.length >= 3);
      expect(mentions.map((m) => m.text)).toEqual(['Người phát ngôn Điện Kremlin Dmitry Peskov', 'Hiệp ước New START', 'ông Peskov']);
      // The reader was typing in the page's own search box.
      await page.evaluate(() => {
        const input = document.createElement('input');
        input.id = 'search';
        document.body.prepend(input);
        input.focus();
      });

      await suite.browser.runCommand(page, COMMANDS.nextMention);
      await page.getByRole('dialog', { name: 'Dmitry Peskov' }).waitFor();
      await expect.poll(() => activeMention(page)).toBe('Người phát ngôn Điện Kremlin Dmitry Peskov');
      await expect.poll(() => focused(page)).toEqual({ className: 'bc-popover', label: 'bc-heading-dmitry-peskov' });
      // Announced to screen readers too.
      await expect.poll(() => page.locator(`${CARD_HOST_TAG} [role="status"]`).textContent()).toContain('Dmitry Peskov');

      await suite.browser.runCommand(page, COMMANDS.nextMention);
      await page.getByRole('dialog', { name: 'Hiệp ước New START' }).waitFor();
      await expect.poll(() => activeMention(page)).toBe('Hiệp ước New START');
      await expect.poll(() => focused(page)).toEqual({ className: 'bc-popover', label: 'bc-heading-new-start' });

      await suite.browser.runCommand(page, COMMANDS.previousMention);
      await page.getByRole('dialog', { name: 'Dmitry Peskov' }).waitFor();
      await expect.poll(() => activeMention(page)).toBe('Người phát ngôn Điện Kremlin Dmitry Peskov');
      await expect.poll(() => focused(page)).toEqual({ className: 'bc-popover', label: 'bc-heading-dmitry-peskov' });

      // Tab reaches the card's buttons; Escape closes it and gives focus back where it was.
      await page.keyboard.press('Tab');
      expect((await focused(page))?.className).toContain('bc-pin');
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'hidden' });
      expect(await activeMention(page)).toBeNull();
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('search');
    });

    it('toggle-site turns the marks off on the page, and on again', async () => {
      await suite.browser.inExtension((api) => api.storage.local.clear());
      const { page, tabId } = await openPage(suite.browser, `${suite.server.url}/demo.html`);
      const on = await mentionsWhen(suite.browser, tabId, (r) => r.active && r.mentions.length > 0);
      expect(on.mentions.length).toBeGreaterThan(40);
      expect(await highlightCount(page)).toBe(on.mentions.length);

      await suite.browser.runCommand(page, COMMANDS.toggleSite);
      await expect.poll(() => highlightCount(page), { timeout: 10_000 }).toBe(0);
      expect(await mentionsWhen(suite.browser, tabId, (r) => !r.active)).toEqual({ active: false, reason: 'site-disabled', mentions: [] });

      await suite.browser.runCommand(page, COMMANDS.toggleSite);
      const back = await mentionsWhen(suite.browser, tabId, (r) => r.active && r.mentions.length > 0);
      expect(back.mentions).toEqual(on.mentions);
      await expect.poll(() => highlightCount(page), { timeout: 10_000 }).toBe(on.mentions.length);
    });
  });
});
