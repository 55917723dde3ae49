/** The Firefox build passes Mozilla's linter (web-ext lint) and says what Firefox asks. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers';
import { builtModules } from '../../scripts/bundle-modules';
import { FIREFOX_ADDON_ID } from '../../lib/constants';
import { FIREFOX_EXTENSION_DIR } from '../../scripts/browser/firefox';

const FIREFOX_DIR = FIREFOX_EXTENSION_DIR;

/**
 * The linter's warnings, each known and accepted: file (a chunk's hash read as "*"), code,
 * message, and how many times. Any other warning, or one more of these, fails.
 */
const ACCEPTED_WARNINGS: Array<{ file: string; code: string; message: string; count: number; holds: string }> = [
  // Preact's diff, where a component passes dangerouslySetInnerHTML (`e.innerHTML = d.__html`);
  // no component of ours does. Once for each file that bundles Preact: the card UI...
  {
    file: 'card-ui.js',
    code: 'UNSAFE_VAR_ASSIGNMENT',
    message: 'Unsafe assignment to innerHTML',
    count: 1,
    holds: 'node_modules/preact/dist/preact.mjs',
  },
  // ...and the chunk the popup and the options page share.
  {
    file: 'chunks/report-*.js',
    code: 'UNSAFE_VAR_ASSIGNMENT',
    message: 'Unsafe assignment to innerHTML',
    count: 1,
    holds: 'node_modules/preact/dist/preact.mjs',
  },
  // content/built-scripts.ts imports the engine (in the gate) and the card UI (in the engine)
  // by their extension URLs (runtime.getURL), which the linter cannot read as constants.
  ...['gate.js', 'engine.js'].map((file) => ({
    file,
    code: 'UNSAFE_VAR_ASSIGNMENT',
    message: 'Unsafe call to import for argument 0',
    count: 1,
    holds: 'content/built-scripts.ts',
  })),
];

/** A chunk's file name with its content hash read as "*": "chunks/report-*.js". */
const unhashed = (file: string) => file.replace(/^(chunks\/[\w.]+)-[\w-]{8}\.js$/, '$1-*.js');

describe('the Firefox build', () => {
  it('has no web-ext lint error, and exactly the known warnings', () => {
    let output: string;
    try {
      output = execFileSync(
        join(ROOT, 'node_modules/.bin/web-ext'),
        ['lint', '--source-dir', FIREFOX_DIR, '--output', 'json', '--no-config-discovery'],
        {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'ignore'],
        },
      );
    } catch (error) {
      // web-ext exits non-zero when it finds errors; its report is still on stdout.
      output = (error as { stdout: string }).stdout;
    }
    type Message = { code: string; message: string; file: string };
    const report = JSON.parse(output) as { summary: { errors: number }; errors: Message[]; warnings: Message[]; notices: Message[] };
    expect(report.errors.map((e) => `${e.code}: ${e.message}`)).toEqual([]);
    expect(report.summary.errors).toBe(0);
    expect(report.notices.map((n) => `${n.file}: ${n.code}: ${n.message}`)).toEqual([]);
    const line = (m: { file: string; code: string; message: string }) => `${unhashed(m.file)}: ${m.code}: ${m.message}`;
    expect(report.warnings.map(line).sort()).toEqual(ACCEPTED_WARNINGS.flatMap((w) => Array<string>(w.count).fill(line(w))).sort());
    // Where each comes from: the file holds the module named above (the build's module report).
    for (const w of ACCEPTED_WARNINGS) {
      const file = report.warnings.find((m) => unhashed(m.file) === w.file)!.file;
      expect(
        builtModules(FIREFOX_DIR, file).modules.map((m) => m.id),
        `${file} holds ${w.holds}`,
      ).toContain(w.holds);
    }
  });

  it('has a gecko id, declares that it collects no data, and asks only for storage', () => {
    const manifest = JSON.parse(readFileSync(join(FIREFOX_DIR, 'manifest.json'), 'utf8'));
    expect(manifest.browser_specific_settings.gecko.id).toBe(FIREFOX_ADDON_ID);
    expect(manifest.browser_specific_settings.gecko.data_collection_permissions).toEqual({ required: ['none'] });
    expect(manifest.permissions).toEqual(['storage']);
    expect(JSON.stringify(manifest)).not.toMatch(/https?:\/\/(?!\*\/)/u);
  });
});
