/**
 * Finds Firefox ($FIREFOX_PATH, then the usual paths; where none is found and this machine
 * allows it, installs Debian's `firefox-esr`) and launches it with the built Firefox extension
 * through puppeteer-core over WebDriver BiDi (see docs/browsers.md).
 */
import { resolve } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { withinDeadline } from './deadline';
import { PHONE } from './driver/touch';
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
  /** A phone: a 390×844 viewport at 2 device px per CSS px, a touch screen and mobile viewport rules (PHONE_PREFS, phoneViewport). */
  phone?: boolean;
}

/**
 * Desktop Firefox as a phone's would be, as far as prefs reach: touch events and their legacy
 * `ontouchstart` handlers, one touch point, a coarse pointer with no hover (for the media queries),
 * and overlay scrollbars (a phone's; a classic one would take 12 px of the 390). WebDriver BiDi here
 * has no `emulation.setTouchOverride`. The meta viewport is switched on after launch (phoneViewport).
 */
const PHONE_PREFS: Record<string, unknown> = {
  'dom.w3c_touch_events.enabled': 1,
  'dom.w3c_touch_events.legacy_apis.enabled': true,
  'dom.maxtouchpoints.testing.value': 1,
  // LookAndFeel's pointer capabilities: 1 is coarse, without the hover bit (4).
  'ui.primaryPointerCapabilities': 1,
  'ui.allPointerCapabilities': 1,
  'ui.useOverlayScrollbars': 1,
};

/**
 * Every tab of the default user context, open or to come, at the phone's size and density, then
 * the meta viewport rules on. In that order: BiDi's setViewport waits for each open tab's
 * innerWidth to reach the width, which about:blank, laid out at 980 px under those rules, never does.
 */
async function phoneViewport(browser: Browser): Promise<void> {
  const bidi = (browser as unknown as { connection: { send(method: string, params: object): Promise<{ result: unknown }> } }).connection;
  await withinDeadline('firefox', 'the phone viewport', async () => {
    await bidi.send('browsingContext.setViewport', {
      userContexts: ['default'],
      viewport: { width: PHONE.width, height: PHONE.height },
      devicePixelRatio: PHONE.scale,
    });
    const { result: tree } = await bidi.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
    const chromeWindow = (tree as { contexts: Array<{ context: string }> }).contexts[0]!.context;
    await bidi.send('script.evaluate', {
      target: { context: chromeWindow },
      expression: `Services.prefs.setBoolPref('dom.meta-viewport.enabled', true)`,
      awaitPromise: false,
    });
  });
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
    // A phone's viewport is set for the whole user context after launch (phoneViewport).
    defaultViewport: options.phone ? null : { width: 1200, height: 800 },
    ...(options.profileDir ? { userDataDir: options.profileDir } : {}),
    extraPrefsFirefox: {
      'intl.accept_languages': locale,
      'extensions.webextensions.uuids': JSON.stringify({ [FIREFOX_ADDON_ID]: ADDON_UUID }),
      // 0 dark, 1 light, 2 follow the browser's theme.
      'layout.css.prefers-color-scheme.content-override': options.colorScheme === 'dark' ? 0 : options.colorScheme === 'light' ? 1 : 2,
      ...(options.proxy ? proxyPrefs(options.proxy) : {}),
      ...(options.phone ? PHONE_PREFS : {}),
      // Off at every start, a kept profile's included (phoneViewport turns it on at run time, and Firefox saves that).
      'dom.meta-viewport.enabled': false,
    },
  });
  try {
    await browser.installExtension(options.extensionDir ?? FIREFOX_EXTENSION_DIR);
    if (options.phone) await phoneViewport(browser);
  } catch (error) {
    await browser.close();
    throw error;
  }
  return browser;
}
