/**
 * The extension API in pages, as the browser gives it: Firefox's promise-based `browser`,
 * Chromium's `chrome` (promise-based in Manifest V3). Pages carry this instead of the
 * polyfill, which alone would weigh more than the gate's whole budget.
 */
import type { Browser } from 'webextension-polyfill';
import type { Answer, BackgroundProtocol, Message } from '../lib/messages';

let api: Browser | null = null;
/** Looked up on first use: touching `chrome.runtime` builds its bindings, which a dormant frame never needs. */
export function ext(): Browser {
  const scope = globalThis as { browser?: Browser; chrome?: Browser };
  api ??= (scope.browser?.runtime?.id ? scope.browser : scope.chrome) as Browser;
  return api;
}

export function askBackground<K extends keyof BackgroundProtocol>(
  request: Message<BackgroundProtocol, K>,
): Promise<Answer<BackgroundProtocol, K>> {
  return ext().runtime.sendMessage(request) as Promise<Answer<BackgroundProtocol, K>>;
}
