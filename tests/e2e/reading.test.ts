/**
 * Reading with the cards: hover intent and grace, pinning, the keyboard path, placement at
 * the viewport's edge, the page's own colours, hostile page CSS, the English interface, and
 * accessibility checked with axe-core.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import {
  cardLog,
  frames,
  hoverCard,
  inEachBrowser,
  mentionsWhen,
  openPage,
  openPopup,
  pastProductTimer,
  pointAt,
  recordCards,
  type Elements,
  type TestPage,
} from './helpers';
import { ACTIVE_HIGHLIGHT_NAME, CARD_HOST_TAG, COMMANDS, SUGGESTED_KEYS } from '../../lib/constants';
import { GRACE_MS, INTENT_MS } from '../../content/features/hover';

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
    const axe = (
      window as unknown as {
        axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: Array<{ id: string; impact: string; nodes: unknown[] }> }> };
      }
    ).axe;
    const result = await axe.run({ include: [[sel]] }, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, count: v.nodes.length }));
  }, selector);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.count})`);
}

interface Rect {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/**
 * The card's box once Floating UI has placed it (it sets data-placement when it applies a
 * position) and the card has stopped moving (the same box two frames running).
 */
function placedCard(card: Elements): Promise<Rect & { placement: string }> {
  return card.evaluate(
    (el) =>
      new Promise<Rect & { placement: string }>((done, fail) => {
        let last = '';
        let left = 300;
        const tick = () => {
          const r = el.getBoundingClientRect();
          const box = { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
          const placement = (el as HTMLElement).dataset.placement;
          const now = JSON.stringify(box);
          if (placement && now === last) return done({ ...box, placement });
          last = placement ? now : '';
          if (--left === 0) return fail(new Error(`the card was never placed: data-placement ${placement ?? 'unset'}, box ${now}`));
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
  );
}

/** The client rects of the mark of the mention whose card is open (the active highlight). */
function activeMark(page: TestPage): Promise<Rect[]> {
  return page.evaluate((name) => {
    const ranges = [...(CSS.highlights.get(name) ?? [])] as Range[];
    return ranges.flatMap((range) =>
      [...range.getClientRects()].map((r) => ({ left: r.left, right: r.right, top: r.top, bottom: r.bottom })),
    );
  }, ACTIVE_HIGHLIGHT_NAME);
}

const intersects = (a: Rect, b: Rect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

inEachBrowser((suite) => {
  describe('hover timing', () => {
    it('opens no card while the pointer only crosses a mention', async () => {
      const { page } = await openPage(suite.browser, `${suite.server.url}/dark.html`);
      await recordCards(page);
      const start = await pointAt(page, 'Dmitry Peskov');
      await page.mouse.move(start.x - 200, start.y);
      // Across the name and on, in well under the hover intent.
      await page.mouse.move(start.x + 200, start.y, { steps: 4 });
      // A card the crossing had asked for opens INTENT_MS after it: wait that long (and two frames), and no card has opened since.
      await pastProductTimer(page, INTENT_MS);
      expect(await cardLog(page)).toEqual([]);
      expect(await page.getByRole('dialog').count()).toBe(0);
      // Resting on it opens the card.
      await page.mouse.move(start.x, start.y);
      await page.getByRole('dialog', { name: 'Dmitry Peskov' }).waitFor();
    });

    it('keeps a pinned card open when the pointer leaves and the page is clicked, until Escape', async () => {
      const { page } = await openPage(suite.browser, `${suite.server.url}/dark.html`);
      await recordCards(page);
      const card = await hoverCard(page, 'Hiệp ước New START', 'Hiệp ước New START');
      const pin = card.getByRole('button', { name: 'Ghim thẻ' });
      expect(await pin.getAttribute('aria-pressed')).toBe('false');
      await page.keyboard.press('p');
      expect(await pin.getAttribute('aria-pressed')).toBe('true');
      await page.mouse.move(5, 5);
      // Past the GRACE_MS after which the pointer leaving closes an unpinned card.
      await pastProductTimer(page, GRACE_MS);
      await page.mouse.click(5, 5);
      // A click elsewhere closes an unpinned card in its pointerdown handler: two frames on, it would be gone.
      await frames(page);
      expect(await card.isVisible()).toBe(true);
      // It never closed, not even for a moment.
      expect(await cardLog(page)).toEqual(['Hiệp ước New START']);
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
      const box = await placedCard(card);
      const mark = await activeMark(page);
      // The line of the mark under the pointer, which the card is placed against.
      const line = mark.find((r) => r.top <= mention!.y && mention!.y <= r.bottom);
      expect(line, `the active mark ${JSON.stringify(mark)} has no line at y ${mention!.y}`).toBeDefined();
      // Above it: its bottom just over the line's top (Floating UI's offset is 6 px), overlapping it sideways.
      expect(box.placement).toMatch(/^top/);
      expect(box.bottom).toBeLessThanOrEqual(line!.top + 0.5);
      expect(line!.top - box.bottom).toBeLessThanOrEqual(10);
      expect(box.left).toBeLessThan(line!.right);
      expect(box.right).toBeGreaterThan(line!.left);
      // Over no part of the mark, and inside the window.
      expect(mark.filter((r) => intersects(box, r))).toEqual([]);
      expect(box.top).toBeGreaterThanOrEqual(0);
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
      const marked = await mentionsWhen(suite.browser, tabId, (r) => r.mentions.length > 0);
      expect(marked.mentions.map((m) => m.text)).toContain('Ngoại trưởng Nga Sergei Lavrov');
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
        expect(await seriousViolations(page, CARD_HOST_TAG)).toEqual([]);
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
      await expect
        .poll(() => page.locator(`${CARD_HOST_TAG} [role="status"]`).textContent())
        .toContain('Đã ẩn “Dmitry Peskov” trên 127.0.0.1');
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
            return [...range.getClientRects()].map((r) => ({
              left: r.left + dx,
              right: r.right + dx,
              top: r.top + dy,
              bottom: r.bottom + dy,
            }));
          }
          return [];
        },
        [text, frameSelector ?? null] as const,
      );
    }

    /** Rests the pointer at a point until a card it asked for would have opened (INTENT_MS, and two frames). */
    async function restOn(page: TestPage, x: number, y: number) {
      await page.mouse.move(x, y);
      await pastProductTimer(page, INTENT_MS);
    }

    it('finds the mention under the pointer across a line wrap, in a scrolled box, in zoomed text and in a same-origin frame', async () => {
      const { page, tabId } = await openPage(suite.browser, `${suite.server.url}/layout.html`);
      const marked = await mentionsWhen(suite.browser, tabId, (r) => r.mentions.length >= 3);
      expect(marked.mentions.map((m) => m.entityId)).toEqual(['vladimir-putin', 'sergei-lavrov', 'jens-stoltenberg']);
      await recordCards(page);
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
      // Opened once, closed by Escape, and nothing since.
      expect(await cardLog(page)).toEqual(['Vladimir Putin', '']);
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
