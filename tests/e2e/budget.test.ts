/**
 * What every page pays for: every script and style sheet the manifest injects into pages,
 * matcher data included, stays within CONTENT_SCRIPT_BUDGET_GZIP gzipped, in each build. The
 * card's UI, the cards and the search index are loaded elsewhere, when needed: the build's
 * module report (scripts/bundle-modules.ts) says which source modules each injected file holds.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { builtModules, type BuiltFile } from '../../scripts/bundle-modules';
import { EXTENSION_DIR } from '../../scripts/browser/launch';
import { FIREFOX_EXTENSION_DIR } from '../../scripts/browser/firefox';
import { selectedBrowsers, type BrowserName } from '../../scripts/browser/driver';
import { CONTENT_SCRIPT_BUDGET_GZIP } from '../../lib/constants';

const BUILDS: Record<BrowserName, string> = { chromium: EXTENSION_DIR, firefox: FIREFOX_EXTENSION_DIR };

/** What only an open card needs (entrypoints/card-ui/ and what it imports), by source path. */
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

for (const name of selectedBrowsers()) {
  const dir = BUILDS[name];
  describe(`the ${name} build (${dir.split('/').pop()})`, () => {
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
      content_scripts: Array<{ js?: string[]; css?: string[] }>;
      web_accessible_resources: unknown;
    };
    // Every file any content_scripts entry injects, scripts and style sheets.
    const injected = [...new Set(manifest.content_scripts.flatMap((s) => [...(s.js ?? []), ...(s.css ?? [])]))];

    it(`injects at most ${CONTENT_SCRIPT_BUDGET_GZIP / 1000} kB gzipped into a page, matcher data included`, () => {
      expect(injected).toContain('content-scripts/content.js');
      const sizes = injected.map((file) => {
        const data = readFileSync(join(dir, file));
        return { file, raw: data.length, gzip: gzipSync(data, { level: 9 }).length };
      });
      const total = sizes.reduce((sum, s) => sum + s.gzip, 0);
      console.log(
        `Injected into pages (${name}): ${sizes.map((s) => `${s.file} ${s.raw} bytes, ${s.gzip} gzipped`).join('; ')}; total ${total} gzipped (budget ${CONTENT_SCRIPT_BUDGET_GZIP}).`,
      );
      expect(total).toBeLessThanOrEqual(CONTENT_SCRIPT_BUDGET_GZIP);
      // The matcher's table is in it, compact (lib/compact-matcher.ts): Sergei Lavrov's line,
      // where "Ngoại trưởng Nga Sergei Lavrov" is written over his other aliases...
      const script = readFileSync(join(dir, 'content-scripts/content.js'), 'utf8');
      expect(script).toContain('sergei-lavrov|person|');
      expect(script).toMatch(/\|Ngoại trưởng Nga \{\d+\}\|/u);
    });

    it('leaves the card UI, the cards and the search index out of what it injects', () => {
      const found: string[] = [];
      for (const file of injected) {
        const ids = sources(file, builtModules(dir, file));
        if (file === 'content-scripts/content.js') {
          // The list is the real one: the scanner and the matcher data are in it.
          expect(ids).toContain('entrypoints/content/scanner.ts');
          expect(ids).toContain('generated/matcher-compact.json');
        }
        for (const [part, pattern] of Object.entries({ ...CARD_UI, ...ELSEWHERE })) {
          found.push(...ids.filter((id) => pattern.test(id)).map((id) => `${file}: ${id} (${part})`));
        }
      }
      expect(found).toEqual([]);
    });

    it('keeps the card UI in card-ui.js, which pages may load', () => {
      expect(existsSync(join(dir, 'card-ui.js')), 'card-ui.js is built').toBe(true);
      const ids = sources('card-ui.js', builtModules(dir, 'card-ui.js'));
      for (const [part, pattern] of Object.entries(CARD_UI))
        expect(
          ids.filter((id) => pattern.test(id)),
          `card-ui.js holds ${part}`,
        ).not.toEqual([]);
      expect(manifest.web_accessible_resources).toEqual(
        name === 'firefox' ? ['card-ui.js'] : [{ resources: ['card-ui.js'], matches: ['http://*/*', 'https://*/*'] }],
      );
    });
  });
}
