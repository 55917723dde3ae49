/**
 * Settings in the extension's local storage (WXT storage), always read through
 * `sanitizeSettings` so that a corrupt value falls back to defaults part by part.
 */
import { storage } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS, sanitizeSettings, withEntityHidden, withSiteEnabled, type Settings } from '../lib/settings';

/** Stored as unknown: what comes back from storage is checked, never trusted. */
const settingsItem = storage.defineItem<unknown>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
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

export async function setSiteEnabled(host: string, enabled: boolean): Promise<Settings> {
  const next = withSiteEnabled(await loadSettings(), host, enabled);
  await settingsItem.setValue(next);
  return next;
}

export async function setEntityHidden(host: string, entityId: string, hidden: boolean): Promise<Settings> {
  const next = withEntityHidden(await loadSettings(), host, entityId, hidden);
  await settingsItem.setValue(next);
  return next;
}
