/** Before the end-to-end tests: the built extension for each browser, and the browsers (installed if need be). */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { EXTENSION_DIR } from '../../scripts/browser/launch';
import { findChromium } from '../../scripts/browser/chromium';
import { FIREFOX_EXTENSION_DIR, findFirefox } from '../../scripts/browser/firefox';
import { selectedBrowsers } from '../../scripts/browser/driver';

export default function setup(): void {
  const browsers = selectedBrowsers();
  if (browsers.includes('chromium')) {
    if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
      throw new Error(`No built extension in ${EXTENSION_DIR}: run \`npm run build\` first (\`npm test\` does).`);
    }
    console.log(`End-to-end tests drive ${findChromium()}`);
  }
  if (browsers.includes('firefox')) {
    if (!existsSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'))) {
      throw new Error(`No built extension in ${FIREFOX_EXTENSION_DIR}: run \`npm run build:firefox\` first (\`npm test\` does).`);
    }
    console.log(`End-to-end tests drive ${findFirefox()}`);
  }
}
