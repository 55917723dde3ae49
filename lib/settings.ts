/**
 * User settings, their repair and their migrations. Whatever is stored (an older shape, a
 * corrupt value, a hand-edited one) is read through `sanitizeSettings`, which keeps every
 * valid part and drops the rest: one bad entry never costs the user their other sites.
 */

export interface Settings {
  /** Off everywhere until resumed; the sites keep their own switches. */
  paused: boolean;
  /** Site patterns where Bối cảnh stays off: "vnexpress.net", or "*.example.com" for a domain and its subdomains. */
  disabledSites: string[];
  /** Hosts where the reader turned Bối cảnh on although the page did not look Vietnamese. */
  enabledSites: string[];
  /** Per host, entities the reader hid there with a card's "not this". */
  hiddenEntities: Record<string, string[]>;
  /** Mark every mention (default), or only the first mention of each entity in an article. */
  markMode: MarkMode;
  /** Whether a tap on a mark opens its card; null: the device decides (on where it has a touch screen). */
  tapToExplain: boolean | null;
}

export type MarkMode = 'all' | 'first';

export const DEFAULT_SETTINGS: Settings = Object.freeze({
  paused: false,
  disabledSites: [],
  enabledSites: [],
  hiddenEntities: {},
  markMode: 'all',
  tapToExplain: null,
}) as Settings;

/** The stored shape's version; `SETTINGS_MIGRATIONS` brings any older one up to it. */
export const SETTINGS_VERSION = 2;

/**
 * Version 1 held `{ disabledSites, markMode }`. Version 2 adds the pause, sites turned on
 * anyway and hidden entities; old sites are kept as exact host patterns. Anything
 * unreadable is left to `sanitizeSettings`, which runs on every read.
 */
export const SETTINGS_MIGRATIONS: Record<number, (old: unknown) => unknown> = {
  2: (old) => {
    const v1 = isRecord(old) ? old : {};
    return { ...DEFAULT_SETTINGS, disabledSites: v1.disabledSites, markMode: v1.markMode };
  },
};

/** More sites than anyone toggles by hand; bounds what a corrupt value can cost. */
const MAX_SITES = 5000;
const MAX_HIDDEN_PER_SITE = 500;
const HOST = /^[a-z0-9](?:[a-z0-9-]{0,62})(?:\.[a-z0-9-]{1,63})*$|^\[[0-9a-f:.]+\]$/u;
const ENTITY_ID = /^[\p{L}\p{N}_-]{1,100}$/u;

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function normalizeHost(host: string): string {
  return host
    .trim()
    .toLowerCase()
    .replace(/^www\./u, '')
    .replace(/\.$/u, '');
}

/**
 * A site pattern from what a reader types: a host ("VnExpress.net"), a domain with its
 * subdomains ("*.example.com"), or a pasted address (its host is kept). null if it is none.
 */
export function normalizePattern(input: string): string | null {
  let text = input.trim().toLowerCase();
  const address = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/u.exec(text);
  if (address) text = address[1]!.replace(/^[^@]*@/u, '').replace(/:\d+$/u, '');
  else text = text.replace(/[/?#].*$/u, '');
  const wildcard = text.startsWith('*.');
  const host = normalizeHost(wildcard ? text.slice(2) : text);
  if (!HOST.test(host) || host.length > 253) return null;
  return wildcard ? `*.${host}` : host;
}

/** Whether a pattern covers a host: the host itself, or for "*.d" the domain d and any subdomain. */
export function patternMatches(pattern: string, host: string): boolean {
  const key = normalizeHost(host);
  if (!pattern.startsWith('*.')) return pattern === key;
  const domain = pattern.slice(2);
  return key === domain || key.endsWith(`.${domain}`);
}

function cleanList(raw: unknown, clean: (s: string) => string | null, max: number): string[] {
  if (!Array.isArray(raw)) return [];
  const out = new Set<string>();
  for (const item of raw) {
    if (typeof item !== 'string') continue;
    const value = clean(item);
    if (value !== null) out.add(value);
    if (out.size >= max) break;
  }
  return [...out];
}

const cleanHost = (s: string): string | null => {
  const host = normalizeHost(s);
  return HOST.test(host) ? host : null;
};

export function sanitizeSettings(raw: unknown): Settings {
  const record = isRecord(raw) ? raw : {};
  const hiddenEntities: Record<string, string[]> = {};
  if (isRecord(record.hiddenEntities)) {
    let sites = 0;
    for (const [site, ids] of Object.entries(record.hiddenEntities)) {
      const host = cleanHost(site);
      const clean = cleanList(ids, (id) => (ENTITY_ID.test(id) ? id : null), MAX_HIDDEN_PER_SITE);
      if (host === null || clean.length === 0) continue;
      hiddenEntities[host] = [...new Set([...(hiddenEntities[host] ?? []), ...clean])];
      if (++sites >= MAX_SITES) break;
    }
  }
  return {
    paused: record.paused === true,
    disabledSites: cleanList(record.disabledSites, normalizePattern, MAX_SITES),
    enabledSites: cleanList(record.enabledSites, cleanHost, MAX_SITES),
    hiddenEntities,
    markMode: record.markMode === 'first' ? 'first' : 'all',
    tapToExplain: typeof record.tapToExplain === 'boolean' ? record.tapToExplain : null,
  };
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
  return !settings.disabledSites.some((pattern) => patternMatches(pattern, host));
}

/** The patterns that turn a host off (an exact host, or a wider "*." pattern). */
export function patternsFor(settings: Settings, host: string): string[] {
  return settings.disabledSites.filter((pattern) => patternMatches(pattern, host));
}

/**
 * Turning a site on removes every pattern that covers it, so that the switch always does
 * what it says; turning it off adds the exact host (and forgets "turn on anyway").
 */
export function withSiteEnabled(settings: Settings, host: string, enabled: boolean): Settings {
  const key = normalizeHost(host);
  const others = settings.disabledSites.filter((pattern) => !patternMatches(pattern, key));
  if (enabled) return { ...settings, disabledSites: others };
  return {
    ...settings,
    disabledSites: [...settings.disabledSites.filter((p) => p !== key), key],
    enabledSites: settings.enabledSites.filter((s) => s !== key),
  };
}

/** The keyboard shortcut: the site's switch flipped. */
export function withSiteToggled(settings: Settings, host: string): Settings {
  return withSiteEnabled(settings, host, !isSiteEnabled(settings, host));
}

/** Adds a pattern typed in the options page; null when it is not a site pattern. */
export function withPatternDisabled(settings: Settings, input: string): Settings | null {
  const pattern = normalizePattern(input);
  if (pattern === null) return null;
  if (settings.disabledSites.includes(pattern)) return settings;
  return { ...settings, disabledSites: [...settings.disabledSites, pattern] };
}

export function withPatternRemoved(settings: Settings, pattern: string): Settings {
  return { ...settings, disabledSites: settings.disabledSites.filter((p) => p !== pattern) };
}

/** Whether the reader asked for Bối cảnh on this host although its pages do not look Vietnamese. */
export function isSiteForced(settings: Settings, host: string): boolean {
  return settings.enabledSites.includes(normalizeHost(host));
}

export function withSiteForced(settings: Settings, host: string, forced: boolean): Settings {
  const key = normalizeHost(host);
  const others = settings.enabledSites.filter((s) => s !== key);
  return { ...settings, enabledSites: forced ? [...others, key] : others };
}

export function withPaused(settings: Settings, paused: boolean): Settings {
  return { ...settings, paused };
}

export function withMarkMode(settings: Settings, markMode: MarkMode): Settings {
  return { ...settings, markMode };
}

/** Whether taps explain: the reader's choice, else on where the device has a touch screen. */
export function tapsExplain(settings: Settings, deviceHasTouch: boolean): boolean {
  return settings.tapToExplain ?? deviceHasTouch;
}

export function withTapToExplain(settings: Settings, tapToExplain: boolean): Settings {
  return { ...settings, tapToExplain };
}

export function isEntityHidden(settings: Settings, host: string, entityId: string): boolean {
  return settings.hiddenEntities[normalizeHost(host)]?.includes(entityId) ?? false;
}

/** Hides an entity on one host ("not this" in a card) or shows it again; other hosts are untouched. */
export function withEntityHidden(settings: Settings, host: string, entityId: string, hidden: boolean): Settings {
  const key = normalizeHost(host);
  const current = settings.hiddenEntities[key] ?? [];
  const next = hidden ? [...current.filter((id) => id !== entityId), entityId] : current.filter((id) => id !== entityId);
  const hiddenEntities = { ...settings.hiddenEntities };
  if (next.length > 0) hiddenEntities[key] = next;
  else delete hiddenEntities[key];
  return { ...settings, hiddenEntities };
}

/** Every hidden entity as (host, entity) pairs, hosts in alphabetical order. */
export function hiddenList(settings: Settings): Array<{ host: string; entityId: string }> {
  return Object.keys(settings.hiddenEntities)
    .sort()
    .flatMap((host) => settings.hiddenEntities[host]!.map((entityId) => ({ host, entityId })));
}
