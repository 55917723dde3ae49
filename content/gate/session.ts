/**
 * The page session: the gate's one object, in every page and frame. It decides whether the
 * page is to be read (decide.ts), and owns the active periods: each one gets its own
 * AbortSignal and the engine, imported the first time; when the page stops being read (the
 * site switched off, paused), the signal ends every feature at once. Until then it stays
 * dormant, listening only for what can wake it: a settings change, the frame growing, text
 * arriving late. The page itself (not its frames) answers the tab's messages, dormant or not.
 */
import type { LanguageVerdict } from '../../lib/language';
import { router, type ContentProtocol, type Handlers } from '../../lib/messages';
import { DEFAULT_SETTINGS, normalizeHost, type Settings } from '../../lib/settings';
import { guard, report } from '../../utils/report';
import { ext } from '../api';
import { ENGINE_SCRIPT, loadBuiltScript } from '../built-scripts';
import { isSmallFrame, isTopFrame } from '../dom/frame';
import { pageLanguage } from '../dom/language-sample';
import type { ActivePage } from '../engine/engine';
import { decide, type Decision } from './decide';
import { readSettings, watchSettings } from './settings';

/** When a page has too little text to tell its language yet, look again after these delays. */
const LANGUAGE_RETRIES_MS = [1000, 3000, 10_000];

export class PageSession {
  private settings: Settings = DEFAULT_SETTINGS;
  /** The page's host, as the settings key it (read once the frame is worth reading). */
  private host = '';
  private verdict: LanguageVerdict | null = null;
  private languageRetries = 0;
  /** The active period under way: its controller, and the engine's page once loaded. */
  private period: AbortController | null = null;
  private page: Promise<ActivePage | null> = Promise.resolve(null);
  /** Settles once the stored settings have been read and applied. */
  private ready: Promise<void> = Promise.resolve();

  start(): void {
    // A frame too small for an article (an advertisement, a widget, a hidden frame) reads
    // nothing, not even the settings, until it grows.
    if (isSmallFrame()) {
      const grown = guard('frame size', () => {
        if (isSmallFrame()) return;
        window.removeEventListener('resize', grown);
        this.start();
      });
      window.addEventListener('resize', grown, { passive: true });
      return;
    }
    this.host = normalizeHost(location.hostname);
    // Messages to the tab are answered by the page itself, not by frames inside it.
    if (isTopFrame()) ext().runtime.onMessage.addListener(router<ContentProtocol, unknown>(this.handlers(), report) as never);
    this.ready = readSettings().then(guard('settings', (settings: Settings) => this.useSettings(settings)));
    watchSettings(guard('settings change', (settings: Settings) => this.useSettings(settings)));
  }

  private useSettings(settings: Settings): void {
    this.settings = settings;
    this.apply();
    void this.page.then((page) => page?.useSettings(this.settings));
  }

  private status(): Decision {
    return decide(this.settings, this.host, () => this.language());
  }

  private language(): LanguageVerdict {
    if (!this.verdict) {
      this.verdict = pageLanguage(document);
      if (!this.verdict.conclusive) this.retryLanguage();
    }
    return this.verdict;
  }

  /** Decides again a little later, when the page may have its text. */
  private retryLanguage(): void {
    const delay = LANGUAGE_RETRIES_MS[this.languageRetries++];
    if (delay === undefined) return;
    window.setTimeout(
      guard('language', () => {
        this.verdict = null;
        this.apply();
      }),
      delay,
    );
  }

  /** Starts or ends the active period to match the settings and the page. */
  private apply(): void {
    const { active } = this.status();
    if (active && !this.period && document.body) this.activate();
    else if (!active && this.period) this.deactivate();
  }

  private activate(): void {
    const period = new AbortController();
    this.period = period;
    this.page = loadBuiltScript(ENGINE_SCRIPT).then(
      (engine) => (period.signal.aborted ? null : engine.startEngine({ settings: this.settings, host: this.host, signal: period.signal })),
      (error: unknown) => {
        report('engine', error);
        // Not read after all; the next settings change tries again.
        if (this.period === period) this.period = null;
        return null;
      },
    );
  }

  private deactivate(): void {
    this.period?.abort();
    this.period = null;
    this.page = Promise.resolve(null);
  }

  private handlers(): Handlers<ContentProtocol, unknown> {
    return {
      'get-mentions': async () => {
        await this.ready;
        const page = await this.page;
        const mentions = page ? await page.mentions() : [];
        const { active, reason } = this.status();
        if (!active || !page) return { active: false, reason: reason ?? 'site-disabled', mentions: [] };
        return { active: true, mentions };
      },
      'get-page-info': async () => {
        await this.ready;
        const { active, reason } = this.status();
        return { host: this.host, active, ...(reason ? { reason } : {}), lang: document.documentElement.lang || null };
      },
      'reveal-entity': async ({ entityId }) => {
        await this.ready;
        const page = await this.page;
        return page ? page.reveal(entityId) : false;
      },
      'step-mention': async ({ direction }) => {
        await this.ready;
        const page = await this.page;
        return page ? page.step(direction) : false;
      },
    };
  }
}
