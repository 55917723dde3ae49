/**
 * What pages pay for, read from the build output of each browser:
 * - the gate, every script and style sheet the manifest injects into every page and frame,
 *   stays within GATE_BUDGET_GZIP and holds none of the engine;
 * - the engine (engine.js, matcher table included), which the gate imports on pages it
 *   reads, stays within ENGINE_BUDGET_GZIP and holds none of the card's UI;
 * - the card's UI (card-ui.js) holds Preact, Floating UI and the components, loaded on the
 *   first card; the cards and the search index stay with the background and the popup.
 * The build's module report (scripts/bundle-modules.ts) says which source modules each file holds.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { builtModules, type BuiltFile } from '../../scripts/bundle-modules';
import { EXTENSION_DIR } from '../../scripts/browser/launch';
import { FIREFOX_EXTENSION_DIR } from '../../scripts/browser/firefox';
import { selectedBrowsers, type BrowserName } from '../../scripts/browser/driver';
import { CARD_UI_FILE, ENGINE_BUDGET_GZIP, ENGINE_FILE, GATE_BUDGET_GZIP } from '../../lib/constants';

const BUILDS: Record<BrowserName, string> = { chromium: EXTENSION_DIR, firefox: FIREFOX_EXTENSION_DIR };

/** What only a page that is read needs, by source path. */
const ENGINE: Record<string, RegExp> = {
  'the matcher table': /^generated\/matcher/,
  'the matcher': /^lib\/matcher\.ts$/,
  'the scanner': /^content\/scanner\//,
  'the features': /^content\/features\//,
  'the engine': /^content\/engine\//,
  'the polyfill': /^node_modules\/webextension-polyfill\//,
};
/** What only an open card needs (entrypoints/card-ui/ and what it imports). */
const CARD_UI: Record<string, RegExp> = {
  Preact: /^node_modules\/preact\//,
  'Floating UI': /^node_modules\/@floating-ui\//,
  'components/': /^components\//,
  'entrypoints/card-ui/': /^entrypoints\/card-ui\//,
};
/** What the background page and the popup load: the cards (quoted passages) and the search index. */
const ELSEWHERE: Record<string, RegExp> = {
  cards: /^generated\/cards\.json$/,
  'search index': /^generated\/search-index\.json$|^node_modules\/minisearch\/|^lib\/search\.ts$/,
};

/** The sources that put bytes in a file: a script's modules with code kept, a style sheet's CSS modules. */
const sources = (file: string, built: BuiltFile) =>
  built.modules.filter((m) => m.renderedLength > 0 || file.endsWith('.css')).map((m) => m.id);

/** Which of the parts a file holds, as "file: module (part)". */
const partsIn = (dir: string, file: string, parts: Record<string, RegExp>) => {
  const ids = sources(file, builtModules(dir, file));
  return Object.entries(parts).flatMap(([part, pattern]) => ids.filter((id) => pattern.test(id)).map((id) => `${file}: ${id} (${part})`));
};

const gzipped = (dir: string, file: string) => {
  const data = readFileSync(join(dir, file));
  return { file, raw: data.length, gzip: gzipSync(data, { level: 9 }).length };
};

for (const name of selectedBrowsers()) {
  const dir = BUILDS[name];
  describe(`the ${name} build (${dir.split('/').pop()})`, () => {
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
      content_scripts: Array<{ js?: string[]; css?: string[]; all_frames?: boolean }>;
      web_accessible_resources: unknown;
    };
    // Every file any content_scripts entry injects, scripts and style sheets.
    const injected = [...new Set(manifest.content_scripts.flatMap((s) => [...(s.js ?? []), ...(s.css ?? [])]))];

    it(`injects at most ${GATE_BUDGET_GZIP / 1000} kB gzipped into every page and frame: the gate alone`, () => {
      expect(injected).toEqual(['gate.js', 'assets/highlight.css']);
      expect(manifest.content_scripts.every((s) => s.all_frames)).toBe(true);
      const sizes = injected.map((file) => gzipped(dir, file));
      const total = sizes.reduce((sum, s) => sum + s.gzip, 0);
      console.log(
        `Injected into pages (${name}): ${sizes.map((s) => `${s.file} ${s.raw} bytes, ${s.gzip} gzipped`).join('; ')}; total ${total} gzipped (budget ${GATE_BUDGET_GZIP}).`,
      );
      expect(total).toBeLessThanOrEqual(GATE_BUDGET_GZIP);
      // The list is the real one: the gate's session and its language test are in it...
      const ids = sources('gate.js', builtModules(dir, 'gate.js'));
      expect(ids).toContain('content/gate/session.ts');
      expect(ids).toContain('lib/language.ts');
      // ...and nothing of the engine, the card or the dataset.
      expect(injected.flatMap((file) => partsIn(dir, file, { ...ENGINE, ...CARD_UI, ...ELSEWHERE }))).toEqual([]);
    });

    it(`keeps the engine in ${ENGINE_FILE}, at most ${ENGINE_BUDGET_GZIP / 1000} kB gzipped with the seed dataset's matcher table`, () => {
      const size = gzipped(dir, ENGINE_FILE);
      console.log(`The engine (${name}): ${size.raw} bytes, ${size.gzip} gzipped (budget ${ENGINE_BUDGET_GZIP}).`);
      expect(size.gzip).toBeLessThanOrEqual(ENGINE_BUDGET_GZIP);
      // Everything a page that is read needs is in it, the polyfill excepted (content/api.ts).
      for (const [part, pattern] of Object.entries(ENGINE)) {
        if (part !== 'the polyfill') expect(partsIn(dir, ENGINE_FILE, { [part]: pattern }), `${ENGINE_FILE} holds ${part}`).not.toEqual([]);
      }
      // The matcher's table is in it, compact (lib/compact-matcher.ts): Sergei Lavrov's line,
      // where "Ngoại trưởng Nga Sergei Lavrov" is written over his other aliases.
      const script = readFileSync(join(dir, ENGINE_FILE), 'utf8');
      expect(script).toContain('sergei-lavrov|person|');
      expect(script).toMatch(/\|Ngoại trưởng Nga \{\d+\}\|/u);
      expect(partsIn(dir, ENGINE_FILE, { 'the polyfill': ENGINE['the polyfill']!, ...CARD_UI, ...ELSEWHERE })).toEqual([]);
    });

    it(`keeps the card UI in ${CARD_UI_FILE}, and both lazy parts loadable by pages`, () => {
      for (const [part, pattern] of Object.entries(CARD_UI))
        expect(partsIn(dir, CARD_UI_FILE, { [part]: pattern }), `${CARD_UI_FILE} holds ${part}`).not.toEqual([]);
      expect(partsIn(dir, CARD_UI_FILE, ELSEWHERE)).toEqual([]);
      const lazy = [ENGINE_FILE, CARD_UI_FILE];
      expect(manifest.web_accessible_resources).toEqual(
        name === 'firefox' ? lazy : [{ resources: lazy, matches: ['http://*/*', 'https://*/*'] }],
      );
    });
  });
}
