/**
 * What every page pays for: the content script, matcher data included, stays within 20 kB
 * gzipped. The card's UI, the cards and the search index are loaded elsewhere, when needed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { EXTENSION_DIR } from '../../scripts/browser/launch';
import { CONTENT_SCRIPT_BUDGET_GZIP } from '../../lib/constants';

const BUDGET_BYTES = CONTENT_SCRIPT_BUDGET_GZIP;
const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
const content = readFileSync(join(EXTENSION_DIR, manifest.content_scripts[0].js[0]));

describe('the content script', () => {
  it(`is at most ${BUDGET_BYTES / 1000} kB gzipped, matcher data included`, () => {
    const gzipped = gzipSync(content, { level: 9 }).length;
    console.log(`Content script: ${content.length} bytes, ${gzipped} gzipped (budget ${BUDGET_BYTES}).`);
    expect(gzipped).toBeLessThanOrEqual(BUDGET_BYTES);
    // The matcher's table is in it, compact (lib/compact-matcher.ts): Sergei Lavrov's line,
    // where "Ngoại trưởng Nga Sergei Lavrov" is written over his other aliases...
    expect(content.toString()).toContain('sergei-lavrov|person|');
    expect(content.toString()).toMatch(/\|Ngoại trưởng Nga \{\d+\}\|/u);
  });

  it('leaves the card UI, the cards and the search index to their own files', () => {
    const text = content.toString();
    // Card UI (Preact, Floating UI, the card's styles), cards (quoted passages), the search index.
    expect(text).not.toContain('bc-popover');
    expect(text).not.toContain('computePosition');
    expect(text).not.toContain('Thượng viện và Hạ viện Nga đã thông qua');
    expect(text).not.toContain('documentCount');
    expect(manifest.web_accessible_resources).toEqual([{ resources: ['card-ui.js'], matches: ['http://*/*', 'https://*/*'] }]);
  });
});
