/**
 * The demo: a browser with the built extension on a news page made from the dataset.
 *
 *   npm run demo                          opens Chromium on the demo page
 *   npm run demo -- --browser firefox     the same in Firefox (ESR), with the Firefox build
 *   npm run demo -- --phone               the same as a phone would show it (390×844, touch)
 *   npm run demo -- --screenshot DIR      headless: saves PNGs of cards (light, dark, English,
 *                                         opened from the keyboard, a role), of the popup and
 *                                         of the options page, and at phone size of the
 *                                         card's sheet (light, dark) and of the popup
 *
 * Either way it prints what Bối cảnh found on the page. On a machine with no display, it
 * runs headless and says so.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { MentionsResponse } from '../lib/messages';
import { launcher, type BrowserName, type TestBrowser, type TestPage } from './browser/driver';
import { mentionsWhen, pointAt } from './browser/driver/actions';
import { COMMANDS } from '../lib/constants';
import { serveGenerated } from './browser/server';
import { renderDemoPage } from './demo-page';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const shotIndex = args.indexOf('--screenshot');
const screenshotDir = shotIndex >= 0 ? resolve(args[shotIndex + 1] ?? 'docs/screenshots') : null;
const hasDisplay = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const headless = screenshotDir !== null || args.includes('--headless') || !hasDisplay;
const browserIndex = args.indexOf('--browser');
const browserName = (browserIndex >= 0 ? args[browserIndex + 1] : 'chromium') as BrowserName;
if (browserName !== 'chromium' && browserName !== 'firefox') throw new Error(`--browser: chromium or firefox, not "${browserName}"`);
const launch = launcher(browserName);
const phone = args.includes('--phone');

function printSummary(response: MentionsResponse): void {
  if (!response.active) {
    console.log(`Bối cảnh is not active on the demo page (${response.reason}).`);
    return;
  }
  const counts = new Map<string, number>();
  for (const m of response.mentions) counts.set(m.name, (counts.get(m.name) ?? 0) + 1);
  console.log(`Bối cảnh marked ${response.mentions.length} mentions of ${counts.size} entities on the demo page:`);
  for (const [name, count] of [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'vi'))) {
    console.log(`  ${String(count).padStart(3)}  ${name}`);
  }
}

/** The page in a reader's dark theme: what a dark news site looks like. */
const DARK_PAGE_CSS = `body{background:#15181c!important;color:#e4e6e9!important}
  .site-header,.site-footer{border-color:#333!important} a,.brand,.kicker,nav a{color:#9cc3ef!important} .byline{color:#9aa0a6!important}`;

/** Rests the pointer on `text` and waits for its card. */
async function hoverShot(page: TestPage, text: string, card: RegExp, path: string): Promise<void> {
  await page.mouse.move(0, 0);
  await page.keyboard.press('Escape');
  const point = await pointAt(page, text);
  await page.mouse.move(point.x, point.y);
  await page.getByRole('dialog', { name: card }).waitFor({ state: 'visible' });
  await page.waitForTimeout(300);
  await page.screenshot(path);
}

/** A phone's viewport, in CSS px. */
const PHONE = { width: 390, height: 844 };

/** Taps `text` and waits for its card, settled (the page scrolled to the mention, the sheet still). */
async function tapShot(page: TestPage, text: string, card: RegExp, path: string): Promise<void> {
  const point = await pointAt(page, text);
  await page.touch.tap(point.x, point.y);
  await page.getByRole('dialog', { name: card }).waitFor({ state: 'visible' });
  await page.waitForTimeout(600);
  await page.screenshot(path);
}

async function screenshots(browser: TestBrowser, page: TestPage, tabId: number, dir: string, url: string): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  const shot = (name: string) => {
    files.push(join(dir, name));
    return join(dir, name);
  };
  // A popover: the treaty whose status the card computes for today.
  await hoverShot(page, 'New START hiện là', /New START/, shot('popover.png'));
  // A role phrase, and whom it meant.
  await hoverShot(page, 'Người đứng đầu Nhà Trắng', /Joe Biden/, shot('popover-role.png'));

  // The keyboard path: the shortcut, through the background's command listener, opens the next card with focus.
  await page.mouse.move(0, 0);
  await page.keyboard.press('Escape');
  await page.evaluate(() => window.scrollTo(0, 0));
  await browser.runCommand(page, COMMANDS.nextMention);
  await browser.runCommand(page, COMMANDS.nextMention);
  await page.getByRole('dialog').waitFor({ state: 'visible' });
  await page.waitForTimeout(300);
  await page.screenshot(shot('keyboard.png'));
  await page.keyboard.press('Escape');

  // A dark page gets a dark card.
  await page.addStyleTag(DARK_PAGE_CSS);
  await hoverShot(page, 'Dmitry Peskov', /Dmitry Peskov/, shot('popover-dark.png'));

  const popup = await browser.openExtensionPage(`popup.html?tabId=${tabId}`);
  await popup.setViewportSize({ width: 380, height: 600 });
  await popup.getByRole('button', { name: /Vladimir Putin/ }).waitFor();
  await popup.screenshot(shot('popup.png'));
  await popup.getByRole('searchbox').fill('bau troi mo');
  await popup.getByRole('list', { name: 'Kết quả tìm kiếm' }).waitFor();
  // The full results, with their quotes: the search worker has answered for this query.
  await popup.locator('.body[data-query="bau troi mo"][data-complete="true"]').waitFor();
  await popup.screenshot(shot('popup-search.png'));

  const options = await browser.openExtensionPage('options.html');
  await options.setViewportSize({ width: 900, height: 900 });
  await options.getByRole('main').waitFor();
  await options.waitForTimeout(200);
  await options.screenshot(shot('options.png'));

  // On a phone: a tap opens the card as a bottom sheet, light and on a dark page; the popup at the phone's width.
  for (const dark of [false, true]) {
    const handset = await launch({ headless: true, phone: true });
    try {
      const page = await handset.newPage();
      await page.goto(url);
      const tabId = await handset.tabIdOf(page);
      await mentionsWhen(handset, tabId, (r) => r.active && r.mentions.length > 0);
      if (dark) await page.addStyleTag(DARK_PAGE_CSS);
      await tapShot(page, 'Dmitry Peskov', /Dmitry Peskov/, shot(dark ? 'phone-sheet-dark.png' : 'phone-sheet.png'));
      if (!dark) {
        const popup = await handset.openExtensionPage(`popup.html?tabId=${tabId}`);
        await popup.setViewportSize(PHONE);
        await popup.getByRole('button', { name: /Vladimir Putin/ }).waitFor();
        await popup.waitForTimeout(200);
        await popup.screenshot(shot('phone-popup.png'));
      }
    } finally {
      await handset.close();
    }
  }

  // The same card for a reader whose browser speaks English.
  const english = await launch({ headless: true, locale: 'en-US' });
  try {
    const page = await english.newPage();
    await page.goto(url);
    await mentionsWhen(english, await english.tabIdOf(page), (r) => r.active);
    await hoverShot(page, 'New START hiện là', /New START/, shot('popover-en.png'));
  } finally {
    await english.close();
  }
  return files;
}

async function main(): Promise<void> {
  const server = await serveGenerated({ 'index.html': renderDemoPage(join(root, 'data')) });
  if (!screenshotDir && headless) console.log('No display here: running headless. Use --screenshot DIR to see the result as pictures.');
  const browser = await launch({ headless, phone: phone && !screenshotDir });
  try {
    const page = await browser.newPage();
    await page.goto(`${server.url}/`);
    const tabId = await browser.tabIdOf(page);
    printSummary(await mentionsWhen(browser, tabId, (r) => r.active, { orLast: true }));
    if (screenshotDir) {
      const files = await screenshots(browser, page, tabId, screenshotDir, `${server.url}/`);
      console.log(`Screenshots: ${files.join(', ')}`);
    } else if (!headless) {
      const how = phone ? 'tap a marked name' : 'hover a marked name';
      console.log(`Demo page: ${server.url}/ — ${how}; the toolbar button opens the popup. Close the browser to finish.`);
      await browser.closed();
    }
  } finally {
    await browser.close().catch(() => undefined);
    await server.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
