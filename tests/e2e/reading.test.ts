/**
 * Reading with the cards: hover intent and grace, pinning, the keyboard path, placement at
 * the viewport's edge, the page's own colours, hostile page CSS, the English interface, and
 * accessibility checked with axe-core.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { hoverCard, inEachBrowser, mentionsWhen, openPage, openPopup, pointAt, pressShortcut, type TestPage } from './helpers';
import { COMMANDS, SUGGESTED_KEYS } from '../../lib/constants';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The colour lightness (0 dark … 1 light) of a computed CSS colour. */
function lightness(rgb: string): number {
  const [r, g, b] = rgb.match(/[\d.]+/g)!.map(Number);
  return (0.2126 * r! + 0.7152 * g! + 0.0722 * b!) / 255;
}

/** Serious and critical axe violations inside `selector` (shadow roots included). */
async function seriousViolations(page: TestPage, selector: string): Promise<string[]> {
  // Evaluated through the debugger protocol, which the extension pages' CSP does not block.
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (sel) => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: Array<{ id: string; impact: string; nodes: unknown[] }> }> } }).axe;
    const result = await axe.run({ include: [[sel]] }, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, count: v.nodes.length }));
  }, selector);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.count})`);
}

/** The focused element, looking into open shadow roots: its class and text. */
function focused(page: TestPage): Promise<{ className: string; label: string | null } | null> {
  return page.evaluate(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active && active !== document.body ? { className: active.className, label: active.getAttribute('aria-labelledby') } : null;
  });
}

inEachBrowser((suite) => {
  describe('hover timing', () => {
    it('opens no card while the pointer only crosses a mention', async () => {
      const { page } = await openPage(suite.browser, `${suite.server.url}/dark.html`);
      const start = await pointAt(page, 'Dmitry Peskov');
      await page.mouse.move(start.x - 200, start.y);
      // Across the name and on, in well under the hover intent.
      await page.mouse.move(start.x + 200, start.y, { steps: 4 });
      await page.waitForTimeout(400);
      expect(await page.getByRole('dialog').count()).toBe(0);
      // Resting on it opens the card.
      await page.mouse.move(start.x, start.y);
      await page.getByRole('dialog', { name: 'Dmitry Peskov' }).waitFor();
    });

    it('keeps a pinned card open when the pointer leaves and the page is clicked, until Escape', async () => {
      const { page } = await openPage(suite.browser, `${suite.server.url}/dark.html`);
      const card = await hoverCard(page, 'Hiệp ước New START', 'Hiệp ước New START');
      const pin = card.getByRole('button', { name: 'Ghim thẻ' });
      expect(await pin.getAttribute('aria-pressed')).toBe('false');
      await page.keyboard.press('p');
      expect(await pin.getAttribute('aria-pressed')).toBe('true');
      await page.mouse.move(5, 5);
      await page.waitForTimeout(700);
      await page.mouse.click(5, 5);
      await page.waitForTimeout(200);
      expect(await card.isVisible()).toBe(true);
      // Its buttons still work: unpin with the button, and it closes like any card.
      await pin.click();
      expect(await pin.getAttribute('aria-pressed')).toBe('false');
      await page.keyboard.press('Escape');
      await card.waitFor({ state: 'hidden' });
    });

    it('closes when the mention is scrolled out of view', async () => {
      const { page } = await openPage(suite.browser, `${suite.server.url}/demo.html`);
      const card = await hoverCard(page, 'Dmitry Peskov', 'Dmitry Peskov');
      await page.mouse.wheel(0, 2000);
      await card.waitFor({ state: 'hidden' });
    });
  });

  describe('the keyboard path', () => {
    it('walks the mentions with the shortcut, focusing each card, and gives focus back on Escape', async () => {
      const { page, tabId } = await openPage(suite.browser, `${suite.server.url}/dark.html`);
      const { mentions } = await mentionsWhen(suite.browser, tabId, (r) => r.mentions.length >= 3);
      expect(mentions.map((m) => m.text)).toEqual(['Người phát ngôn Điện Kremlin Dmitry Peskov', 'Hiệp ước New START', 'ông Peskov']);
      await page.evaluate(() => {
        const input = document.createElement('input');
        input.id = 'search';
        document.body.prepend(input);
        input.focus();
      });

      await pressShortcut(suite.browser, tabId, 1);
      const first = page.getByRole('dialog', { name: 'Dmitry Peskov' });
      await first.waitFor();
      await expect.poll(() => focused(page)).toEqual({ className: 'bc-popover', label: 'bc-heading-dmitry-peskov' });
      // Announced to screen readers too.
      await expect.poll(() => page.locator('boi-canh-popover [role="status"]').textContent()).toContain('Dmitry Peskov');

      await pressShortcut(suite.browser, tabId, 1);
      await page.getByRole('dialog', { name: 'Hiệp ước New START' }).waitFor();
      await pressShortcut(suite.browser, tabId, 1);
      await page.getByRole('dialog', { name: 'Dmitry Peskov' }).waitFor();
      await pressShortcut(suite.browser, tabId, -1);
      await page.getByRole('dialog', { name: 'Hiệp ước New START' }).waitFor();
      // Tab reaches the card's buttons.
      await page.keyboard.press('Tab');
      expect((await focused(page))?.className).toContain('bc-pin');

      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'hidden' });
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('search');
    });

    it('has every shortcut on its suggested keys (none taken by the browser itself)', async () => {
      const commands = await suite.browser.inExtension((api) => api.commands.getAll());
      const shortcut = (name: string) => commands.find((c) => c.name === name)?.shortcut?.replace(/\s/g, '');
      for (const [command, keys] of Object.entries(SUGGESTED_KEYS)) expect(shortcut(command), command).toBe(keys);
      expect(Object.keys(SUGGESTED_KEYS).sort()).toEqual(Object.values(COMMANDS).sort());
    });
  });

  describe('placement and looks', () => {
    it('opens above a mention at the bottom of the window, never over it', async () => {
      const { page } = await openPage(suite.browser, `${suite.server.url}/demo.html`);
      // Scroll the mention to the window's bottom edge (room below the page's end, too), and read where it is.
      const mention = await page.evaluate(() => {
        document.body.style.paddingBottom = '1500px';
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const at = (node as Text).data.indexOf('Dmitry Peskov');
          if (at < 0) continue;
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + 'Dmitry Peskov'.length);
          window.scrollBy({ top: range.getBoundingClientRect().bottom - window.innerHeight + 12, behavior: 'instant' });
          const r = range.getClientRects()[0]!;
          return { x: r.left + 10, y: r.top + r.height / 2, top: r.top, bottom: r.bottom };
        }
        return null;
      });
      // Too little room below for any card.
      expect(800 - mention!.bottom).toBeLessThan(120);
      await page.mouse.move(mention!.x, mention!.y);
      const card = page.getByRole('dialog', { name: 'Dmitry Peskov' });
      await card.waitFor();
      await page.waitForTimeout(100);
      const box = (await card.boundingBox())!;
      expect(box.y + box.height).toBeLessThanOrEqual(mention!.top + 1);
      expect(box.y).toBeGreaterThanOrEqual(0);
    });

    it('matches a dark page with a dark card, and a light page with a light one whatever the system says', async () => {
      const { page } = await openPage(suite.browser, `${suite.server.url}/dark.html`);
      const dark = await hoverCard(page, 'Dmitry Peskov', 'Dmitry Peskov');
      const [background, text] = await dark.evaluate((el) => [getComputedStyle(el).backgroundColor, getComputedStyle(el).color]);
      expect(lightness(background!)).toBeLessThan(0.2);
      expect(lightness(text!)).toBeGreaterThan(0.8);

      const system = await suite.launch({ colorScheme: 'dark' });
      try {
        const light = await openPage(system, `${suite.server.url}/demo.html`);
        const card = await hoverCard(light.page, 'Dmitry Peskov', 'Dmitry Peskov');
        expect(lightness(await card.evaluate((el) => getComputedStyle(el).backgroundColor))).toBeGreaterThan(0.9);
        // A page that sets no colours follows the system.
        const plain = await openPage(system, `${suite.server.url}/unlabelled.html`);
        const plainCard = await hoverCard(plain.page, 'Dmitry Peskov', 'Dmitry Peskov');
        expect(lightness(await plainCard.evaluate((el) => getComputedStyle(el).backgroundColor))).toBeLessThan(0.2);
      } finally {
        await system.close();
      }
    });

    it('keeps its own looks on a page whose CSS styles everything it can reach', async () => {
      const { page, tabId } = await openPage(suite.browser, `${suite.server.url}/hostile.html`);
      await mentionsWhen(suite.browser, tabId, (r) => r.mentions.length > 0);
      const card = await hoverCard(page, 'Sergei Lavrov', 'Sergei Lavrov');
      const looks = await card.evaluate((el) => {
        const style = getComputedStyle(el);
        const quote = el.querySelector('blockquote')!;
        return {
          fontSize: style.fontSize,
          letterSpacing: style.letterSpacing,
          color: style.color,
          quoteShown: getComputedStyle(quote).display !== 'none',
          width: el.getBoundingClientRect().width,
          buttons: [...el.querySelectorAll('button')].every((b) => getComputedStyle(b).display !== 'none'),
        };
      });
      expect(looks.fontSize).toBe('14px');
      expect(looks.letterSpacing).toBe('normal');
      expect(looks.color).not.toBe('rgb(255, 0, 255)');
      expect(looks.quoteShown).toBe(true);
      expect(looks.buttons).toBe(true);
      expect(looks.width).toBeLessThanOrEqual(380);
      expect(looks.width).toBeGreaterThan(200);
    });
  });

  describe('the interface language', () => {
    it('speaks English in an English browser', async () => {
      const english = await suite.launch({ locale: 'en-US' });
      try {
        const { page, tabId } = await openPage(english, `${suite.server.url}/dark.html`);
        const card = await hoverCard(page, 'Hiệp ước New START', 'Hiệp ước New START');
        const text = await card.textContent();
        expect(text).toContain('Treaty');
        expect(text).toContain('Quoted from');
        expect(text).toContain('Marked because the page says');
        expect(text).not.toMatch(/Trích từ|Dữ kiện|Đóng|Ghim/);
        expect(await card.getByRole('button', { name: 'Pin card' }).isVisible()).toBe(true);
        expect(await card.getByRole('button', { name: 'Close' }).isVisible()).toBe(true);
        const popup = await openPopup(english, tabId);
        await popup.getByRole('searchbox', { name: 'Search the Bối cảnh dataset' }).waitFor();
      } finally {
        await english.close();
      }
    });
  });

  describe('accessibility', () => {
    it('has no serious or critical axe violation in the card, light or dark', async () => {
      for (const file of ['demo.html', 'dark.html']) {
        const { page } = await openPage(suite.browser, `${suite.server.url}/${file}`);
        await hoverCard(page, 'Dmitry Peskov', 'Dmitry Peskov');
        expect(await seriousViolations(page, 'boi-canh-popover')).toEqual([]);
      }
    });

    it('has no serious or critical axe violation in the popup', async () => {
      const { tabId } = await openPage(suite.browser, `${suite.server.url}/demo.html`);
      const popup = await openPopup(suite.browser, tabId);
      await popup.getByRole('searchbox').waitFor();
      await popup.getByRole('button', { name: /Vladimir Putin/ }).waitFor();
      expect(await seriousViolations(popup, 'body')).toEqual([]);
      await popup.getByRole('searchbox').fill('bau troi mo');
      await popup.getByRole('list').first().waitFor();
      expect(await seriousViolations(popup, 'body')).toEqual([]);
    });
  });

  describe('not this', () => {
    it('hides an entity on this site from its card, at once and after a reload, until the popup shows it again', async () => {
      const { page, tabId } = await openPage(suite.browser, `${suite.server.url}/dark.html`);
      const before = await mentionsWhen(suite.browser, tabId, (r) => r.mentions.length >= 3);
      expect(before.mentions.map((m) => m.entityId)).toEqual(['dmitry-peskov', 'new-start', 'dmitry-peskov']);
      const card = await hoverCard(page, 'Dmitry Peskov', 'Dmitry Peskov');
      await card.getByRole('button', { name: /Ẩn trên trang web này/ }).click();
      await card.waitFor({ state: 'hidden' });
      const after = await mentionsWhen(suite.browser, tabId, (r) => r.mentions.length === 1);
      expect(after.mentions.map((m) => m.text)).toEqual(['Hiệp ước New START']);
      await expect.poll(() => page.locator('boi-canh-popover [role="status"]').textContent()).toContain('Đã ẩn “Dmitry Peskov” trên 127.0.0.1');
      await page.reload();
      const reloaded = await mentionsWhen(suite.browser, tabId, (r) => r.active && r.mentions.length > 0);
      expect(reloaded.mentions.map((m) => m.text)).toEqual(['Hiệp ước New START']);
      // The popup lists it among the names hidden here, and shows it again.
      const popup = await openPopup(suite.browser, tabId);
      await popup.getByRole('button', { name: 'Hiện lại Dmitry Peskov' }).click();
      const back = await mentionsWhen(suite.browser, tabId, (r) => r.mentions.length === 3);
      expect(back.mentions.map((m) => m.entityId)).toEqual(['dmitry-peskov', 'new-start', 'dmitry-peskov']);
    });
  });

  describe('hit testing', () => {
    /** Client rects of `text` in a frame's document. */
    async function rectsOf(page: TestPage, text: string, frameSelector?: string) {
      return page.evaluate(
        ([needle, frameSel]) => {
          // A same-origin frame's document, its rects moved by where the frame's content box starts.
          const frame = frameSel ? (document.querySelector(frameSel) as HTMLIFrameElement) : null;
          const doc = frame ? frame.contentDocument! : document;
          const box = frame?.getBoundingClientRect();
          const dx = frame ? box!.left + frame.clientLeft : 0;
          const dy = frame ? box!.top + frame.clientTop : 0;
          const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const at = (node as Text).data.indexOf(needle);
            if (at < 0) continue;
            const range = doc.createRange();
            range.setStart(node, at);
            range.setEnd(node, at + needle.length);
            return [...range.getClientRects()].map((r) => ({ left: r.left + dx, right: r.right + dx, top: r.top + dy, bottom: r.bottom + dy }));
          }
          return [];
        },
        [text, frameSelector ?? null] as const,
      );
    }

    async function restOn(page: TestPage, x: number, y: number) {
      await page.mouse.move(x, y);
      await page.waitForTimeout(350);
    }

    it('finds the mention under the pointer across a line wrap, in a scrolled box, in zoomed text and in a same-origin frame', async () => {
      const { page, tabId } = await openPage(suite.browser, `${suite.server.url}/layout.html`);
      await mentionsWhen(suite.browser, tabId, (r) => r.mentions.length >= 3);
      await page.evaluate(() => document.getElementById('scroller')!.scrollTo(0, 240));

      // The name wraps: its second line is the same mention; past the end of its first line is nothing.
      const wrapped = await rectsOf(page, 'Tổng thống Nga Vladimir Putin');
      expect(wrapped.length).toBeGreaterThan(1);
      const last = wrapped[wrapped.length - 1]!;
      await restOn(page, last.left + 4, (last.top + last.bottom) / 2);
      await page.getByRole('dialog', { name: 'Vladimir Putin' }).waitFor();
      await page.keyboard.press('Escape');
      const body = await page.locator('#narrow').boundingBox();
      await restOn(page, body!.x + body!.width + 40, (wrapped[0]!.top + wrapped[0]!.bottom) / 2);
      expect(await page.getByRole('dialog').count()).toBe(0);

      const scrolled = (await rectsOf(page, 'Sergei Lavrov'))[0]!;
      await restOn(page, scrolled.left + 6, (scrolled.top + scrolled.bottom) / 2);
      await page.getByRole('dialog', { name: 'Sergei Lavrov' }).waitFor();
      await page.keyboard.press('Escape');

      const zoomed = (await rectsOf(page, 'Jens Stoltenberg'))[0]!;
      await restOn(page, zoomed.right - 6, (zoomed.top + zoomed.bottom) / 2);
      await page.getByRole('dialog', { name: 'Jens Stoltenberg' }).waitFor();
      await page.keyboard.press('Escape');

      await page.locator('iframe').evaluate((frame) => frame.scrollIntoView({ block: 'nearest' }));
      const framed = (await rectsOf(page, 'Dmitry Peskov', 'iframe'))[0]!;
      await restOn(page, framed.left + 6, (framed.top + framed.bottom) / 2);
      await page.frameLocator('iframe').getByRole('dialog', { name: 'Dmitry Peskov' }).waitFor();
      // The page's own list stays the page's: the frame does not answer for the tab.
      const own = await mentionsWhen(suite.browser, tabId, () => true);
      expect(own.mentions.map((m) => m.entityId)).toEqual(['vladimir-putin', 'sergei-lavrov', 'jens-stoltenberg']);
    });
  });
});
