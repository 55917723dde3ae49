/**
 * Whatever storage hands back (random JSON, wrong types, huge values, hostile keys), reading
 * the settings never throws, always yields a well-formed value, and keeps every valid site
 * that was stored beside the junk.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, isSiteEnabled, sanitizeSettings, SETTINGS_MIGRATIONS, type Settings } from '../../../lib/settings';

function wellFormed(s: Settings): void {
  expect(Object.keys(s).sort()).toEqual(Object.keys(DEFAULT_SETTINGS).sort());
  expect(typeof s.paused).toBe('boolean');
  expect(['all', 'first']).toContain(s.markMode);
  expect([true, false, null]).toContain(s.tapToExplain);
  for (const list of [s.disabledSites, s.enabledSites]) {
    expect(Array.isArray(list)).toBe(true);
    for (const site of list) expect(typeof site).toBe('string');
  }
  expect(Object.getPrototypeOf(s.hiddenEntities)).toBe(Object.prototype);
  for (const [host, ids] of Object.entries(s.hiddenEntities)) {
    expect(typeof host).toBe('string');
    for (const id of ids) expect(id).toMatch(/^[a-z0-9-]+$/);
  }
}

const junk = fc.oneof(
  fc.jsonValue(),
  fc.anything(),
  fc.string({ maxLength: 5000 }),
  fc.array(fc.anything(), { maxLength: 50 }),
  fc.constant({ __proto__: { paused: true } }),
  fc.constant(JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"x": 1}}}')),
);

describe('stored settings, fuzzed', () => {
  it('never throws on anything and always gives well-formed settings', () => {
    fc.assert(
      fc.property(junk, (raw) => {
        wellFormed(sanitizeSettings(raw));
      }),
      { numRuns: 2000 },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('keeps the valid sites stored among wrong types and huge values', () => {
    // A host name is at most 253 characters; fc.domain() can go a little over (those are refused, below).
    const host = fc
      .domain()
      .map((d) => d.toLowerCase().replace(/^www\./, ''))
      .filter((d) => d.length <= 253);
    const valid = fc.uniqueArray(host, { minLength: 1, maxLength: 20 });
    fc.assert(
      fc.property(valid, fc.array(junk, { maxLength: 20 }), fc.dictionary(fc.string(), junk, { maxKeys: 10 }), (sites, noise, extra) => {
        // The valid sites interleaved with the junk, and one huge string.
        const mixed = [...sites.flatMap((site, i) => [noise[i], site]), ...noise.slice(sites.length), 'x'.repeat(100_000)];
        const read = sanitizeSettings({ ...extra, disabledSites: mixed, paused: 'yes', markMode: 42 });
        wellFormed(read);
        for (const site of sites) expect(isSiteEnabled(read, site), site).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('drops a host longer than 253 characters, and keeps one of 253 and the sites around it', () => {
    const label = 'a'.repeat(63);
    const long = `${label}.${label}.${label}.${label.slice(0, 59)}.vn`;
    const longest = long.slice(1);
    expect(long).toHaveLength(254);
    const read = sanitizeSettings({ disabledSites: ['vnexpress.net', long, 42, longest, 'tuoitre.vn'] });
    expect(read.disabledSites).toEqual(['vnexpress.net', longest, 'tuoitre.vn']);
    expect(isSiteEnabled(read, long)).toBe(true);
  });

  it('migrates any old value without throwing', () => {
    expect(Object.keys(SETTINGS_MIGRATIONS).length, 'migrations to run').toBeGreaterThan(0);
    for (const migrate of Object.values(SETTINGS_MIGRATIONS)) {
      fc.assert(
        fc.property(junk, (raw) => {
          wellFormed(sanitizeSettings(migrate(raw)));
        }),
        { numRuns: 500 },
      );
    }
  });
});
