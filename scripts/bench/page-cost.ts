/**
 * The page cost: what the extension adds to a page, over the same page without it, in real
 * Chromium. Three browsers run side by side, each launched once with the same flags:
 *
 * - alone: an extension with no content script (a manifest and an empty service worker);
 * - floor: the built extension with every content script file emptied: what merely having
 *   a content script in every frame costs (an isolated world per frame);
 * - API floor: the same, each injected script replaced by the least any gate must do (API_FLOOR_SCRIPT):
 *   read the frame's size and, in a frame big enough, read the settings, watch them, and (the
 *   top frame) listen for the popup's messages. Touching the extension API builds its bindings
 *   in the isolated world, and that, not the gate's own code, is most of what a page pays;
 * - built: the built extension.
 *
 * Each page is loaded in the three in turn, run after run, and measured when it is quiet:
 * the JavaScript time of a V8 CPU profile of the load, and the renderer's task time and JS
 * heap (after a garbage collection) from the DevTools Performance domain. The Performance
 * domain's own ScriptDuration is not used for script time: it leaves out promise
 * continuations (microtasks), and the engine's slices run in them (each resumes an `await`
 * of an idle callback), so it gives a few ms for a pass of about 100. Firefox has nothing of
 * the kind (see FIREFOX_NO_TIMES); its JS memory is read from its memory reporters.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import type { Browser, Page as FirefoxPage } from 'puppeteer-core';
import type { MatcherData } from '../../lib/artifacts';
import type { MentionsResponse } from '../../lib/messages';
import { Matcher } from '../../lib/matcher';
import { installRecorder, PAGE_NAMES, readRecorder } from './in-page';
import { datasetSentences, newsPage } from './page-text';
import { kB, median, ms, table } from './stats';
import { launchWithExtension, type ExtensionBrowser } from '../browser/launch';
import { FIREFOX_EXTENSION_ORIGIN, findFirefox, launchFirefox } from '../browser/firefox';
import { getMentions, mentionsWhen, pollMentions, tabIdOf } from '../browser/page-tools';
import { serveGenerated } from '../browser/server';

const root = resolve(import.meta.dirname, '../..');
/** A Vietnamese article that names nothing in the dataset: a negative control of the dev pages (gold.json: no mentions). */
const QUIET_VI_ARTICLE = join(root, 'tests/fixtures/dev-pages/pages/31.html');
/** The quiet rule: between two readings this far apart, ScriptDuration unchanged and task time grown by less than QUIET_TASK_MS. */
const QUIET_MS = 200;
/** An idle page's task time still grows by about 0.4 ms in 200 ms (timers, the readings themselves); one engine slice is several ms. */
const QUIET_TASK_MS = 1;
/** The CPU profile's sampling interval, µs. */
const SAMPLING_US = 200;
const QUIET_DEADLINE_MS = 30_000;
const LOAD_TIMEOUT_MS = 120_000;

/** Loads per page and browser in Firefox, whose JS memory repeats to the byte. */
const FIREFOX_RUNS = 3;

const FIREFOX_NO_TIMES =
  'Script and task time are not measured in Firefox: WebDriver BiDi has no performance metrics, and the privileged code reached here ' +
  'gives CPU time per process only (every thread: parsing, layout, the compositor); the Gecko profiler’s samples would be the way, not done here.';

export interface PageCostOptions {
  /** The built extension (unpacked); copied at the start, so that a rebuild during the run does not change it. */
  extensionDir: string;
  /** The Firefox build, copied the same way; none: Firefox is not measured. */
  firefoxExtensionDir?: string;
  /** The generated/ folder it was built with: its sentences and aliases. */
  generatedDir: string;
  /** Loads per browser and page; `bigRuns` for the 1 MB pages. */
  runs: number;
  bigRuns: number;
}

type Setup = 'alone' | 'floor' | 'api' | 'built';
const SETUPS: Setup[] = ['alone', 'floor', 'api', 'built'];

/** The least a gate does in every frame (see the header); the sizes are the gate's own (content/dom/frame.ts). */
const API_FLOOR_SCRIPT = `(() => {
  if (innerWidth < 320 || innerHeight < 200) return;
  const api = globalThis.browser?.runtime?.id ? globalThis.browser : globalThis.chrome;
  void api.storage.local.get('settings');
  api.storage.onChanged.addListener(() => {});
  if (window.top === window) api.runtime.onMessage.addListener(() => undefined);
})();`;

interface Metrics {
  /** JavaScript time in the CPU profile, ms: every world of the page's renderer, the extension's isolated worlds included. */
  script: number;
  task: number;
  heap: number;
}

interface Profile {
  nodes: Array<{ id: number; callFrame: { functionName: string } }>;
  samples: number[];
  timeDeltas: number[];
}

/** Profile nodes that are not JavaScript: native work (parsing, style, layout), the collector, idle time. */
const NOT_SCRIPT = new Set(['(root)', '(idle)', '(program)', '(garbage collector)']);

function scriptTime(profile: Profile): number {
  const notScript = new Set(profile.nodes.filter((n) => NOT_SCRIPT.has(n.callFrame.functionName)).map((n) => n.id));
  return profile.samples.reduce((sum, id, i) => (notScript.has(id) ? sum : sum + (profile.timeDeltas[i] ?? 0)), 0) / 1000;
}

/** The built extension's own pass on the 1 MB Vietnamese page: its first slice to the last change of the marks. */
interface Pass {
  toLastMarks: number;
  longestTask: number;
}

export interface PageCostResult {
  label: string;
  /** Frames holding the content script: the page and its iframes. */
  frames: number;
  runs: number;
  metrics: Record<Setup, Metrics[]>;
  pass?: Pass[];
}

export interface FirefoxResult {
  label: string;
  runs: number;
  /** JS memory of the tab, bytes. */
  heap: Record<Setup, number[]>;
}

export interface PageCostReport {
  pages: PageCostResult[];
  /** Firefox's figures, or why there are none. */
  firefox: FirefoxResult[] | string;
}

interface CostPage {
  label: string;
  file: string;
  frames: number;
  runs: number;
  /** Vietnamese: the built extension works here, so its answer to get-mentions is awaited first. */
  vietnamese: boolean;
  /** For the Vietnamese article: it must name nothing. */
  noMentions?: boolean;
  /** Record the built extension's pass (extra loads, not in the cost figures). */
  pass?: boolean;
}

const ENGLISH = [
  'The city council met on Tuesday evening to discuss the new plan for the riverside park, which has been closed for repairs since the spring floods.',
  'Residents who attended the meeting asked for more benches, better lighting along the footpaths and a safe crossing near the primary school.',
  'Engineers explained that the old retaining wall had been weakened by years of heavy rain and would have to be rebuilt before any planting could begin.',
  'The work is expected to take about eight months, and the council hopes to reopen the first section of the park in time for the summer holidays.',
  'Local businesses welcomed the news, saying that the closure had kept many visitors away from the cafés and shops on the market street.',
  'A small group of volunteers has already offered to help with the planting of trees and flower beds once the heavy building work is finished.',
  'The library will host an exhibition of old photographs showing the park as it looked a hundred years ago, when it was still a field of orchards.',
  'Several speakers praised the design, which keeps the large lawn for concerts and adds a playground with equipment for children of all ages.',
  'Others worried about the cost, which has risen since the first estimate because of higher prices for timber, stone and transport.',
  'The council said that part of the money would come from a national fund for green spaces and the rest from the city budget over two years.',
  'Weather permitting, the first lorries will arrive next month, and a temporary path will let walkers reach the bridge while the work goes on.',
  'A final decision on the name of the new garden will be made after a public vote, which opens online and in the town hall next week.',
];

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function englishPage(paragraphs: string[], extra = ''): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Riverside park to reopen next summer</title>
<style>body{font:17px/1.6 Georgia,serif;max-width:720px;margin:24px auto;padding:0 16px}iframe{border:0;margin:8px}</style></head>
<body>
<header><a href="/">The Town Courier</a> · <nav><a href="/news">News</a> <a href="/sport">Sport</a></nav></header>
<article>
<h1>Riverside park to reopen next summer</h1>
<time datetime="2024-05-14">14 May 2024</time>
${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
</article>
${extra}
<footer>© The Town Courier</footer>
</body>
</html>
`;
}

/** About `bytes` of English text: the dozen paragraphs over and over. */
function englishParagraphs(bytes: number): string[] {
  const out: string[] = [];
  for (let total = 0, n = 0; total < bytes; n++) {
    const p = `${ENGLISH[n % ENGLISH.length]} ${ENGLISH[(n * 5 + 3) % ENGLISH.length]}`;
    out.push(p);
    total += Buffer.byteLength(p) + 1;
  }
  return out;
}

/** An ad as ads are: a small document holding a link, in an iframe of the same origin. */
const AD_HTML = `<!doctype html>
<html><head><meta charset="utf-8"><style>body{margin:0;font:14px Arial,sans-serif;background:#f4f1e8}a{display:block;padding:16px}</style></head>
<body><a href="/offer" target="_top">Garden tools: 20% off this week only</a></body></html>
`;

const decodeEntities = (text: string) =>
  text
    .replace(/&nbsp;/g, '\u00a0')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&');

/** The page's text as the matcher would see it (every element's, not only the article's: stricter than the content script). */
function pageText(html: string): string {
  return decodeEntities(html.replace(/<(style|script)[\s\S]*?<\/\1>/g, ' ').replace(/<[^>]+>/g, ' '));
}

/** The pages and the files that serve them. */
function costPages(options: PageCostOptions): { pages: CostPage[]; files: Record<string, string> } {
  const sentences = datasetSentences(options.generatedDir);
  const article = readFileSync(QUIET_VI_ARTICLE, 'utf8');
  // The article must name nothing in the dataset, as the matcher of this build finds names.
  const matcherData = JSON.parse(readFileSync(join(options.generatedDir, 'matcher.json'), 'utf8')) as MatcherData;
  const matcher = new Matcher(matcherData.aliases.map(([text, entity]) => ({ text, entity })));
  const found = matcher.find(pageText(article)).length;
  if (found !== 0)
    throw new Error(`page cost: ${QUIET_VI_ARTICLE} should name nothing in the dataset, but the matcher finds ${found} mention(s)`);
  // Same-origin iframes: a cross-origin one runs in another renderer process (site isolation), outside the page's metrics.
  const ads = Array.from({ length: 10 }, (_, i) => `<iframe src="ad.html?${i + 1}" width="300" height="250" title="Ad ${i + 1}"></iframe>`);
  const files = {
    'en.html': englishPage(ENGLISH),
    'en-ads.html': englishPage(ENGLISH, `<aside>${ads.join('\n')}</aside>`),
    'ad.html': AD_HTML,
    'en-1mb.html': englishPage(englishParagraphs(1_000_000)),
    'vi-article.html': article,
    'vi-1mb.html': newsPage(sentences, 1_000_000).html,
  };
  const { runs, bigRuns } = options;
  const pages: CostPage[] = [
    { label: 'English article (12 ¶)', file: 'en.html', frames: 1, runs, vietnamese: false },
    { label: 'English article + 10 ad iframes', file: 'en-ads.html', frames: 11, runs, vietnamese: false },
    { label: 'English, 1 MB', file: 'en-1mb.html', frames: 1, runs: bigRuns, vietnamese: false },
    { label: 'Vietnamese article, no names (dev page 31)', file: 'vi-article.html', frames: 1, runs, vietnamese: true, noMentions: true },
    { label: 'Vietnamese news, 1 MB', file: 'vi-1mb.html', frames: 1, runs: bigRuns, vietnamese: true, pass: true },
  ];
  return { pages, files };
}

/** Copies the built extension, waiting out a build in progress: every file the manifest names must be there. */
async function copyBuilt(from: string, to: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    rmSync(to, { recursive: true, force: true });
    try {
      cpSync(from, to, { recursive: true });
      const manifest = JSON.parse(readFileSync(join(to, 'manifest.json'), 'utf8')) as Manifest;
      const named = [
        ...(manifest.content_scripts ?? []).flatMap((c) => [...(c.js ?? []), ...(c.css ?? [])]),
        ...(manifest.web_accessible_resources ?? []).flatMap((w) => (typeof w === 'string' ? [w] : (w.resources ?? []))),
      ];
      const missing = named.filter((file) => !existsSync(join(to, file)));
      if (missing.length === 0 && (manifest.content_scripts ?? []).length > 0) return;
      if (Date.now() > deadline)
        throw new Error(`page cost: the built extension in ${from} lacks ${missing.join(', ') || 'content scripts'}`);
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
    await new Promise((done) => setTimeout(done, 2000));
  }
}

interface Manifest {
  content_scripts?: Array<{ js?: string[]; css?: string[] }>;
  /** Objects in Manifest V3, file names in V2 (Firefox). */
  web_accessible_resources?: Array<string | { resources?: string[] }>;
}

/** The three extensions, in `dir`; `alone` is the manifest of the one without content scripts (its background script is empty). */
async function prepareExtensions(builtDir: string, dir: string, aloneManifest: object): Promise<Record<Setup, string>> {
  const built = join(dir, 'built');
  await copyBuilt(builtDir, built);
  // The floor: the same files and manifest, each injected script an empty file (the styles stay).
  const floor = join(dir, 'floor');
  cpSync(built, floor, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(floor, 'manifest.json'), 'utf8')) as Manifest;
  for (const script of manifest.content_scripts ?? []) for (const js of script.js ?? []) writeFileSync(join(floor, js), '');
  const api = join(dir, 'api');
  cpSync(floor, api, { recursive: true });
  for (const script of manifest.content_scripts ?? []) for (const js of script.js ?? []) writeFileSync(join(api, js), API_FLOOR_SCRIPT);
  const alone = join(dir, 'alone');
  mkdirSync(alone, { recursive: true });
  writeFileSync(join(alone, 'manifest.json'), JSON.stringify(aloneManifest));
  writeFileSync(join(alone, 'background.js'), '');
  return { alone, floor, api, built };
}

/** The Performance domain's figures: ScriptDuration and TaskDuration in ms (it gives seconds), JSHeapUsedSize in bytes. */
async function performanceMetrics(cdp: CDPSession): Promise<{ scriptDuration: number; task: number; heap: number }> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const value = (name: string) => metrics.find((m) => m.name === name)?.value ?? Number.NaN;
  return { scriptDuration: value('ScriptDuration') * 1000, task: value('TaskDuration') * 1000, heap: value('JSHeapUsedSize') };
}

/** The quiet rule: two readings QUIET_MS apart with the same ScriptDuration and almost the same task time (the engine's slices show only there). */
async function untilQuiet(cdp: CDPSession, step: string): Promise<void> {
  const deadline = Date.now() + QUIET_DEADLINE_MS;
  let last = await performanceMetrics(cdp);
  for (;;) {
    await new Promise((done) => setTimeout(done, QUIET_MS));
    const now = await performanceMetrics(cdp);
    if (now.scriptDuration === last.scriptDuration && now.task - last.task < QUIET_TASK_MS) return;
    if (Date.now() > deadline) {
      throw new Error(
        `page cost: ${step}: not quiet ${QUIET_DEADLINE_MS / 1000} s after load (task time ${now.task.toFixed(1)} ms and growing)`,
      );
    }
    last = now;
  }
}

/**
 * One load of a page in one browser: new tab, metrics and the CPU profiler on, load, the wait;
 * then the task time, the profile, a garbage collection and the heap, in that order: the
 * profile's transfer and the collection are tasks of the renderer, which the task time must not count.
 */
async function measure(browser: ExtensionBrowser, setup: Setup, page: CostPage, url: string): Promise<Metrics> {
  const step = `${page.label} with ${setup}`;
  const tab: Page = await browser.context.newPage();
  try {
    const cdp = await browser.context.newCDPSession(tab);
    await cdp.send('Performance.enable');
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: SAMPLING_US });
    await cdp.send('Profiler.start');
    await tab.goto(url, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS });
    // In front in every browser, as tabIdOf puts it (the content script pauses in hidden tabs).
    await tab.bringToFront();
    const tabId = setup === 'built' ? await tabIdOf(browser, tab) : -1;
    if (setup === 'built' && page.vietnamese) {
      // The answer waits for the first pass and any rescan: it comes when marking is done.
      const answer = await mentionsWhen(browser, tabId, (r) => r.active, { timeoutMs: LOAD_TIMEOUT_MS, orLast: true });
      if (!answer.active) throw new Error(`page cost: ${step}: the content script is not working (${answer.reason})`);
      if (page.noMentions && answer.mentions.length > 0)
        throw new Error(`page cost: ${step}: ${answer.mentions.length} mention(s) marked, none expected`);
    }
    await untilQuiet(cdp, step);
    const { task } = await performanceMetrics(cdp);
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
    await cdp.send('HeapProfiler.collectGarbage');
    const metrics: Metrics = { script: scriptTime(profile), task, heap: (await performanceMetrics(cdp)).heap };
    if (setup === 'built' && !page.vietnamese) {
      // Asked after the metrics are read, so it costs them nothing: the content script must have stayed dormant.
      const answer = await getMentions(browser, tabId);
      if (answer.active) throw new Error(`page cost: ${step}: the content script is active on an English page`);
    }
    return metrics;
  } finally {
    await tab.close();
  }
}

/** The built extension's pass on a page, recorded in a load of its own (the recorder is page script the cost loads do not carry). */
async function recordPass(browser: ExtensionBrowser, url: string): Promise<Pass> {
  const tab = await browser.context.newPage();
  try {
    await tab.addInitScript(installRecorder, PAGE_NAMES);
    await tab.goto(url, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS });
    const tabId = await tabIdOf(browser, tab);
    await mentionsWhen(browser, tabId, (r) => r.active, { timeoutMs: LOAD_TIMEOUT_MS, orLast: true });
    const reading = await tab.evaluate(readRecorder, PAGE_NAMES);
    if (reading.slices.length === 0) throw new Error(`page cost: no engine slices recorded on ${url}`);
    const start = reading.slices[0]!.start;
    // The last change of the marks: the last sample whose count differs from the one before.
    let lastChange = start;
    reading.samples.forEach((s, i) => {
      if (s.size !== (i === 0 ? 0 : reading.samples[i - 1]!.size)) lastChange = s.end;
    });
    const longestTask = reading.longtasks
      .filter((t) => t.start < lastChange && t.start + t.duration > start)
      .reduce((m, t) => Math.max(m, t.duration), 0);
    return { toLastMarks: lastChange - start, longestTask };
  } finally {
    await tab.close();
  }
}

/** A browser's privileged (chrome) code over WebDriver BiDi, which --remote-allow-system-access opens: `expression` must give a promise of JSON. */
async function inFirefoxChrome<T>(browser: Browser, expression: string): Promise<T> {
  const bidi = (browser as unknown as { connection: { send(method: string, params: object): Promise<{ result: unknown }> } }).connection;
  const { result: tree } = await bidi.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
  const context = (tree as { contexts: Array<{ context: string }> }).contexts[0]!.context;
  const { result } = await bidi.send('script.evaluate', { target: { context }, expression, awaitPromise: true });
  const answer = result as { type: string; result?: { value?: unknown }; exceptionDetails?: { text?: string } };
  if (answer.type !== 'success')
    throw new Error(`page cost: Firefox chrome code failed: ${answer.exceptionDetails?.text ?? JSON.stringify(result)}`);
  return JSON.parse(String(answer.result?.value)) as T;
}

/**
 * The JS memory of the tabs on `host` (one at a time here), after every process has collected
 * its garbage: what the memory reporters (about:memory) put under the pages' windows (their
 * zones and realms, iframes included) and the content scripts' realms (named after the page,
 * in the same zone). Paths write the address's slashes as backslashes: "top(http:\\host\…".
 */
const firefoxJsMemory = (host: string) => `new Promise((resolve) => {
  const manager = Cc['@mozilla.org/memory-reporter-manager;1'].getService(Ci.nsIMemoryReporterManager);
  const top = 'explicit/window-objects/top(http:' + String.fromCharCode(92, 92) + ${JSON.stringify(host)};
  manager.minimizeMemoryUsage(() => {
    let bytes = 0;
    manager.getReports(
      (process, path, kind, units, amount) => {
        if (units !== Ci.nsIMemoryReporter.UNITS_BYTES) return;
        const page = path.startsWith(top) && path.includes('/js-');
        const contentScript = path.startsWith('explicit/js-non-window/zones/') && path.includes('/realm(') && path.includes(${JSON.stringify(host)});
        if (page || contentScript) bytes += amount;
      },
      null,
      () => resolve(JSON.stringify(bytes)),
      null,
      false,
    );
  });
})`;

/** CPU time (ms, all threads) of the content processes showing a document of `origin`: for the quiet rule, not a figure (it is not script time). */
const firefoxCpuTime = (origin: string) =>
  `ChromeUtils.requestProcInfo().then((info) => JSON.stringify(info.children
    .filter((child) => (child.windows ?? []).some((w) => (w.documentURI?.spec ?? '').startsWith(${JSON.stringify(origin)})))
    .reduce((sum, child) => sum + child.cpuTime / 1e6, 0)))`;

/** The quiet rule in Firefox: the page's content process uses under QUIET_TASK_MS of CPU in QUIET_MS. */
async function untilFirefoxQuiet(browser: Browser, origin: string, step: string): Promise<void> {
  const deadline = Date.now() + QUIET_DEADLINE_MS;
  let last = await inFirefoxChrome<number>(browser, firefoxCpuTime(origin));
  for (;;) {
    await new Promise((done) => setTimeout(done, QUIET_MS));
    const now = await inFirefoxChrome<number>(browser, firefoxCpuTime(origin));
    if (now - last < QUIET_TASK_MS) return;
    if (Date.now() > deadline)
      throw new Error(`page cost: ${step}: the content process still busy ${QUIET_DEADLINE_MS / 1000} s after load`);
    last = now;
  }
}

/** The content script's answer to get-mentions for the tab in front, asked from an extension page (the extension's own API). */
async function firefoxMentions(realm: FirefoxPage): Promise<MentionsResponse | null> {
  return realm.evaluate(`(async () => {
    const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
    try {
      return await browser.tabs.sendMessage(tab.id, { type: 'get-mentions' });
    } catch {
      return null;
    }
  })()`) as Promise<MentionsResponse | null>;
}

/** One load in Firefox: the same waits as in Chromium, then the tab's JS memory. */
async function measureFirefox(browser: Browser, realm: FirefoxPage | null, setup: Setup, page: CostPage, server: string): Promise<number> {
  const step = `${page.label} with ${setup} in Firefox`;
  const tab = await browser.newPage();
  try {
    await tab.goto(`${server}/${page.file}`, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS });
    await tab.bringToFront();
    if (realm && page.vietnamese) {
      const answer = await pollMentions(
        async () => {
          const r = await firefoxMentions(realm);
          if (!r) throw new Error('no content script yet');
          return r;
        },
        (r) => r.active,
        { timeoutMs: LOAD_TIMEOUT_MS, orLast: true },
      );
      if (!answer.active) throw new Error(`page cost: ${step}: the content script is not working (${answer.reason})`);
      if (page.noMentions && answer.mentions.length > 0) throw new Error(`page cost: ${step}: ${answer.mentions.length} mention(s) marked`);
    }
    await untilFirefoxQuiet(browser, server, step);
    const bytes = await inFirefoxChrome<number>(browser, firefoxJsMemory(new URL(server).host));
    if (realm && !page.vietnamese && (await firefoxMentions(realm))?.active) {
      throw new Error(`page cost: ${step}: the content script is active on an English page`);
    }
    return bytes;
  } finally {
    await tab.close();
  }
}

/**
 * Firefox: the JS memory only (see FIREFOX_NO_TIMES). Its figures repeat to the byte from load to
 * load, so the three browsers run one after the other, FIREFOX_RUNS loads of each page.
 */
async function benchFirefox(builtDir: string, dir: string, pages: CostPage[], server: string): Promise<FirefoxResult[] | string> {
  try {
    findFirefox();
  } catch (error) {
    // No Firefox on this machine costs only its table; a failure while measuring is thrown.
    return `Firefox is not measured: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
  }
  const extensions = await prepareExtensions(builtDir, dir, {
    manifest_version: 2,
    name: 'No content script',
    version: '1.0',
    background: { scripts: ['background.js'] },
    browser_specific_settings: { gecko: { id: 'no-content-script@bench' } },
  });
  const results: FirefoxResult[] = pages.map((p) => ({
    label: p.label,
    runs: FIREFOX_RUNS,
    heap: { alone: [], floor: [], api: [], built: [] },
  }));
  for (const setup of SETUPS) {
    const browser = await launchFirefox({ extensionDir: extensions[setup] });
    try {
      let realm: FirefoxPage | null = null;
      if (setup === 'built') {
        realm = await browser.newPage();
        // An extension page sends no load event that puppeteer waits for: navigated over BiDi.
        const bidi = (browser as unknown as { connection: { send(method: string, params: object): Promise<unknown> } }).connection;
        const context = (realm.mainFrame() as unknown as { _id: string })._id;
        await bidi.send('browsingContext.navigate', { context, url: `${FIREFOX_EXTENSION_ORIGIN}/options.html`, wait: 'complete' });
      }
      for (const [i, page] of pages.entries()) {
        for (let run = 0; run < FIREFOX_RUNS; run++)
          results[i]!.heap[setup].push(await measureFirefox(browser, realm, setup, page, server));
        process.stdout.write(':');
      }
    } finally {
      await browser.close();
    }
  }
  return results;
}

export async function benchPageCost(options: PageCostOptions): Promise<PageCostReport> {
  const dir = mkdtempSync(join(tmpdir(), 'boi-canh-page-cost-'));
  const browsers: Partial<Record<Setup, ExtensionBrowser>> = {};
  let server: Awaited<ReturnType<typeof serveGenerated>> | null = null;
  const report: PageCostReport = { pages: [], firefox: 'Firefox is not measured: no Firefox build was given.' };
  try {
    const extensions = await prepareExtensions(options.extensionDir, join(dir, 'chromium'), {
      manifest_version: 3,
      name: 'No content script',
      version: '1.0',
      background: { service_worker: 'background.js' },
    });
    const { pages, files } = costPages(options);
    server = await serveGenerated(files);
    for (const setup of SETUPS) browsers[setup] = await launchWithExtension({ extensionDir: extensions[setup] });
    for (const page of pages) {
      const url = `${server.url}/${page.file}`;
      const result: PageCostResult = {
        label: page.label,
        frames: page.frames,
        runs: page.runs,
        metrics: { alone: [], floor: [], api: [], built: [] },
      };
      // Alternating, so that a slow moment of the machine falls on all three alike.
      for (let run = 0; run < page.runs; run++) {
        for (const setup of SETUPS) result.metrics[setup].push(await measure(browsers[setup]!, setup, page, url));
        process.stdout.write('.');
      }
      if (page.pass) {
        result.pass = [];
        for (let run = 0; run < page.runs; run++) result.pass.push(await recordPass(browsers.built!, url));
        process.stdout.write('+');
      }
      report.pages.push(result);
    }
    // Closed before Firefox starts, so that it has the machine to itself.
    for (const setup of SETUPS) {
      await browsers[setup]?.close();
      delete browsers[setup];
    }
    if (options.firefoxExtensionDir)
      report.firefox = await benchFirefox(options.firefoxExtensionDir, join(dir, 'firefox'), pages, server.url);
  } finally {
    process.stdout.write('\n');
    for (const browser of Object.values(browsers)) await browser.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return report;
}

/** The interquartile range: how much the task time of one page varies from load to load, against which its differences are read. */
function spread(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => {
    const i = q * (sorted.length - 1);
    const low = Math.floor(i);
    return sorted[low]! + (sorted[Math.min(low + 1, sorted.length - 1)]! - sorted[low]!) * (i - low);
  };
  return sorted.length === 0 ? Number.NaN : at(0.75) - at(0.25);
}

/** The table: medians of each series, then their difference (built, floor or API floor − alone). */
export function formatPageCost(report: PageCostReport): string {
  const runs = [...new Set(report.pages.map((p) => p.runs))].join(' or ');
  const out = [
    `Chromium, ${runs} loads per page in each of three browsers side by side (alternating: alone, floor, API floor, built), each measured once quiet ` +
      `(load, the built extension's answer on Vietnamese pages, then ${QUIET_MS} ms without script and with under ${QUIET_TASK_MS} ms of task time). ` +
      `Script: JavaScript time in a CPU profile of the load (sampled every ${SAMPLING_US} µs, in all three). Task: the renderer's main-thread tasks. ` +
      'Heap: JS heap used after a garbage collection. Figures are the median of each series less the median without the extension ("alone": no content script). ' +
      'Floor: the same extension with its content scripts emptied. API floor: its content scripts only read the frame size and, in a frame big enough, ' +
      'read and watch the settings and listen for messages, the least any gate does. ' +
      'Task time varies much from load to load (IQR: the interquartile range of the page alone); a task difference within it is noise.',
    '',
  ];
  const m = (r: PageCostResult, setup: Setup, f: (x: Metrics) => number) => median(r.metrics[setup].map(f));
  const added = (r: PageCostResult, setup: Setup, f: (x: Metrics) => number) => m(r, setup, f) - m(r, 'alone', f);
  const script = (x: Metrics) => x.script;
  const task = (x: Metrics) => x.task;
  const heap = (x: Metrics) => x.heap;
  out.push(
    table(
      [
        'page',
        'frames',
        'script added',
        'task added',
        'heap added',
        'floor: script',
        'floor: task',
        'floor: heap',
        'API floor: script',
        'API floor: heap',
        'alone: script / task (IQR) / heap',
      ],
      report.pages.map((r) => [
        r.label,
        String(r.frames),
        ms(added(r, 'built', script)),
        ms(added(r, 'built', task)),
        kB(added(r, 'built', heap), 0),
        ms(added(r, 'floor', script)),
        ms(added(r, 'floor', task)),
        kB(added(r, 'floor', heap), 0),
        ms(added(r, 'api', script)),
        kB(added(r, 'api', heap), 0),
        `${ms(m(r, 'alone', script))} / ${ms(m(r, 'alone', task))} (${ms(spread(r.metrics.alone.map(task)), 0)}) / ${kB(m(r, 'alone', heap), 0)}`,
      ]),
    ),
  );
  for (const r of report.pages) {
    if (!r.pass?.length) continue;
    out.push('');
    out.push(
      `${r.label}, built extension (${r.pass.length} loads of their own, with the pages benchmark's recorder): ` +
        `first engine slice → last change of the marks ${ms(median(r.pass.map((p) => p.toLastMarks)), 0)}, ` +
        `longest task meanwhile ${ms(median(r.pass.map((p) => p.longestTask)), 0)} (0: none of 50 ms or more).`,
    );
  }
  out.push('');
  if (typeof report.firefox === 'string') {
    out.push(report.firefox);
  } else {
    const runs = report.firefox[0]?.runs ?? 0;
    out.push(
      `Firefox, JS memory only: ${runs} loads per page in each browser, the same pages and waits (the quiet rule on the page's content process CPU time), ` +
        'after every process has collected its garbage; the memory reporters of about:memory, summed over the tab’s windows and the content scripts’ realms. ' +
        'Medians less the median alone.',
    );
    out.push('');
    const m = (r: FirefoxResult, setup: Setup) => median(r.heap[setup]);
    out.push(
      table(
        ['page', 'heap added', 'floor: heap', 'API floor: heap', 'alone: heap'],
        report.firefox.map((r) => [
          r.label,
          kB(m(r, 'built') - m(r, 'alone'), 0),
          kB(m(r, 'floor') - m(r, 'alone'), 0),
          kB(m(r, 'api') - m(r, 'alone'), 0),
          kB(m(r, 'alone'), 0),
        ]),
      ),
    );
    out.push('');
    out.push(FIREFOX_NO_TIMES);
  }
  return out.join('\n');
}
