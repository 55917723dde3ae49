/** The card a reader sees when hovering a mention. */
import { describe, expect, it } from 'vitest';
import { GRACE_MS } from '../../content/features/hover';
import { cardLog, hoverCard, inEachBrowser, openPage, openPopup, pastProductTimer, recordCards } from './helpers';
import { CARD_HOST_TAG } from '../../lib/constants';

inEachBrowser((suite) => {
  describe('the popover', () => {
    it('opens on hover with quoted facts and their sources, and closes on Escape', async () => {
      const { page } = await openPage(suite.browser, `${suite.server.url}/demo.html`);
      const card = await hoverCard(page, 'Hiệp ước Bầu trời mở', 'Hiệp ước Bầu trời mở');

      await expect.poll(() => card.locator('blockquote').count()).toBeGreaterThanOrEqual(2);
      const quotes = await card.locator('blockquote').allTextContents();
      expect(quotes[0]).toContain('Nhiều nước châu Âu lấy làm tiếc trước việc Nga tuyên bố bắt đầu rút khỏi Hiệp ước Bầu trời Mở');
      expect(await card.locator('cite').first().textContent()).toContain('Trích từ');
      expect(await card.textContent()).toContain('Hiệp ước');
      // It lives in an open shadow root attached outside the page's body.
      expect(
        await page.evaluate((tag) => {
          const host = document.querySelector(tag);
          return !!host && !document.body.contains(host) && !!host.shadowRoot?.querySelector('[role="dialog"]');
        }, CARD_HOST_TAG),
      ).toBe(true);

      await page.keyboard.press('Escape');
      await card.waitFor({ state: 'hidden' });
    });

    it('stays open while the pointer travels into it, and closes once the pointer has left', async () => {
      const { page } = await openPage(suite.browser, `${suite.server.url}/demo.html`);
      await recordCards(page);
      const card = await hoverCard(page, 'Dmitry Peskov', 'Dmitry Peskov');
      const box = (await card.boundingBox())!;
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 8 });
      // Leaving the mention started the GRACE_MS close, at the latest on the way: past it, the card is still there and never closed.
      await pastProductTimer(page, GRACE_MS);
      expect(await card.isVisible()).toBe(true);
      expect(await cardLog(page)).toEqual(['Dmitry Peskov']);
      await page.mouse.move(5, 790);
      await card.waitFor({ state: 'hidden' });
    });

    it('gives a person’s role as of the article’s date when the article has one', async () => {
      const { page } = await openPage(suite.browser, `${suite.server.url}/demo.html`);
      // The summit article is dated 16/6/2021; the news briefs above it carry no date.
      const dated = await hoverCard(page, 'Tổng thống Mỹ Joe Biden', 'Joe Biden');
      expect(await dated.textContent()).toContain('Tổng thống Mỹ (vào 16/6/2021)');
      await page.keyboard.press('Escape');
      const undated = await hoverCard(page, 'người đồng cấp Mỹ Joe Biden', 'Joe Biden');
      expect(await undated.textContent()).toContain('Tổng thống Mỹ (20/1/2021–20/1/2025)');
    });

    it('says whom a role phrase meant, and as of when', async () => {
      const { page } = await openPage(suite.browser, `${suite.server.url}/demo.html`);
      // In the summit article, dated 16/6/2021.
      const dated = await hoverCard(page, 'Người đứng đầu Nhà Trắng', 'Joe Biden');
      expect(await dated.locator('.bc-meant').textContent()).toBe('Tổng thống Mỹ (6/2021): Joe Biden');
      await page.keyboard.press('Escape');
      // In the undated briefs: the holder is the one the page names.
      const undated = await hoverCard(page, 'Ngoại trưởng Nga nêu rõ', 'Sergei Lavrov');
      expect(await undated.locator('.bc-meant').textContent()).toBe('Ngoại trưởng Nga: Sergei Lavrov');
      await page.keyboard.press('Escape');
      const named = await hoverCard(page, 'Dmitry Peskov', 'Dmitry Peskov');
      expect(await named.locator('.bc-meant').count()).toBe(0);
    });

    it('shows the card of the mention under the pointer when titles and names sit side by side', async () => {
      const { page } = await openPage(suite.browser, `${suite.server.url}/demo.html`);
      await hoverCard(page, 'Tổng thống Mỹ Joe Biden', 'Joe Biden');
    });

    it('hands the entity to the popup on “see more”, which opens it in full', async () => {
      const { page, tabId } = await openPage(suite.browser, `${suite.server.url}/demo.html`);
      const card = await hoverCard(page, 'William Perry', 'William Perry');
      // The button has the background open the toolbar popup on the entity: the entity is left
      // for the popup, and the popup, once open, takes it.
      await suite.browser.inExtension((api) => {
        const seen: unknown[] = [];
        (globalThis as unknown as { pendingSeen: unknown[] }).pendingSeen = seen;
        api.storage.onChanged.addListener((changes, area) => {
          if (area === 'session' && 'pendingEntity' in changes) seen.push(changes.pendingEntity!.newValue ?? null);
        });
      });
      await card.getByRole('button', { name: /Xem đầy đủ/ }).click();
      await expect
        .poll(() => suite.browser.inExtension(() => (globalThis as unknown as { pendingSeen: unknown[] }).pendingSeen))
        .toEqual(['william-perry', null]);
      // The headless browser shows that popup where tests cannot see it; what it shows is
      // checked by handing it the entity the same way, as a page.
      await suite.browser.inExtension((api) => api.storage.session.set({ pendingEntity: 'william-perry' }));
      const popup = await openPopup(suite.browser, tabId);
      await popup.getByRole('heading', { level: 2, name: 'William Perry' }).waitFor();
      expect(await popup.locator('blockquote').first().textContent()).toContain('cựu Bộ trưởng Quôc phòng William Perry');
      expect(await suite.browser.inExtension((api) => api.storage.session.get(null))).toEqual({});
    });
  });
});
