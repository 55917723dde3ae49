/** The background in real Chromium: a card's answer time from a service worker just started (stopped first) and already running, and the worker's heap. */
import type { CDPSession, Page } from 'playwright-core';
import { withinDeadline } from '../browser/deadline';
import { launchWithExtension } from '../browser/launch';
import { median } from './stats';
import { childTarget, heapAfterGc } from './popup';

const STEP_MS = 30_000;
const step = <T>(name: string, call: () => Promise<T>) => withinDeadline('background bench', name, call, STEP_MS);

export interface EntityTimes {
  entityId: string;
  name: string;
  /** get-card from the page's send to its answer, ms: the worker stopped first, and then again with it running. */
  cold: number[];
  warm: number[];
  /** The worker's used JS heap after the answers of each run, bytes (after a garbage collection). */
  heap: number[];
}

export interface BackgroundReport {
  entities: EntityTimes[];
}

export interface BackgroundOptions {
  extensionDir: string;
  entityIds: string[];
  runs: number;
}

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

/** The extension's service worker targets, from the browser's own list. */
async function workerTargets(browserCdp: CDPSession, origin: string): Promise<TargetInfo[]> {
  const { targetInfos } = (await browserCdp.send('Target.getTargets')) as { targetInfos: TargetInfo[] };
  return targetInfos.filter((t) => t.type === 'service_worker' && t.url.startsWith(origin));
}

interface WorkerVersion {
  versionId: string;
  scriptURL: string;
  runningStatus: string;
  status: string;
}

/** The extension's service worker versions as the ServiceWorker domain last reported them. */
function watchVersions(pageCdp: CDPSession, origin: string): () => WorkerVersion[] {
  let versions: WorkerVersion[] = [];
  pageCdp.on('ServiceWorker.workerVersionUpdated', (e) => {
    const ours = (e.versions as WorkerVersion[]).filter((v) => v.scriptURL.startsWith(origin));
    const updated = new Set(ours.map((v) => v.versionId));
    versions = [...versions.filter((v) => !updated.has(v.versionId)), ...ours];
  });
  return () => versions;
}

const until = async (name: string, done: () => Promise<boolean> | boolean) =>
  step(name, async () => {
    // A poll of the browser's state, not a fixed wait: it ends as soon as the condition holds.
    while (!(await done())) await new Promise((r) => setTimeout(r, 10));
  });

/**
 * Stops every service worker and waits until the extension's is gone from the targets (else it
 * did not really stop). A worker still installing would be started again to activate, so the
 * stop waits for an activated one first.
 */
async function stopWorker(pageCdp: CDPSession, browserCdp: CDPSession, origin: string, versions: () => WorkerVersion[]): Promise<void> {
  await until('the service worker activated', () => versions().some((v) => v.status === 'activated'));
  await pageCdp.send('ServiceWorker.stopAllWorkers');
  await until('the service worker stopped (ServiceWorker.stopAllWorkers)', () =>
    versions().every((v) => v.status !== 'activated' || v.runningStatus === 'stopped'),
  );
  await until('the service worker gone from the targets', async () => (await workerTargets(browserCdp, origin)).length === 0);
}

/** get-card timed in the extension page, and the answer's name (a real card, or a loud failure). */
async function timedCard(page: Page, entityId: string, what: string): Promise<{ ms: number; name: string }> {
  const answer = await step(`get-card ${entityId} (${what})`, () =>
    page.evaluate(async (id) => {
      const start = performance.now();
      // scripts/browser/extension-globals.d.ts declares only what the tests use of chrome.
      const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage: (m: unknown) => Promise<unknown> } } }).chrome.runtime;
      const card = (await runtime.sendMessage({ type: 'get-card', entityId: id, asOf: null })) as { name?: unknown } | null;
      return { ms: performance.now() - start, name: card?.name, raw: JSON.stringify(card)?.slice(0, 200) };
    }, entityId),
  );
  if (typeof answer.name !== 'string' || !answer.name)
    throw new Error(`background bench: get-card ${entityId} (${what}) gave no card with a name: ${answer.raw}`);
  return { ms: answer.ms, name: answer.name };
}

async function workerHeap(browserCdp: CDPSession, origin: string): Promise<number> {
  const [target] = await workerTargets(browserCdp, origin);
  if (!target) throw new Error('background bench: no service worker to measure after an answer');
  const { sessionId } = (await browserCdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false })) as {
    sessionId: string;
  };
  try {
    return await step('the service worker’s heap', () => heapAfterGc(childTarget(browserCdp, sessionId)));
  } finally {
    await browserCdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
  }
}

export async function benchBackground(options: BackgroundOptions): Promise<BackgroundReport> {
  const browser = await launchWithExtension({ extensionDir: options.extensionDir });
  try {
    const origin = `chrome-extension://${browser.extensionId}/`;
    // The options page: an extension page that loads no dataset, so that nothing else competes with the worker.
    const page = await browser.context.newPage();
    await step('opening the options page', () => page.goto(`${origin}options.html`));
    const pageCdp = await browser.context.newCDPSession(page);
    const browserCdp = await browser.context.browser()!.newBrowserCDPSession();
    const versions = watchVersions(pageCdp, origin);
    await pageCdp.send('ServiceWorker.enable');
    const entities: EntityTimes[] = options.entityIds.map((entityId) => ({ entityId, name: '', cold: [], warm: [], heap: [] }));
    for (let r = 0; r < options.runs; r++) {
      for (const e of entities) {
        await stopWorker(pageCdp, browserCdp, origin, versions);
        const cold = await timedCard(page, e.entityId, 'service worker stopped first');
        const warm = await timedCard(page, e.entityId, 'service worker running');
        e.name = cold.name;
        e.cold.push(cold.ms);
        e.warm.push(warm.ms);
        e.heap.push(await workerHeap(browserCdp, origin));
      }
    }
    return { entities };
  } finally {
    await browser.close();
  }
}

/** Medians per entity; `coldWorst` is the slowest entity's median (what the threshold is held to). */
export function backgroundFigures(r: BackgroundReport) {
  const entities = r.entities.map((e) => ({
    entityId: e.entityId,
    name: e.name,
    cold: median(e.cold),
    warm: median(e.warm),
    heap: median(e.heap),
  }));
  return {
    runs: r.entities[0]?.cold.length ?? 0,
    entities,
    coldWorst: Math.max(...entities.map((e) => e.cold)),
    warmWorst: Math.max(...entities.map((e) => e.warm)),
    heap: Math.max(...entities.map((e) => e.heap)),
  };
}
