/** Typed wrappers around runtime and tab messaging. */
import { browser } from 'wxt/browser';
import type { BackgroundRequest, CardResponse, ContentRequest, MentionsResponse, PageInfo } from '../lib/messages';

export function askBackground(request: Extract<BackgroundRequest, { type: 'get-card' }>): Promise<CardResponse>;
export function askBackground(request: BackgroundRequest): Promise<unknown>;
export function askBackground(request: BackgroundRequest): Promise<unknown> {
  return browser.runtime.sendMessage(request);
}

export function askTab(tabId: number, request: { type: 'get-mentions' }): Promise<MentionsResponse>;
export function askTab(tabId: number, request: { type: 'get-page-info' }): Promise<PageInfo>;
export function askTab(tabId: number, request: ContentRequest): Promise<unknown>;
export function askTab(tabId: number, request: ContentRequest): Promise<unknown> {
  return browser.tabs.sendMessage(tabId, request);
}
