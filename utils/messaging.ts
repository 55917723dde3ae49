/** Typed messages from the extension's pages (popup, background) to a tab, by lib/messages.ts. */
import { browser } from 'wxt/browser';
import type { Answer, ContentProtocol, Message } from '../lib/messages';

export function askTab<K extends keyof ContentProtocol>(
  tabId: number,
  request: Message<ContentProtocol, K>,
): Promise<Answer<ContentProtocol, K>> {
  return browser.tabs.sendMessage(tabId, request) as Promise<Answer<ContentProtocol, K>>;
}
