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
}

export type MarkMode = 'all' | 'first';

export const DEFAULT_SETTINGS: Settings = { disabledSites: [], markMode: 'all' };

/** More sites than anyone toggles by hand; bounds what a corrupt value can cost. */
const MAX_SITES = 5000;
const HOST = /^[a-z0-9.-]{1,253}$|^\[[0-9a-f:.]+\]$/u;

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
  return { disabledSites, markMode };
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
