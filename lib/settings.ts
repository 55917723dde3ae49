/**
 * User settings and their repair. Whatever is stored (an older shape, a corrupt value, a
 * hand-edited one) is read through `sanitizeSettings`, which keeps every valid part and
 * drops the rest: one bad entry never costs the user their other sites.
 */

export interface Settings {
  /** Host names where Bối cảnh stays off, e.g. "vnexpress.net". */
  disabledSites: string[];
  /** Mark every mention (default), or only the first mention of each entity in an article. */
  markMode: MarkMode;
  /** Per site, the entities the reader hid there with a card's "not this". */
  hiddenEntities: Record<string, string[]>;
}

export type MarkMode = 'all' | 'first';

export const DEFAULT_SETTINGS: Settings = { disabledSites: [], markMode: 'all', hiddenEntities: {} };

/** More sites than anyone toggles by hand; bounds what a corrupt value can cost. */
const MAX_SITES = 5000;
const HOST = /^[a-z0-9.-]{1,253}$|^\[[0-9a-f:.]+\]$/u;
const ENTITY_ID = /^[a-z0-9-]{1,100}$/u;

export function normalizeHost(host: string): string {
  return host.trim().toLowerCase().replace(/^www\./u, '').replace(/\.$/u, '');
}

export function sanitizeSettings(raw: unknown): Settings {
  const record = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const sites = Array.isArray(record.disabledSites) ? record.disabledSites : [];
  const disabledSites = [
    ...new Set(sites.filter((s): s is string => typeof s === 'string').map(normalizeHost).filter((s) => HOST.test(s))),
  ].slice(0, MAX_SITES);
  const markMode: MarkMode = record.markMode === 'first' ? 'first' : 'all';
  const hiddenEntities: Record<string, string[]> = {};
  const hidden = record.hiddenEntities;
  if (hidden !== null && typeof hidden === 'object' && !Array.isArray(hidden)) {
    for (const [site, ids] of Object.entries(hidden as Record<string, unknown>).slice(0, MAX_SITES)) {
      const host = normalizeHost(site);
      if (!HOST.test(host) || !Array.isArray(ids)) continue;
      const valid = [...new Set(ids.filter((id): id is string => typeof id === 'string' && ENTITY_ID.test(id)))];
      if (valid.length > 0) hiddenEntities[host] = valid;
    }
  }
  return { disabledSites, markMode, hiddenEntities };
}

/** The key a site is remembered by: its host name without "www.". */
export function siteKey(url: string): string | null {
  try {
    const { protocol, hostname } = new URL(url);
    if (protocol !== 'http:' && protocol !== 'https:') return null;
    return normalizeHost(hostname);
  } catch {
    return null;
  }
}

export function isSiteEnabled(settings: Settings, host: string): boolean {
  return !settings.disabledSites.includes(normalizeHost(host));
}

export function withSiteEnabled(settings: Settings, host: string, enabled: boolean): Settings {
  const key = normalizeHost(host);
  const others = settings.disabledSites.filter((s) => s !== key);
  return { ...settings, disabledSites: enabled ? others : [...others, key] };
}

export function isEntityHidden(settings: Settings, host: string, entityId: string): boolean {
  return settings.hiddenEntities[normalizeHost(host)]?.includes(entityId) ?? false;
}

export function withEntityHidden(settings: Settings, host: string, entityId: string, hidden: boolean): Settings {
  const key = normalizeHost(host);
  const others = (settings.hiddenEntities[key] ?? []).filter((id) => id !== entityId);
  const ids = hidden ? [...others, entityId] : others;
  const hiddenEntities = { ...settings.hiddenEntities };
  if (ids.length > 0) hiddenEntities[key] = ids;
  else delete hiddenEntities[key];
  return { ...settings, hiddenEntities };
}
