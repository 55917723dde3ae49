/** Before the end-to-end tests: the built extension must exist, and a Chromium (installed if need be). */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { EXTENSION_DIR } from '../../scripts/browser/launch';
import { findChromium } from '../../scripts/browser/chromium';

export default function setup(): void {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension in ${EXTENSION_DIR}: run \`npm run build\` first (\`npm test\` does).`);
  }
  console.log(`End-to-end tests drive ${findChromium()}`);
}
