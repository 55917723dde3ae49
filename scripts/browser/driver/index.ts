/**
 * The browsers the end-to-end tests run in: both unless E2E_BROWSERS names some
 * ("chromium", "firefox", or both, comma-separated).
 */
import { launchChromium } from './chromium';
import { launchFirefoxDriver } from './firefox';
import type { BrowserName, Launcher } from './types';

export type * from './types';

const LAUNCHERS: Record<BrowserName, Launcher> = { chromium: launchChromium, firefox: launchFirefoxDriver };

export const ALL_BROWSERS: readonly BrowserName[] = ['chromium', 'firefox'];

export function selectedBrowsers(): BrowserName[] {
  const wanted = process.env.E2E_BROWSERS?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (!wanted?.length) return [...ALL_BROWSERS];
  for (const name of wanted) {
    if (!ALL_BROWSERS.includes(name as BrowserName))
      throw new Error(`E2E_BROWSERS: unknown browser "${name}" (known: ${ALL_BROWSERS.join(', ')})`);
  }
  return wanted as BrowserName[];
}

export function launcher(name: BrowserName): Launcher {
  return LAUNCHERS[name];
}
