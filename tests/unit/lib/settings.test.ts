import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, isEntityHidden, isSiteEnabled, sanitizeSettings, siteKey, withEntityHidden, withSiteEnabled } from '../../../lib/settings';

describe('settings', () => {
  it('falls back to defaults for anything unreadable', () => {
    for (const raw of [null, undefined, 42, 'x', [], { disabledSites: 'vnexpress.net' }, { disabledSites: null }]) {
      expect(sanitizeSettings(raw)).toEqual(DEFAULT_SETTINGS);
    }
  });

  it('keeps every valid site when some entries are corrupt', () => {
    const raw = { disabledSites: ['vnexpress.net', 7, null, { a: 1 }, 'WWW.Tuoitre.vn', 'not a host!', 'vnexpress.net'] };
    expect(sanitizeSettings(raw).disabledSites).toEqual(['vnexpress.net', 'tuoitre.vn']);
  });

  it('toggles one site without touching the others', () => {
    let s = withSiteEnabled({ ...DEFAULT_SETTINGS, disabledSites: ['a.vn'] }, 'www.b.vn', false);
    expect(s.disabledSites).toEqual(['a.vn', 'b.vn']);
    expect(isSiteEnabled(s, 'b.vn')).toBe(false);
    s = withSiteEnabled(s, 'b.vn', true);
    expect(s.disabledSites).toEqual(['a.vn']);
  });

  it('keeps the mark mode apart from the sites', () => {
    expect(sanitizeSettings({ disabledSites: ['a.vn'], markMode: 'first' })).toMatchObject({ disabledSites: ['a.vn'], markMode: 'first' });
    expect(sanitizeSettings({ disabledSites: ['a.vn'], markMode: 'every' })).toMatchObject({ disabledSites: ['a.vn'], markMode: 'all' });
  });

  it('keeps the entities hidden per site, dropping what is not an entity id or a host', () => {
    const raw = { hiddenEntities: { 'WWW.a.vn': ['dmitry-peskov', 7, 'Not An Id', 'dmitry-peskov'], 'not a host!': ['x'], 'b.vn': 'nato' } };
    expect(sanitizeSettings(raw).hiddenEntities).toEqual({ 'a.vn': ['dmitry-peskov'] });
    let s = withEntityHidden(DEFAULT_SETTINGS, 'a.vn', 'nato', true);
    expect(isEntityHidden(s, 'www.a.vn', 'nato')).toBe(true);
    expect(isEntityHidden(s, 'b.vn', 'nato')).toBe(false);
    s = withEntityHidden(s, 'a.vn', 'nato', false);
    expect(s.hiddenEntities).toEqual({});
  });

  it('keys sites by host without www, for http(s) only', () => {
    expect(siteKey('https://www.VnExpress.net/the-gioi')).toBe('vnexpress.net');
    expect(siteKey('chrome://extensions')).toBeNull();
    expect(siteKey('not a url')).toBeNull();
  });
});
