/**
 * The gate's read-only view of the settings: the same stored value that
 * utils/settings-store.ts keeps with WXT storage (versioned, migrated by the extension's
 * pages and background), read straight from `storage.local` and always through
 * `sanitizeSettings`. Pages carry this instead of the storage library; changes go through
 * the background.
 */
import { DEFAULT_SETTINGS, sanitizeSettings, type Settings } from '../../lib/settings';
import { report } from '../../utils/report';
import { ext } from '../api';

/** The key WXT storage keeps `local:settings` under. */
const KEY = 'settings';

export async function readSettings(): Promise<Settings> {
  try {
    return sanitizeSettings((await ext().storage.local.get(KEY))[KEY]);
  } catch (error) {
    report('settings unreadable, using defaults', error);
    return DEFAULT_SETTINGS;
  }
}

/** Calls back with the new settings whenever they change. */
export function watchSettings(callback: (settings: Settings) => void): void {
  ext().storage.onChanged.addListener((changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && KEY in changes) callback(sanitizeSettings(changes[KEY]!.newValue));
  });
}
