/**
 * Bối cảnh on one page: decides whether to work here (site enabled, page Vietnamese),
 * runs the scanner, opens cards on hover, and answers the popup's messages.
 */
import type { VirtualElement } from '@floating-ui/dom';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import compactMatcher from '../../generated/matcher-compact.json';
import type { MatcherData } from '../../lib/artifacts';
import type { CardView } from '../../lib/card-view';
import { decodeMatcher, type CompactMatcher } from '../../lib/compact-matcher';
import { detectVietnamese, type LanguageVerdict } from '../../lib/language';
import { Matcher, type Match } from '../../lib/matcher';
import type { ContentRequest, InactiveReason, MentionsResponse, PageInfo } from '../../lib/messages';
import { resolveRoles, type Resolved } from '../../lib/roles';
import { DEFAULT_SETTINGS, isSiteEnabled, normalizeHost, type Settings } from '../../lib/settings';
import { askBackground } from '../../utils/messaging';
import { guard, report } from '../../utils/report';
import { readSettings, watchStoredSettings } from '../../utils/settings-reader';
import { watchHover } from './hover';
import { articleRoots } from './article-scope';
import { articleDate } from './page-date';
import { pageTheme } from './page-theme';
import { PopoverHost } from './popover-host';
import { Scanner, type Mention } from './scanner';
import { segments } from './text-walk';
import { measureSlice } from './work-timing';
import { ACTIVE_HIGHLIGHT_NAME } from '../../lib/constants';

let decoded: MatcherData | null = null;
/**
 * The matcher data, shipped compact (the alias table is most of this script's size) and
 * expanded on first use: pages where the extension stays idle never pay for it.
 */
const data = (): MatcherData => (decoded ??= decodeMatcher(compactMatcher as CompactMatcher));
/** Characters of page text read to decide the language. */
const LANGUAGE_SAMPLE = 4000;
/** When a page has too little text to tell its language yet, look again after these delays. */
const LANGUAGE_RETRIES_MS = [1000, 3000, 10_000];

export class PageController {
  private settings: Settings = DEFAULT_SETTINGS;
  private verdict: LanguageVerdict | null = null;
  private matcher: Matcher | null = null;
  private scanner: Scanner | null = null;
  private scanAbort: AbortController | null = null;
  private firstPass: Promise<void> = Promise.resolve();
  private ready: Promise<void> = Promise.resolve();
  private openMention: Mention | null = null;
  /** Entities named on the page so far: a role name resolves to one of them when the date is unknown. */
  private readonly named = new Set<number>();
  private readonly cards = new Map<string, Promise<CardView | null>>();
  private readonly revealed = new Map<string, number>();
  private badgeTimer = 0;
  private languageRetries = 0;
  private languageRetryPending = false;
  /** The mention the keyboard moved to last, for the next step. */
  private keyboardMention: Mention | null = null;
  /** Entities the reader hid on this site ("not this"), by index: read once per settings change. */
  private hidden = new Set<number>();
  private hiddenKey = '';
  private readonly popover = new PopoverHost({
    onClose: () => this.closeCard(),
    onMore: (entityId) => void askBackground({ type: 'open-entity', entityId }).catch((e) => report('open entity', e)),
    onHide: (view) => void this.hideEntity(view.id, view.name),
  });

  constructor(private readonly ctx: ContentScriptContext) {}

  start(): void {
    const onMessage = (message: unknown) => this.onMessage(message as ContentRequest);
    browser.runtime.onMessage.addListener(onMessage);
    this.ctx.onInvalidated(() => {
      browser.runtime.onMessage.removeListener(onMessage);
      this.deactivate();
      this.popover.destroy();
    });
    this.ready = readSettings()
      .then((settings) => this.useSettings(settings))
      .catch((error) => report('settings', error));
    this.ctx.onInvalidated(watchStoredSettings(guard('settings change', (settings: Settings) => this.useSettings(settings))));
  }

  private useSettings(settings: Settings): void {
    this.settings = settings;
    const hiddenIds = settings.hiddenEntities[this.host()] ?? [];
    const hiddenKey = hiddenIds.join(' ');
    const hiddenChanged = hiddenKey !== this.hiddenKey;
    if (hiddenChanged) {
      this.hiddenKey = hiddenKey;
      this.hidden = new Set(data().entities.flatMap((e, i) => (hiddenIds.includes(e.id) ? [i] : [])));
    }
    this.apply();
    // Entities hidden on this site changed: read the page again without them.
    if (hiddenChanged) this.scanner?.refresh();
  }

  private host(): string {
    return normalizeHost(location.hostname);
  }

  private status(): { active: boolean; reason?: InactiveReason } {
    if (typeof CSS === 'undefined' || !('highlights' in CSS) || typeof Highlight !== 'function') {
      return { active: false, reason: 'no-highlight-api' };
    }
    if (document.designMode === 'on') return { active: false, reason: 'editable-page' };
    if (this.settings.paused) return { active: false, reason: 'paused' };
    if (!isSiteEnabled(this.settings, this.host())) return { active: false, reason: 'site-disabled' };
    // "Turn on anyway": the reader decided this site is worth reading whatever its language.
    if (this.settings.enabledSites.includes(this.host())) return { active: true };
    this.verdict ??= detectVietnamese(document.documentElement.lang, this.sampleText());
    if (!this.verdict.vietnamese) {
      if (!this.verdict.conclusive) this.retryLanguage();
      return { active: false, reason: 'not-vietnamese' };
    }
    return { active: true };
  }

  /** Forgets an inconclusive verdict and decides again a little later, when the page has text. */
  private retryLanguage(): void {
    const delay = LANGUAGE_RETRIES_MS[this.languageRetries];
    if (delay === undefined || this.languageRetryPending) return;
    this.languageRetries++;
    this.languageRetryPending = true;
    this.ctx.setTimeout(() => {
      this.languageRetryPending = false;
      this.verdict = null;
      this.apply();
    }, delay);
  }

  private sampleText(): string {
    if (!document.body) return '';
    let sample = '';
    for (const segment of segments(document.body, null)) {
      sample += ` ${segment.text}`;
      if (sample.length >= LANGUAGE_SAMPLE) break;
    }
    return sample;
  }

  /** Starts or stops the work to match the current settings. */
  private apply(): void {
    const { active } = this.status();
    if (active && !this.scanner && document.body) this.activate(document.body);
    else if (!active && this.scanner) this.deactivate();
    this.scanner?.setMode(this.settings.markMode);
  }

  private activate(root: HTMLElement): void {
    if (!this.matcher) {
      const start = performance.now();
      this.matcher = new Matcher(data().aliases.map(([text, entity]) => ({ text, entity })));
      measureSlice(start);
    }
    this.scanAbort = new AbortController();
    const signal = AbortSignal.any([this.ctx.signal, this.scanAbort.signal]);
    this.named.clear();
    this.scanner = new Scanner({
      matcher: this.matcher,
      resolve: (text, matches, block) => this.resolve(text, matches, block),
      watched: root,
      findRoots: () => articleRoots(document),
      ownHost: () => this.popover.element,
      mode: this.settings.markMode,
      signal,
      onChange: () => this.scheduleBadge(),
    });
    this.firstPass = this.scanner.start().catch((e) => report('scan', e));
    const scanner = this.scanner;
    watchHover(
      {
        mentionAt: (x, y) => scanner.mentionAt(x, y),
        inCard: (event) => this.popover.contains(event),
        openMention: () => this.openMention,
        isPinned: () => this.popover.isPinned,
        togglePin: () => this.popover.togglePin(),
        open: (mention, x, y) => this.openCard(mention, { x, y }).catch((e) => report('card', e)),
        close: () => this.closeCard(),
      },
      signal,
    );
  }

  private resolve(text: string, candidates: Match[], block: Element): Resolved {
    for (const m of candidates) if (m.entity < data().entities.length) this.named.add(m.entity);
    const resolved = resolveRoles(text, candidates, data(), { date: articleDate(block), named: this.named });
    // Entities hidden here are dropped before overlaps are decided: a name inside one stands.
    if (this.hidden.size === 0) return resolved;
    return { ...resolved, matches: resolved.matches.filter((m) => !this.hidden.has(m.entity)) };
  }

  private async hideEntity(entityId: string, name: string): Promise<void> {
    this.closeCard();
    try {
      await askBackground({ type: 'hide-entity', host: this.host(), entityId });
      await this.popover.sayHidden(name, this.host());
    } catch (error) {
      report('hide entity', error);
    }
  }

  private deactivate(): void {
    this.closeCard();
    this.scanAbort?.abort();
    this.scanAbort = null;
    this.scanner?.stop();
    this.scanner = null;
    this.scheduleBadge();
  }

  /** The card as of a day (the article's date), fetched once per entity and day. */
  private card(entityId: string, asOf: string | null): Promise<CardView | null> {
    const key = `${entityId}@${asOf ?? ''}`;
    let card = this.cards.get(key);
    if (!card) {
      card = askBackground({ type: 'get-card', entityId, asOf });
      card.catch(() => this.cards.delete(key));
      this.cards.set(key, card);
    }
    return card;
  }

  private async openCard(mention: Mention, how: { x?: number; y?: number; focus?: boolean } = {}): Promise<void> {
    const entity = data().entities[mention.entity]!;
    this.openMention = mention;
    let view: CardView | null;
    const asOf = articleDate(mention.range.startContainer);
    const role = mention.role === undefined ? undefined : data().roles[mention.role];
    const meant = role ? { role: role.title, on: asOf } : null;
    try {
      // The card's data, and the first time its UI, both loaded at once.
      [view] = await Promise.all([this.card(entity.id, asOf), this.popover.load()]);
    } catch (error) {
      report('card', error);
      view = null;
    }
    // The pointer may have moved on while the card was fetched.
    if (this.openMention !== mention || !view) return;
    CSS.highlights.set(ACTIVE_HIGHLIGHT_NAME, new Highlight(mention.range));
    await this.popover.show(
      anchorFor(mention.range, how.x, how.y),
      view,
      { found: mention.range.toString(), meant },
      {
        theme: pageTheme(mention.range.startContainer.parentElement),
        focus: how.focus ?? false,
      },
    );
  }

  private closeCard(): void {
    this.openMention = null;
    CSS.highlights?.delete(ACTIVE_HIGHLIGHT_NAME);
    this.popover.hide();
  }

  /** Scrolls to the entity's next mention and opens its card there. */
  private revealEntity(entityId: string): boolean {
    const mentions = this.scanner?.mentions().filter((m) => data().entities[m.entity]!.id === entityId) ?? [];
    if (mentions.length === 0) return false;
    const index = ((this.revealed.get(entityId) ?? -1) + 1) % mentions.length;
    this.revealed.set(entityId, index);
    const mention = mentions[index]!;
    const reduceMotion = matchMedia('(prefers-reduced-motion: reduce)').matches;
    mention.range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: reduceMotion ? 'auto' : 'smooth' });
    // Open once the scroll has settled, so that the card sits beside the mention.
    setTimeout(() => this.openCard(mention).catch((e) => report('card', e)), reduceMotion ? 0 : 400);
    return true;
  }

  /**
   * Moves to the next (1) or previous (-1) mention from the keyboard: scrolls it into view,
   * opens its card and gives the card focus. The first step starts from the viewport.
   */
  private step(direction: 1 | -1): boolean {
    const mentions = this.scanner?.mentions() ?? [];
    if (mentions.length === 0) return false;
    const from = this.openMention ?? this.keyboardMention;
    let index = from ? mentions.indexOf(from) : -1;
    if (index < 0) {
      // From the top of the viewport: the first mention below it, or the last above it.
      const below = mentions.findIndex((m) => m.range.getBoundingClientRect().top >= 0);
      index = direction === 1 ? (below < 0 ? mentions.length : below) - 1 : below < 0 ? mentions.length : below;
    }
    const next = mentions[(index + direction + mentions.length) % mentions.length]!;
    this.keyboardMention = next;
    const rect = next.range.getBoundingClientRect();
    if (rect.top < 0 || rect.bottom > window.innerHeight) {
      next.range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'auto' });
    }
    this.closeCard();
    this.openCard(next, { focus: true }).catch((e) => report('card', e));
    return true;
  }

  private scheduleBadge(): void {
    // The page's own count; a frame inside it marks and explains its text but does not speak for the tab.
    if (!isTopFrame()) return;
    clearTimeout(this.badgeTimer);
    this.badgeTimer = window.setTimeout(() => {
      if (this.ctx.isInvalid) return;
      const count = this.scanner?.mentions().length ?? 0;
      askBackground({ type: 'mention-count', count }).catch(() => {
        // The background may be restarting; the next change sends the count again.
      });
    }, 250);
  }

  private async mentionsResponse(): Promise<MentionsResponse> {
    await this.ready;
    // While this waits, a hidden tab works on; once it has its answer, the work pauses again.
    const release = this.scanner?.hurry();
    try {
      await this.firstPass;
      await this.scanner?.settled();
    } finally {
      release?.();
    }
    const { active, reason } = this.status();
    if (!active || !this.scanner) return { active: false, reason: reason ?? 'site-disabled', mentions: [] };
    return {
      active: true,
      mentions: this.scanner.mentions().map((m) => {
        const entity = data().entities[m.entity]!;
        return { entityId: entity.id, name: entity.name, kind: entity.kind, text: m.range.toString() };
      }),
    };
  }

  private async pageInfo(): Promise<PageInfo> {
    await this.ready;
    const { active, reason } = this.status();
    return { host: this.host(), active, ...(reason ? { reason } : {}), lang: document.documentElement.lang || null };
  }

  private onMessage(message: ContentRequest): Promise<unknown> | undefined {
    // Messages to the tab are answered by the page itself, not by frames inside it.
    if (!isTopFrame()) return undefined;
    try {
      switch (message?.type) {
        case 'get-mentions':
          return this.mentionsResponse();
        case 'get-page-info':
          return this.pageInfo();
        case 'reveal-entity':
          return this.ready.then(() => this.firstPass).then(() => this.revealEntity(message.entityId));
        case 'step-mention':
          return this.ready.then(() => this.step(message.direction));
        default:
          return undefined;
      }
    } catch (error) {
      report('message', error);
      return undefined;
    }
  }
}

function isTopFrame(): boolean {
  try {
    return window.top === window;
  } catch {
    return false;
  }
}

/** A Floating UI anchor on the line of the range under the pointer (or its first line). */
function anchorFor(range: Range, x?: number, y?: number): VirtualElement {
  const rects = [...range.getClientRects()];
  let line = 0;
  if (x !== undefined && y !== undefined) {
    const hit = rects.findIndex((r) => x >= r.left - 1 && x <= r.right + 1 && y >= r.top - 1 && y <= r.bottom + 1);
    if (hit >= 0) line = hit;
  }
  return {
    getBoundingClientRect: () => range.getClientRects()[line] ?? range.getBoundingClientRect(),
    getClientRects: () => range.getClientRects(),
    contextElement: range.startContainer.parentElement ?? undefined,
  };
}
