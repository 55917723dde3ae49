import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  SETTINGS_MIGRATIONS,
  hiddenList,
  isEntityHidden,
  isSiteEnabled,
  isSiteForced,
  normalizePattern,
  patternMatches,
  patternsFor,
  sanitizeSettings,
  siteKey,
  withEntityHidden,
  withPatternDisabled,
  withPatternRemoved,
  withSiteEnabled,
  withSiteForced,
  withSiteToggled,
  tapsExplain,
  withTapToExplain,
  type Settings,
} from '../../../lib/settings';

const settings = (over: Partial<Settings>): Settings => ({ ...DEFAULT_SETTINGS, ...over });

describe('settings', () => {
  it('falls back to defaults for anything unreadable', () => {
    for (const raw of [
      null,
      undefined,
      42,
      'x',
      [],
      { disabledSites: 'vnexpress.net' },
      { disabledSites: null },
      { paused: 'yes' },
      { hiddenEntities: [] },
    ]) {
      expect(sanitizeSettings(raw)).toEqual(DEFAULT_SETTINGS);
    }
  });

  it('keeps every valid site when some entries are corrupt', () => {
    const raw = { disabledSites: ['vnexpress.net', 7, null, { a: 1 }, 'WWW.Tuoitre.vn', 'not a host!', 'vnexpress.net', '*.Example.com'] };
    expect(sanitizeSettings(raw).disabledSites).toEqual(['vnexpress.net', 'tuoitre.vn', '*.example.com']);
  });

  it('keeps the valid hidden entities of each site and drops the rest', () => {
    const raw = {
      paused: true,
      hiddenEntities: { 'www.a.vn': ['vladimir-putin', 3, 'vladimir-putin', 'bad id!'], 'b.vn': 'nato', 'c.vn': [], 'no host': ['nato'] },
      enabledSites: ['English.example', 5],
    };
    expect(sanitizeSettings(raw)).toEqual(
      settings({ paused: true, hiddenEntities: { 'a.vn': ['vladimir-putin'] }, enabledSites: ['english.example'] }),
    );
  });

  it('migrates the version 1 shape, keeping its sites and mark mode', () => {
    const v2 = SETTINGS_MIGRATIONS[2]!({ disabledSites: ['a.vn', 'b.vn'], markMode: 'first' });
    expect(sanitizeSettings(v2)).toEqual(settings({ disabledSites: ['a.vn', 'b.vn'], markMode: 'first' }));
    expect(sanitizeSettings(SETTINGS_MIGRATIONS[2]!('garbage'))).toEqual(DEFAULT_SETTINGS);
  });

  it('toggles one site without touching the others', () => {
    let s = withSiteEnabled(settings({ disabledSites: ['a.vn'] }), 'www.b.vn', false);
    expect(s.disabledSites).toEqual(['a.vn', 'b.vn']);
    expect(isSiteEnabled(s, 'b.vn')).toBe(false);
    s = withSiteEnabled(s, 'b.vn', true);
    expect(s.disabledSites).toEqual(['a.vn']);
  });

  it('keeps the mark mode apart from the sites', () => {
    expect(sanitizeSettings({ disabledSites: ['a.vn'], markMode: 'first' })).toEqual(
      settings({ disabledSites: ['a.vn'], markMode: 'first' }),
    );
    expect(sanitizeSettings({ disabledSites: ['a.vn'], markMode: 'every' })).toEqual(settings({ disabledSites: ['a.vn'] }));
  });

  it('keys sites by host without www, for http(s) only', () => {
    expect(siteKey('https://www.VnExpress.net/the-gioi')).toBe('vnexpress.net');
    expect(siteKey('chrome://extensions')).toBeNull();
    expect(siteKey('not a url')).toBeNull();
  });
});

describe('site patterns', () => {
  it.each([
    ['vnexpress.net', 'vnexpress.net'],
    [' WWW.VnExpress.net ', 'vnexpress.net'],
    ['https://www.tuoitre.vn/the-gioi.htm', 'tuoitre.vn'],
    ['http://user@127.0.0.1:8080/x', '127.0.0.1'],
    ['*.Example.com', '*.example.com'],
    ['example.com/path', 'example.com'],
    ['', null],
    ['*', null],
    ['not a host', null],
    ['*.', null],
  ])('%j → %j', (input, expected) => {
    expect(normalizePattern(input)).toBe(expected);
  });

  it('matches a domain and its subdomains with "*.", one host without', () => {
    expect(patternMatches('*.example.com', 'example.com')).toBe(true);
    expect(patternMatches('*.example.com', 'news.example.com')).toBe(true);
    expect(patternMatches('*.example.com', 'badexample.com')).toBe(false);
    expect(patternMatches('example.com', 'news.example.com')).toBe(false);
    expect(patternMatches('example.com', 'www.example.com')).toBe(true);
  });

  it('adds and removes patterns; turning a site on lifts every pattern that covers it', () => {
    let s = withPatternDisabled(DEFAULT_SETTINGS, '*.example.com')!;
    expect(withPatternDisabled(s, 'nonsense here')).toBeNull();
    s = withPatternDisabled(s, 'other.vn')!;
    expect(isSiteEnabled(s, 'news.example.com')).toBe(false);
    expect(patternsFor(s, 'news.example.com')).toEqual(['*.example.com']);
    expect(withPatternRemoved(s, '*.example.com').disabledSites).toEqual(['other.vn']);
    s = withSiteEnabled(s, 'news.example.com', true);
    expect(s.disabledSites).toEqual(['other.vn']);
  });

  it('flips a site with the shortcut, whether a host or a wider pattern turned it off', () => {
    const off = withSiteToggled(DEFAULT_SETTINGS, 'www.a.vn');
    expect(isSiteEnabled(off, 'a.vn')).toBe(false);
    expect(isSiteEnabled(withSiteToggled(off, 'a.vn'), 'a.vn')).toBe(true);
    const byPattern = withPatternDisabled(DEFAULT_SETTINGS, '*.example.com')!;
    expect(isSiteEnabled(withSiteToggled(byPattern, 'news.example.com'), 'news.example.com')).toBe(true);
  });

  it('turns a site on anyway, and forgets that when the site is turned off', () => {
    let s = withSiteForced(DEFAULT_SETTINGS, 'www.english.example', true);
    expect(isSiteForced(s, 'english.example')).toBe(true);
    s = withSiteEnabled(s, 'english.example', false);
    expect(isSiteForced(s, 'english.example')).toBe(false);
    expect(withSiteForced(withSiteForced(DEFAULT_SETTINGS, 'a.vn', true), 'a.vn', false).enabledSites).toEqual([]);
  });
});

describe('hidden entities', () => {
  it('hides an entity on one site only, and shows it again', () => {
    let s = withEntityHidden(DEFAULT_SETTINGS, 'www.a.vn', 'nato', true);
    s = withEntityHidden(s, 'b.vn', 'vladimir-putin', true);
    expect(isEntityHidden(s, 'a.vn', 'nato')).toBe(true);
    expect(isEntityHidden(s, 'b.vn', 'nato')).toBe(false);
    expect(hiddenList(s)).toEqual([
      { host: 'a.vn', entityId: 'nato' },
      { host: 'b.vn', entityId: 'vladimir-putin' },
    ]);
    s = withEntityHidden(s, 'a.vn', 'nato', false);
    expect(s.hiddenEntities).toEqual({ 'b.vn': ['vladimir-putin'] });
    expect(withEntityHidden(s, 'b.vn', 'vladimir-putin', true)).toEqual(s);
  });
});

describe('tap to explain', () => {
  it('is the device’s to decide until the reader chooses: on with a touch screen, off without', () => {
    expect(DEFAULT_SETTINGS.tapToExplain).toBeNull();
    expect(tapsExplain(DEFAULT_SETTINGS, true)).toBe(true);
    expect(tapsExplain(DEFAULT_SETTINGS, false)).toBe(false);
    const off = withTapToExplain(DEFAULT_SETTINGS, false);
    expect(tapsExplain(off, true)).toBe(false);
    expect(tapsExplain(withTapToExplain(off, true), false)).toBe(true);
  });

  it('keeps the reader’s choice through storage, and anything but a yes or no leaves it to the device', () => {
    expect(sanitizeSettings({ tapToExplain: false }).tapToExplain).toBe(false);
    expect(sanitizeSettings({ tapToExplain: true }).tapToExplain).toBe(true);
    for (const raw of ['false', 0, 1, null, {}])
      expect(sanitizeSettings({ tapToExplain: raw, disabledSites: ['a.vn'] })).toEqual(settings({ disabledSites: ['a.vn'] }));
  });
});
