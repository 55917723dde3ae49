/** The built extension asks for no more than it needs. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXTENSION_DIR } from '../../scripts/browser/launch';

const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));

describe('the built manifest', () => {
  it('asks only for storage, and for no host beyond its content script’s http(s) pages', () => {
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.permissions).toEqual(['storage']);
    expect(manifest.host_permissions).toBeUndefined();
    expect(manifest.optional_permissions).toBeUndefined();
    expect(manifest.content_scripts.map((c: { matches: string[] }) => c.matches)).toEqual([['http://*/*', 'https://*/*']]);
  });

  it('carries its icons and no remote code', () => {
    for (const size of ['16', '32', '48', '128']) expect(existsSync(join(EXTENSION_DIR, manifest.icons[size]))).toBe(true);
    const content = readFileSync(join(EXTENSION_DIR, manifest.content_scripts[0].js[0]), 'utf8');
    expect(content).not.toMatch(/\bimport\(\s*["']https?:/);
    expect(content).not.toMatch(/\bfetch\(/);
  });
});
