/** Finds a Chromium to drive: $CHROME_PATH, the usual paths, or Debian's `chromium` installed (find-browser.ts). */
import { findBrowser } from './find-browser';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

export function findChromium(): string {
  return findBrowser({
    name: 'Chromium',
    envVar: 'CHROME_PATH',
    candidates: CANDIDATES,
    aptPackage: 'chromium',
    installHint: 'Install Chromium or Chrome (Debian/Ubuntu: `sudo apt-get install -y chromium`)',
  });
}
