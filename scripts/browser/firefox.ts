/**
 * Finds Firefox ($FIREFOX_PATH, then the usual paths; where none is found and this machine
 * allows it, installs Debian's `firefox-esr`) and launches it with the built Firefox extension
 * through puppeteer-core over WebDriver BiDi (see docs/browsers.md).
 */
import { resolve } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { findBrowser } from './find-browser';
import { FIREFOX_ADDON_ID } from '../../lib/constants';

export const FIREFOX_EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/firefox-mv2');

/** Firefox gives each install a random origin UUID; fixing it gives the extension's pages a known address. */
const ADDON_UUID = '6b0f3c52-6d5c-4c39-9a0e-b0c1a1e0b0ca';
export const FIREFOX_EXTENSION_ORIGIN = `moz-extension://${ADDON_UUID}`;

const CANDIDATES = [
  '/usr/bin/firefox-esr',
  '/usr/bin/firefox',
  '/usr/lib/firefox-esr/firefox-esr',
  '/snap/bin/firefox',
  '/Applications/Firefox.app/Contents/MacOS/firefox',
];

export function findFirefox(): string {
  return findBrowser({
    name: 'Firefox',
    envVar: 'FIREFOX_PATH',
    candidates: CANDIDATES,
    aptPackage: 'firefox-esr',
    installHint: 'Install Firefox ESR (Debian/Ubuntu: `sudo apt-get install -y firefox-esr`)',
  });
}

export interface FirefoxLaunchOptions {
  profileDir?: string;
  headless?: boolean;
  colorScheme?: 'light' | 'dark';
  locale?: string;
  /** "127.0.0.1:PORT": every request, loopback included, goes through this HTTP proxy. */
  proxy?: string;
  extensionDir?: string;
}

function proxyPrefs(proxy: string): Record<string, unknown> {
  const [host, port] = proxy.split(':');
  return {
    'network.proxy.type': 1,
    'network.proxy.http': host,
    'network.proxy.http_port': Number(port),
    'network.proxy.ssl': host,
    'network.proxy.ssl_port': Number(port),
    'network.proxy.no_proxies_on': '',
    'network.proxy.allow_hijacking_localhost': true,
  };
}

export async function launchFirefox(options: FirefoxLaunchOptions = {}): Promise<Browser> {
  const locale = options.locale ?? 'vi-VN';
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: findFirefox(),
    headless: options.headless ?? true,
    // Extension pages are privileged: reaching them over BiDi takes this flag.
    args: ['--remote-allow-system-access'],
    defaultViewport: { width: 1200, height: 800 },
    ...(options.profileDir ? { userDataDir: options.profileDir } : {}),
    extraPrefsFirefox: {
      'intl.accept_languages': locale,
      'extensions.webextensions.uuids': JSON.stringify({ [FIREFOX_ADDON_ID]: ADDON_UUID }),
      // 0 dark, 1 light, 2 follow the browser's theme.
      'layout.css.prefers-color-scheme.content-override': options.colorScheme === 'dark' ? 0 : options.colorScheme === 'light' ? 1 : 2,
      ...(options.proxy ? proxyPrefs(options.proxy) : {}),
    },
  });
  try {
    await browser.installExtension(options.extensionDir ?? FIREFOX_EXTENSION_DIR);
  } catch (error) {
    await browser.close();
    throw error;
  }
  return browser;
}
