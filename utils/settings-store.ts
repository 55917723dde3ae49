/**
 * Settings in the extension's local storage (WXT storage), versioned and migrated, always
 * read through `sanitizeSettings` so that a corrupt value falls back to defaults part by part.
 */
import { storage } from 'wxt/utils/storage';
import {
  DEFAULT_SETTINGS,
  SETTINGS_MIGRATIONS,
  SETTINGS_VERSION,
  sanitizeSettings,
  withEntityHidden,
  type Settings,
} from '../lib/settings';

/** Stored as unknown: what comes back from storage is checked, never trusted. */
const settingsItem = storage.defineItem<unknown>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: SETTINGS_VERSION,
  migrations: SETTINGS_MIGRATIONS,
});

export async function loadSettings(): Promise<Settings> {
  try {
    return sanitizeSettings(await settingsItem.getValue());
  } catch (error) {
    console.error('[Bối cảnh] settings unreadable, using defaults:', error);
    return DEFAULT_SETTINGS;
  }
}

export function watchSettings(callback: (settings: Settings) => void): () => void {
  return settingsItem.watch((value) => callback(sanitizeSettings(value)));
}

/** Changes from this page, one after another: two quick clicks must not overwrite each other. */
let pending: Promise<unknown> = Promise.resolve();

/** Reads, changes and writes back; every open tab sees the result through `watchSettings`. */
export function updateSettings(change: (settings: Settings) => Settings): Promise<Settings> {
  const next = pending.then(async () => {
    const value = change(await loadSettings());
    await settingsItem.setValue(value);
    return value;
  });
  pending = next.catch(() => undefined);
  return next;
}

/** A card's "not this": hides an entity on one site (or shows it again). */
export function setEntityHidden(host: string, entityId: string, hidden: boolean): Promise<Settings> {
  return updateSettings((s) => withEntityHidden(s, host, entityId, hidden));
}
