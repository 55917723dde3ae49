/**
 * Finds a Chromium to drive: $CHROME_PATH, then the usual install paths. Where none is
 * found and this machine allows it (root, with apt-get), installs Debian's `chromium`;
 * otherwise stops with a message saying what to install.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

function existing(): string | null {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`CHROME_PATH is set to ${fromEnv}, which does not exist.`);
  }
  return CANDIDATES.find((path) => existsSync(path)) ?? null;
}

function canInstall(): boolean {
  return process.platform === 'linux' && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
}

export function findChromium(): string {
  const found = existing();
  if (found) return found;
  if (!canInstall()) {
    throw new Error(
      'No Chromium found. Install Chromium or Chrome (Debian/Ubuntu: `sudo apt-get install -y chromium`), ' +
        'or set CHROME_PATH to its executable.',
    );
  }
  console.log('No Chromium found: installing Debian’s chromium with apt-get…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
  const installed = existing();
  if (!installed) throw new Error('apt-get installed chromium, but no executable was found at the usual paths.');
  return installed;
}
