/**
 * Launches real Chromium with the built extension loaded (headless), and the few helpers
 * the end-to-end tests share: the extension's id, a page's tab id, messages to a tab.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { findChromium } from './chromium';
import { PHONE } from './driver/touch';

export const EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/chrome-mv3');

export interface LaunchOptions {
  /** Keep the profile in this directory (to test a restart); a fresh temporary one otherwise. */
  profileDir?: string;
  headless?: boolean;
  colorScheme?: 'light' | 'dark';
  /** The browser's language; Vietnamese unless said, as for the readers Bối cảnh is made for. */
  locale?: string;
  /** The unpacked extension to load; the Chrome build in .output/chrome-mv3 unless said (the benchmark loads others). */
  extensionDir?: string;
  /** "127.0.0.1:PORT": every request, loopback included, goes through this HTTP proxy. */
  proxy?: string;
  /** A phone: a 390×844 viewport at 2 device px per CSS px, a touch screen and mobile viewport rules (meta viewport). */
  phone?: boolean;
}

export interface ExtensionBrowser {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  close: () => Promise<void>;
}

/** Flags that keep Chromium quiet on a closed network (see docs/platform-notes). */
export function chromiumArgs(extensionDir: string): string[] {
  return [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
}

export async function launchWithExtension(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const temporary = !options.profileDir;
  const locale = options.locale ?? 'vi-VN';
  const profileDir = options.profileDir ?? mkdtempSync(join(tmpdir(), 'boi-canh-profile-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: findChromium(),
    headless: options.headless ?? true,
    args: [
      ...chromiumArgs(options.extensionDir ?? EXTENSION_DIR),
      `--lang=${locale}`,
      // Without "<-loopback>" Chromium would send 127.0.0.1 straight past the proxy.
      ...(options.proxy ? [`--proxy-server=http://${options.proxy}`, '--proxy-bypass-list=<-loopback>'] : []),
    ],
    ...(options.phone
      ? { viewport: { width: PHONE.width, height: PHONE.height }, deviceScaleFactor: PHONE.scale, hasTouch: true, isMobile: true }
      : { viewport: { width: 1200, height: 800 } }),
    locale,
    ...(options.colorScheme ? { colorScheme: options.colorScheme } : {}),
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    close: async () => {
      // Closing twice, or after the browser went away, is not an error.
      await context.close().catch(() => undefined);
      if (temporary) rmSync(profileDir, { recursive: true, force: true });
    },
  };
}
