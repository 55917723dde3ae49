/**
 * Bối cảnh on a phone, in each browser's touch emulation (a 390×844 viewport with a touch
 * screen: scripts/browser/driver, LaunchOptions.phone): a tap opens the card as a bottom
 * sheet, a marked link is followed on the second tap, a tap outside or a swipe down closes
 * it, and what a tap must not disturb (a long press's selection, a form field, a link with
 * no mark) stays the page's. docs/browsers.md says what each browser's emulation lacks.
 */
import { describe, expect, it } from 'vitest';
import { CARD_HOST_TAG, SHEET_MAX_HEIGHT } from '../../lib/constants';
import { violations } from './axe';
import {
  cardLog,
  inEachBrowser,
  mentionsWhen,
  openPage,
  openPopup,
  pageWhen,
  pastProductTimer,
  pointAt,
  recordCards,
  type TestPage,
} from './helpers';

/** The phone the tests hold: its viewport in CSS px. */
const PHONE = { width: 390, height: 844 };
/** The narrowest phones in common use. */
const SMALL_PHONE = { width: 360, height: 780 };
/** The longest a tap may take to show its card, from the finger lifting to the card on screen. */
const TAP_TO_CARD_MS = 300;

/** The open card's box and layout, read in the page once it has stopped moving (its entry animation done). */
function sheetBox(page: TestPage) {
  return pageWhen(
    page,
    'the card to settle',
    (tag) => {
      const dialog = document.querySelector(tag)?.shadowRoot?.querySelector<HTMLElement>('[role="dialog"]');
      if (!dialog) return null;
      const r = dialog.getBoundingClientRect();
      return {
        layout: dialog.dataset.layout ?? '',
        left: r.left,
        top: r.top,
        width: r.width,
        height: r.height,
        bottom: r.bottom,
        moving: dialog.getAnimations().some((a) => a.playState === 'running'),
      };
    },
    CARD_HOST_TAG,
    (box) => box !== null && !box.moving,
  );
}

/** Starts timing, in the page, from each finger's lifting to the first frame that shows a card. */
async function timeTapToCard(page: TestPage): Promise<void> {
  await page.evaluate((tag) => {
    const w = window as unknown as { __tapToCard: number | null };
    w.__tapToCard = null;
    let lifted = 0;
    addEventListener('pointerup', () => (lifted = performance.now()), { capture: true });
    const seen = () => {
      const dialog = document.querySelector(tag)?.shadowRoot?.querySelector('[role="dialog"]');
      if (dialog && w.__tapToCard === null && lifted) w.__tapToCard = performance.now() - lifted;
      else requestAnimationFrame(seen);
    };
    requestAnimationFrame(seen);
  }, CARD_HOST_TAG);
}

/** In the page: the first line box of the first occurrence of `needle`, where it is now (not scrolled to). */
function lineNow(needle: string): { left: number; top: number; width: number; bottom: number } | null {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = (node as Text).data.indexOf(needle);
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + needle.length);
    const r = range.getClientRects()[0]!;
    return { left: r.left, top: r.top, width: r.width, bottom: r.bottom };
  }
  return null;
}

/** Waits until the mention of `text` is on screen and above `top` (the sheet's top edge); gives its line box. */
function markAbove(page: TestPage, text: string, top: number) {
  return pageWhen(page, `"${text}" above the sheet`, lineNow, text, (line) => line !== null && line.top >= 0 && line.bottom <= top);
}

/** Waits for the page to show an address holding `part`; a page still navigating is asked again. */
async function navigatedTo(page: TestPage, part: string): Promise<void> {
  const until = Date.now() + 10_000;
  let last = '';
  for (;;) {
    last = await page.url().catch(() => last);
    if (last.includes(part)) return;
    if (Date.now() > until) throw new Error(`the link to "${part}" was not followed within 10 s; the page is at ${last}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function tapOn(page: TestPage, text: string): Promise<void> {
  const point = await pointAt(page, text);
  await page.touch.tap(point.x, point.y);
}

inEachBrowser(
  (suite) => {
    describe('on a phone', () => {
      it('opens the card as a sheet within 300 ms of a tap, and a tap outside closes it', async () => {
        const { page } = await openPage(suite.browser, `${suite.server.url}/touch.html`);
        expect(await page.evaluate(() => [innerWidth, innerHeight])).toEqual([PHONE.width, PHONE.height]);
        await timeTapToCard(page);
        await tapOn(page, 'Vladimir Putin');
        const card = page.getByRole('dialog', { name: /Vladimir Putin/ });
        await card.waitFor({ state: 'visible' });
        const ms = await page.evaluate(() => (window as unknown as { __tapToCard: number | null }).__tapToCard);
        expect(ms, 'ms from the finger lifting to the card').not.toBeNull();
        expect(ms!).toBeLessThanOrEqual(TAP_TO_CARD_MS);

        await tapOn(page, 'cho biết');
        await card.waitFor({ state: 'hidden' });
      });

      it('lays the sheet along the bottom, at most 60% of the viewport high, with the mention above it', async () => {
        const { page } = await openPage(suite.browser, `${suite.server.url}/touch.html`);
        // Centred on the screen by pointAt: under where the sheet will be.
        await tapOn(page, 'Sergei Lavrov');
        await page.getByRole('dialog', { name: /Sergei Lavrov/ }).waitFor({ state: 'visible' });
        const box = await sheetBox(page);
        expect(box!.layout).toBe('sheet');
        expect(box!.left).toBe(0);
        expect(box!.width).toBe(PHONE.width);
        expect(Math.abs(box!.bottom - PHONE.height)).toBeLessThanOrEqual(1);
        expect(box!.height).toBeLessThanOrEqual(Math.round(PHONE.height * SHEET_MAX_HEIGHT) + 1);
        expect(box!.height).toBeGreaterThan(200);
        // The page scrolled so that the mention sits above the sheet.
        await markAbove(page, 'Sergei Lavrov', box!.top);
        expect(
          await violations(page, {
            inShadow: [CARD_HOST_TAG, '[role="dialog"]'],
            impacts: ['serious', 'critical'],
            tags: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'],
          }),
        ).toEqual([]);
      });

      it('opens the card on the first tap of a marked link, offering the link, and follows it on the second', async () => {
        const { page } = await openPage(suite.browser, `${suite.server.url}/touch.html`);
        const start = await page.url();
        await tapOn(page, 'Dmitry Peskov');
        const card = page.getByRole('dialog', { name: /Dmitry Peskov/ });
        await card.waitFor({ state: 'visible' });
        expect(await card.getByRole('link', { name: 'Mở liên kết “Dmitry Peskov”' }).getAttribute('href')).toBe(
          `${suite.server.url}/touch-next.html?from=mark`,
        );
        expect(await page.url()).toBe(start);

        // The mark is scrolled into sight above the sheet, so the second tap finds it.
        const box = await sheetBox(page);
        const line = (await markAbove(page, 'Dmitry Peskov', box!.top))!;
        // Tapped where it now is, above the sheet.
        await page.touch.tap(line.left + line.width / 2, (line.top + line.bottom) / 2);
        await navigatedTo(page, 'touch-next.html?from=mark');
      });

      it('follows the link from the card', async () => {
        const { page } = await openPage(suite.browser, `${suite.server.url}/touch.html`);
        await tapOn(page, 'Dmitry Peskov');
        const card = page.getByRole('dialog', { name: /Dmitry Peskov/ });
        const offer = card.getByRole('link', { name: 'Mở liên kết “Dmitry Peskov”' });
        const point = await offer.boundingBox();
        await page.touch.tap(point!.x + 10, point!.y + point!.height / 2);
        await navigatedTo(page, 'touch-next.html?from=mark');
      });

      it('leaves a link with no mark and a form field to the page', async () => {
        const { page } = await openPage(suite.browser, `${suite.server.url}/touch.html`);
        const field = page.locator('#comment');
        const box = await field.boundingBox();
        await page.touch.tap(box!.x + box!.width / 2, box!.y + box!.height / 2);
        await pageWhen(
          page,
          'the field focused',
          () => document.activeElement?.id ?? '',
          undefined,
          (id) => id === 'comment',
        );
        expect(await page.getByRole('dialog').count()).toBe(0);

        await tapOn(page, 'các bài về Geneva');
        await navigatedTo(page, 'from=plain-link');
      });

      it('closes the sheet on a swipe down', async () => {
        const { page } = await openPage(suite.browser, `${suite.server.url}/touch.html`);
        await tapOn(page, 'Vladimir Putin');
        const card = page.getByRole('dialog', { name: /Vladimir Putin/ });
        await card.waitFor({ state: 'visible' });
        const box = await sheetBox(page);
        await page.touch.swipe({ x: 195, y: box!.top + 12 }, { x: 195, y: box!.top + 240 }, 8);
        await card.waitFor({ state: 'hidden' });
      });

      it('still selects a word on a long press, and opens no card for it', async () => {
        const { page } = await openPage(suite.browser, `${suite.server.url}/touch.html`);
        const point = await pointAt(page, 'nhắc tới');
        await page.touch.longPress(point.x, point.y, 900);
        await pageWhen(
          page,
          'a word selected',
          () => getSelection()?.toString() ?? '',
          undefined,
          (text) => text.trim().length > 0,
        );
        expect(await page.getByRole('dialog').count()).toBe(0);
      });

      it('opens nothing when the reader turned "Tap to explain" off, and a marked link is followed at once', async () => {
        const options = await suite.browser.openExtensionPage('options.html');
        const box = options.getByRole('checkbox', { name: 'Chạm để xem bối cảnh' });
        // On by default: this phone has a touch screen.
        expect(await box.isChecked()).toBe(true);
        await box.click();
        await expect
          .poll(() => suite.browser.inExtension(async (api) => (await api.storage.local.get('settings')).settings), { timeout: 10_000 })
          .toMatchObject({ tapToExplain: false });
        try {
          const { page, tabId } = await openPage(suite.browser, `${suite.server.url}/touch.html`);
          await mentionsWhen(suite.browser, tabId, (r) => r.mentions.length > 0);
          await recordCards(page);
          await tapOn(page, 'Vladimir Putin');
          // A card would have shown within TAP_TO_CARD_MS of the tap.
          await pastProductTimer(page, TAP_TO_CARD_MS);
          expect(await cardLog(page)).toEqual([]);
          await tapOn(page, 'Dmitry Peskov');
          await navigatedTo(page, 'from=mark');
        } finally {
          await options.bringToFront();
          await box.click();
          await options.close();
        }
      });

      it('fits the popup and the options page to a 360 px phone', async () => {
        const { page, tabId } = await openPage(suite.browser, `${suite.server.url}/touch.html`);
        const popup = await openPopup(suite.browser, tabId);
        // A small phone: narrower than the toolbar popup's own 380 px.
        await popup.setViewportSize(SMALL_PHONE);
        await popup.getByRole('button', { name: /Vladimir Putin/ }).waitFor();
        await popup.getByRole('searchbox').fill('bau troi mo');
        await popup.locator('.body[data-query="bau troi mo"][data-complete="true"]').waitFor();
        // Nothing wider than the screen, and no page zoomed out to fit something wider.
        const fits = (page: TestPage) => page.evaluate(() => ({ content: document.documentElement.scrollWidth, viewport: innerWidth }));
        expect(await fits(popup)).toEqual({ content: SMALL_PHONE.width, viewport: SMALL_PHONE.width });
        const options = await suite.browser.openExtensionPage('options.html');
        await options.setViewportSize(SMALL_PHONE);
        await options.getByRole('heading', { level: 1 }).waitFor();
        expect(await fits(options)).toEqual({ content: SMALL_PHONE.width, viewport: SMALL_PHONE.width });
        await Promise.all([popup.close(), options.close(), page.close()]);
      });
    });
  },
  { launch: { phone: true } },
);
