/** The built extension asks for no more than it needs. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXTENSION_DIR } from '../../scripts/browser/launch';
import { COMMANDS } from '../../lib/constants';

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

  it('has no code for the channels a network proxy does not see (sockets, WebRTC, beacons) anywhere in the build', () => {
    const files = readdirSync(EXTENSION_DIR, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js'));
    expect(files.length).toBeGreaterThan(3);
    for (const file of files) {
      expect(readFileSync(join(EXTENSION_DIR, file), 'utf8'), file).not.toMatch(
        /\b(?:WebSocket|RTCPeerConnection|WebTransport|EventSource|XMLHttpRequest|sendBeacon)\b/,
      );
    }
  });
});

describe('the interface languages', () => {
  const messages = (locale: string) => JSON.parse(readFileSync(join(EXTENSION_DIR, '_locales', locale, 'messages.json'), 'utf8'));

  it('is Vietnamese by default, with every message in English too', () => {
    expect(manifest.default_locale).toBe('vi');
    expect(manifest.name).toBe('__MSG_extName__');
    const vi = messages('vi');
    const en = messages('en');
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
    for (const key of Object.keys(vi)) expect(en[key].message.length).toBeGreaterThan(0);
  });

  it('offers keyboard shortcuts to walk the mentions, described in both languages', () => {
    expect(Object.keys(manifest.commands).sort()).toEqual(expect.arrayContaining([COMMANDS.nextMention, COMMANDS.previousMention]));
    for (const command of [COMMANDS.nextMention, COMMANDS.previousMention]) {
      const key = /^__MSG_(\w+)__$/.exec(manifest.commands[command].description)![1]!;
      expect(messages('vi')[key].message).toMatch(/thẻ/);
      expect(messages('en')[key].message).toMatch(/card/);
      expect(manifest.commands[command].suggested_key.default).toMatch(/^Alt\+Shift\+[A-Z]$/);
    }
  });
});
