/** The Firefox build passes Mozilla's linter (web-ext lint) and says what Firefox asks. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers';
import { FIREFOX_ADDON_ID } from '../../lib/constants';

const FIREFOX_DIR = join(ROOT, '.output/firefox-mv2');

/** Warnings known and accepted: Preact and WXT's storage set innerHTML-like properties the linter cannot see through. */
const ACCEPTED_WARNINGS = new Set(['UNSAFE_VAR_ASSIGNMENT']);

describe('the Firefox build', () => {
  it('has no web-ext lint error, and no warning beyond the known ones', () => {
    let output: string;
    try {
      output = execFileSync(join(ROOT, 'node_modules/.bin/web-ext'), ['lint', '--source-dir', FIREFOX_DIR, '--output', 'json', '--no-config-discovery'], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      });
    } catch (error) {
      // web-ext exits non-zero when it finds errors; its report is still on stdout.
      output = (error as { stdout: string }).stdout;
    }
    const report = JSON.parse(output) as { summary: { errors: number }; errors: Array<{ code: string; message: string }>; warnings: Array<{ code: string; file: string }> };
    expect(report.errors.map((e) => `${e.code}: ${e.message}`)).toEqual([]);
    expect(report.summary.errors).toBe(0);
    expect(report.warnings.filter((w) => !ACCEPTED_WARNINGS.has(w.code)).map((w) => `${w.code}: ${w.file}`)).toEqual([]);
  });

  it('has a gecko id, declares that it collects no data, and asks only for storage', () => {
    const manifest = JSON.parse(readFileSync(join(FIREFOX_DIR, 'manifest.json'), 'utf8'));
    expect(manifest.browser_specific_settings.gecko.id).toBe(FIREFOX_ADDON_ID);
    expect(manifest.browser_specific_settings.gecko.data_collection_permissions).toEqual({ required: ['none'] });
    expect(manifest.permissions).toEqual(['storage']);
    expect(JSON.stringify(manifest)).not.toMatch(/https?:\/\/(?!\*\/)/u);
  });
});
