import preact from '@preact/preset-vite';
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defineConfig } from 'wxt';
import { CARD_UI_FILE, COMMANDS, DATA_DIR, ENGINE_FILE, FIREFOX_ADDON_ID, SUGGESTED_KEYS } from './lib/constants';
import { moduleReport } from './scripts/bundle-modules';

// The benchmark (npm run bench) builds variants beside the shipped build, never over it:
// BOI_CANH_OUT_DIR another output folder, BOI_CANH_GENERATED another compiled dataset (the
// one generated at scale), BOI_CANH_SOURCEMAP source maps (the shipped, minified code,
// traced back to its sources: where the bytes and the CPU time go). Unset, the
// build is the usual one.
const benchOutDir = process.env.BOI_CANH_OUT_DIR;
const benchGenerated = process.env.BOI_CANH_GENERATED;
const benchSourceMap = process.env.BOI_CANH_SOURCEMAP === '1';

/** The compiled dataset's run-time files (scripts/build-data.ts writes them), shipped as they are. */
const dataDir = resolve(benchGenerated ?? 'generated', DATA_DIR);

/** Where the content script runs: every web page. */
const PAGES = ['http://*/*', 'https://*/*'];
/** The content script's parts that load when needed (content/built-scripts.ts). */
const LAZY_SCRIPTS = [ENGINE_FILE, CARD_UI_FILE];

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Imports are written out: a newcomer can follow every name to its file.
  imports: false,
  ...(benchOutDir ? { outDir: resolve(benchOutDir) } : {}),
  hooks: {
    // The dataset's files (card shards, search indexes) go into the package under data/, read
    // with fetch where and when they are needed (docs/architecture.md).
    'build:publicAssets': (_wxt, files) => {
      for (const name of readdirSync(dataDir, { recursive: true, encoding: 'utf8' })) {
        const absoluteSrc = join(dataDir, name);
        if (statSync(absoluteSrc).isFile()) files.push({ absoluteSrc, relativeDest: `${DATA_DIR}/${name}` });
      }
    },
  },
  vite: () => ({
    // moduleReport: which source modules each built file holds, written beside the build (not
    // into it, so not into the store zips), for tests/e2e/budget.test.ts.
    plugins: [preact(), moduleReport()],
    ...(benchGenerated ? { resolve: { alias: [{ find: /^(?:\.\.\/)+generated\//, replacement: `${resolve(benchGenerated)}/` }] } } : {}),
    ...(benchSourceMap ? { build: { sourcemap: true } } : {}),
  }),
  manifest: ({ browser }) => ({
    // Vietnamese first; English for English browsers (public/_locales).
    default_locale: 'vi',
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    // Settings only. Content scripts reach pages through their match patterns; nothing else is asked.
    permissions: ['storage'],
    action: { default_title: 'Bối cảnh' },
    // The gate is the one script every page and frame runs (content/gate/session.ts); it is
    // listed here by hand, as a plain script, so that it carries no framework runtime.
    content_scripts: [{ matches: PAGES, all_frames: true, run_at: 'document_idle', js: ['gate.js'], css: ['assets/highlight.css'] }],
    // The engine, which the gate imports on pages it reads, and the card's UI, which the
    // engine imports the first time a card opens.
    web_accessible_resources: browser === 'firefox' ? LAZY_SCRIPTS : [{ resources: LAZY_SCRIPTS, matches: PAGES }],
    // The keyboard path: highlights cannot take focus, so shortcuts walk the mentions; and one
    // for the current site's switch. Readers can change them in the browser's shortcut settings.
    // Chromium leaves a suggested key unassigned when it is one of its own (Alt+Shift+B focuses
    // the bookmarks bar, Alt+Shift+N…): tests/e2e/reading.test.ts checks each is given.
    commands: {
      [COMMANDS.nextMention]: { suggested_key: { default: SUGGESTED_KEYS[COMMANDS.nextMention] }, description: '__MSG_nextMention__' },
      [COMMANDS.previousMention]: {
        suggested_key: { default: SUGGESTED_KEYS[COMMANDS.previousMention] },
        description: '__MSG_previousMention__',
      },
      [COMMANDS.toggleSite]: { suggested_key: { default: SUGGESTED_KEYS[COMMANDS.toggleSite] }, description: '__MSG_toggleSite__' },
    },
    // Firefox paints CSS Custom Highlights from version 140.
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: { id: FIREFOX_ADDON_ID, strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
            // Firefox for Android reads data_collection_permissions from version 142.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
  zip: { excludeSources: ['**/*.log', 'test-results/**', '.ci/results.json'] },
});
