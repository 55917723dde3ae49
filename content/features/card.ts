/**
 * The card feature: which mention's card is open, the cards fetched (one per entity and
 * day), the pointer's intent (hover.ts), taps (tap.ts), the pin, a card's "not this" and the
 * link it offers. It ends, card closed and listeners gone, with its active period.
 */
import type { VirtualElement } from '@floating-ui/dom';
import { ACTIVE_HIGHLIGHT_NAME } from '../../lib/constants';
import type { PageMatcherData } from '../../lib/artifacts';
import type { CardView } from '../../lib/card-view';
import { report } from '../../utils/report';
import { askBackground } from '../api';
import { lineAt } from '../dom/hit-test';
import { articleDate } from '../dom/page-date';
import { pageTheme } from '../dom/page-theme';
import type { Mention } from '../scanner/mention-index';
import { CardHost } from './card-host';
import { watchHover } from './hover';
import type { Marks } from './marks';
import { watchTaps } from './tap';

/** How a card is opened: beside the line under the pointer or the finger, or with focus (from the keyboard). */
export interface OpenHow {
  x?: number;
  y?: number;
  focus?: boolean;
  /** The link around the mention that a tap did not follow: the card offers it. */
  link?: HTMLAnchorElement | HTMLAreaElement | null;
}

export interface Card {
  /** The mention whose card is open (or opening), if any. */
  openMention(): Mention | null;
  open(mention: Mention, how?: OpenHow): void;
  close(): void;
  /** The card's host element, once the card UI is loaded. */
  element(): HTMLElement | null;
}

export interface CardOptions {
  data: PageMatcherData;
  host: string;
  marks: () => Marks;
  /** The reader's "Tap to explain", as it stands now. */
  tapsExplain: () => boolean;
}

export function startCard(options: CardOptions, signal: AbortSignal): Card {
  const { data } = options;
  let openMention: Mention | null = null;
  /** The link the open card offers (a tap on a marked link did not follow it). */
  let openLink: HTMLAnchorElement | HTMLAreaElement | null = null;
  const cards = new Map<string, Promise<CardView | null>>();

  const close = () => {
    openMention = null;
    openLink = null;
    CSS.highlights?.delete(ACTIVE_HIGHLIGHT_NAME);
    ui.hide();
  };

  /** "Not this": hidden on the site by the background; the settings change reads the page again. */
  const hideEntity = async (entityId: string, name: string) => {
    close();
    try {
      await askBackground({ type: 'hide-entity', host: options.host, entityId });
      await ui.sayHidden(name, options.host);
    } catch (error) {
      report('hide entity', error);
    }
  };

  const ui = new CardHost({
    onClose: close,
    onMore: (entityId) => void askBackground({ type: 'open-entity', entityId }).catch((e: unknown) => report('open entity', e)),
    onHide: (view) => void hideEntity(view.id, view.name),
    // The page's own link, clicked: its handlers and its target decide, as for a tap the card did not take.
    onFollowLink: () => {
      const link = openLink;
      close();
      if (link?.isConnected) link.click();
    },
  });

  /** The card as of a day (the article's date), fetched once per entity and day. */
  const card = (entityId: string, asOf: string | null): Promise<CardView | null> => {
    const key = `${entityId}@${asOf ?? ''}`;
    let found = cards.get(key);
    if (!found) {
      found = askBackground({ type: 'get-card', entityId, asOf });
      found.catch(() => cards.delete(key));
      cards.set(key, found);
    }
    return found;
  };

  const show = async (mention: Mention, how: OpenHow) => {
    const entity = data.entities[mention.entity]!;
    openMention = mention;
    openLink = how.link ?? null;
    let view: CardView | null;
    const asOf = articleDate(mention.range.startContainer);
    const role = mention.role === undefined ? undefined : data.roles[mention.role];
    const meant = role ? { role: role.title, on: asOf } : null;
    try {
      // The card's data, and the first time its UI, both loaded at once.
      [view] = await Promise.all([card(entity.id, asOf), ui.load()]);
    } catch (error) {
      report('card', error);
      view = null;
    }
    // The pointer may have moved on while the card was fetched, or the period ended.
    if (openMention !== mention || !view || signal.aborted) return;
    CSS.highlights.set(ACTIVE_HIGHLIGHT_NAME, new Highlight(mention.range));
    await ui.show(
      anchorFor(mention.range, how.x, how.y),
      view,
      { found: mention.range.toString(), meant, link: openLink ? linkOffer(openLink) : null },
      { theme: pageTheme(mention.range.startContainer.parentElement), focus: how.focus ?? false },
    );
  };
  const open = (mention: Mention, how: OpenHow = {}) => {
    show(mention, how).catch((e: unknown) => report('card', e));
  };

  watchHover(
    {
      mentionAt: (x, y) => options.marks().mentionAt(x, y),
      inCard: (event) => ui.contains(event),
      openMention: () => openMention,
      isPinned: () => ui.isPinned,
      togglePin: () => ui.togglePin(),
      open: (mention, x, y) => open(mention, { x, y }),
      close,
    },
    signal,
  );
  watchTaps(
    {
      mentionAt: (x, y) => options.marks().mentionAt(x, y),
      inCard: (event) => ui.contains(event),
      openMention: () => openMention,
      isPinned: () => ui.isPinned,
      open: (mention, x, y, link) => open(mention, { x, y, link }),
      close,
    },
    options.tapsExplain,
    signal,
  );
  signal.addEventListener('abort', () => {
    close();
    ui.destroy();
  });
  return { openMention: () => openMention, open, close, element: () => ui.element };
}

/** What the card shows of a link it offers: where it goes, and its words (a headline can be long). */
function linkOffer(link: HTMLAnchorElement | HTMLAreaElement): { href: string | null; text: string } {
  const text = (link.textContent ?? '').replace(/\s+/gu, ' ').trim();
  // Only a web address is copied into the card; anything else (a script URL) stays the page's to run.
  const href = /^https?:/iu.test(link.href) ? link.href : null;
  return { href, text: text.length > 80 ? `${text.slice(0, 79)}…` : text || (href ?? '') };
}

/** A Floating UI anchor on the line of the range under the pointer (or its first line). */
function anchorFor(range: Range, x?: number, y?: number): VirtualElement {
  const line = x !== undefined && y !== undefined ? Math.max(0, lineAt(range.getClientRects(), x, y)) : 0;
  return {
    getBoundingClientRect: () => range.getClientRects()[line] ?? range.getBoundingClientRect(),
    getClientRects: () => range.getClientRects(),
    contextElement: range.startContainer.parentElement ?? undefined,
  };
}
