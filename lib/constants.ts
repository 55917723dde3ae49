/** Names, ids and budgets shared by the extension, its tooling and its tests: each written once here. */

/** The CSS Custom Highlight that paints every mention on a page. */
export const HIGHLIGHT_NAME = 'boi-canh';
/** The highlight of the mention whose card is open (or that the popup scrolled to). */
export const ACTIVE_HIGHLIGHT_NAME = 'boi-canh-active';

/** The User Timing measure of each slice of the content script's work (bench and tests read it). */
export const SLICE_MEASURE = 'boi-canh:slice';

/** The element that holds the card's shadow root, appended to <html>. */
export const CARD_HOST_TAG = 'boi-canh-popover';

/** The Firefox add-on id (browser_specific_settings.gecko.id). */
export const FIREFOX_ADDON_ID = 'boi-canh@boicanh';

/** The manifest's keyboard commands. */
export const COMMANDS = {
  nextMention: 'next-mention',
  previousMention: 'previous-mention',
  toggleSite: 'toggle-site',
} as const;

/**
 * The keys each command suggests (wxt.config.ts); Alt+Shift+B is Chromium's own and never
 * assigned. Keyed by the names written out, not computed from COMMANDS, so that a bundle
 * that does not use this object can drop it (the gate counts its bytes).
 */
export const SUGGESTED_KEYS = {
  'next-mention': 'Alt+Shift+J',
  'previous-mention': 'Alt+Shift+K',
  'toggle-site': 'Alt+Shift+O',
} as const satisfies Record<(typeof COMMANDS)[keyof typeof COMMANDS], string>;

/** Gzipped bytes allowed for the gate: every script and style sheet injected into every page and frame. */
export const GATE_BUDGET_GZIP = 3_000;
/** Gzipped bytes allowed for the engine (engine.js, matcher table included), loaded on pages that are read. */
export const ENGINE_BUDGET_GZIP = 25_000;
/** The built files of the engine and of the card's UI (content/built-scripts.ts). */
export const ENGINE_FILE = 'engine.js';
export const CARD_UI_FILE = 'card-ui.js';

/**
 * The compiled dataset as files of the extension (the build writes them to generated/data/,
 * the extension build copies them to data/): each part reads only what it needs, when it
 * needs it (docs/architecture.md, "The dataset at run time").
 */
export const DATA_DIR = 'data';
export const DATA_FILES = {
  /** Every entity's name and kind: the popup's results and the names of related entities. */
  entities: 'entities.json',
  /** The search index of entities alone (names, aliases, roles, descriptions): opened with the popup. */
  entityIndex: 'entity-index.json',
  /** The search index of everything, passages included, their text stored: searched in the popup's worker. */
  searchIndex: 'search-index.json',
  /** Every article's title, date and file: the sources of passages the worker quotes. */
  articles: 'articles.json',
} as const;
/** Cards are split by a hash of the entity id into this many files; one card reads one file. */
export const CARD_SHARDS = 64;
/** Passages quoted under each search result in the popup (its worker sends no more). */
export const QUOTES_PER_RESULT = 2;

/** Below this viewport width (CSS px) the card is a bottom sheet (a phone), above it a popover beside the mention. */
export const SHEET_BELOW_WIDTH = 600;
/** The sheet's greatest height, as a share of the viewport's: the article stays in sight above it. */
export const SHEET_MAX_HEIGHT = 0.6;
/** A swipe down on the sheet that goes at least this far (CSS px) closes it. */
export const SHEET_SWIPE_CLOSE_PX = 80;
