/**
 * The extension API in pages, as the browser gives it: Firefox's promise-based `browser`,
 * Chromium's `chrome` (promise-based in Manifest V3). Pages carry this instead of the
 * polyfill, which alone would weigh more than the gate's whole budget.
 */
import type { Browser } from 'webextension-polyfill';
import type { Answer, BackgroundProtocol, Message } from '../lib/messages';

const scope = globalThis as { browser?: Browser; chrome?: Browser };
export const ext: Browser = (scope.browser?.runtime?.id ? scope.browser : scope.chrome) as Browser;

export function askBackground<K extends keyof BackgroundProtocol>(
  request: Message<BackgroundProtocol, K>,
): Promise<Answer<BackgroundProtocol, K>> {
  return ext.runtime.sendMessage(request) as Promise<Answer<BackgroundProtocol, K>>;
}
