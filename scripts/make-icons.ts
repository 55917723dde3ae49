/**
 * Renders scripts/icon.svg to the PNG sizes the stores and browsers ask for
 * (public/icon/16.png … 128.png) with the same Chromium the tests use.
 *
 *   tsx scripts/make-icons.ts
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { findChromium } from './browser/chromium';

const SIZES = [16, 32, 48, 96, 128];
const root = join(import.meta.dirname, '..');
const svg = readFileSync(join(root, 'scripts/icon.svg'), 'utf8');

const browser = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage();
for (const size of SIZES) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(
    `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`,
  );
  await page.screenshot({ path: join(root, `public/icon/${size}.png`), omitBackground: true });
}
await browser.close();
console.log(`Icons: ${SIZES.join(', ')} px → public/icon/`);
