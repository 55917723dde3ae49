/**
 * The content script's read-only view of the settings: the same stored value that
 * settings-store.ts keeps with WXT storage (versioned, migrated by the extension's pages and
 * background), read straight from `storage.local` and always through `sanitizeSettings`.
 * Pages carry this instead of the storage library; changes go through the background.
 */
import { browser } from 'wxt/browser';
import { DEFAULT_SETTINGS, sanitizeSettings, type Settings } from '../lib/settings';
import { report } from './report';

/** The key WXT storage keeps `local:settings` under. */
const KEY = 'settings';

export async function readSettings(): Promise<Settings> {
  try {
    return sanitizeSettings((await browser.storage.local.get(KEY))[KEY]);
  } catch (error) {
    report('settings unreadable, using defaults', error);
    return DEFAULT_SETTINGS;
  }
}

export function watchStoredSettings(callback: (settings: Settings) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && KEY in changes) callback(sanitizeSettings(changes[KEY]!.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
