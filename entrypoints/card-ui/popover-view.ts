/**
 * The card on the page: mounts the popover in an open shadow root on a host element appended
 * to <html>, outside the page's own content: nothing in the page moves, page CSS stays out,
 * and ours stays in. Positioned with Floating UI beside the line of the mention, never over
 * it; on a narrow screen it is a bottom sheet instead (sheet.ts). Announces each card through a live region, takes focus when opened from the keyboard,
 * and gives it back when it closes. Loaded by the content script the first time a card opens
 * (see ../content/popover-host.ts), so that pages pay for it only when it is used.
 */
import { autoUpdate, computePosition, flip, hide, offset, shift, size, type VirtualElement } from '@floating-ui/dom';
import { h, render } from 'preact';
import cardCss from '../../components/card.css?inline';
import { Popover, type MentionContext } from '../../components/Popover';
import popoverCss from '../../components/popover.css?inline';
import { T } from '../../components/strings';
import type { CardView } from '../../lib/card-view';
import { report } from '../../utils/report';
import type { Theme } from '../../content/dom/page-theme';
import { CARD_HOST_TAG } from '../../lib/constants';
import { isSheetWidth, placeSheet } from './sheet';

/**
 * The host's own box, inline and !important, for the moment before the shadow's `:host` rules
 * (popover.css) apply; set through the CSSOM, which a page's Content-Security-Policy does not
 * block (a `style` attribute it would). The box only: an inline `all: initial !important`
 * would also pin the text spacing that readers may need to adjust (axe: avoid-inline-spacing).
 */
const HOST_STYLE: Array<[string, string]> = [
  ['position', 'fixed'],
  ['top', '0'],
  ['left', '0'],
  ['width', '0'],
  ['height', '0'],
  ['z-index', '2147483647'],
  ['display', 'block'],
  ['contain', 'layout style'],
];

export interface PopoverCallbacks {
  onClose: () => void;
  onMore: (entityId: string) => void;
  onHide: (view: CardView) => void;
  /** The card's offer of the link a tap did not follow, taken. */
  onFollowLink: () => void;
}

export interface ShowOptions {
  /** The page's own colour behind the mention; null: follow the system. */
  theme: Theme | null;
  /** Opened from the keyboard: the card takes focus. */
  focus: boolean;
}

interface Shown {
  anchor: VirtualElement;
  view: CardView;
  mention: MentionContext;
  options: ShowOptions;
  /** Drawn as a bottom sheet (the viewport was narrow). */
  sheet: boolean;
}

export class PopoverView {
  private host: HTMLElement | null = null;
  private container: HTMLElement | null = null;
  private live: HTMLElement | null = null;
  private stopPositioning: (() => void) | null = null;
  private shown: Shown | null = null;
  private pinned = false;
  /** Where focus was before the card took it, to give it back. */
  private returnFocus: HTMLElement | null = null;

  constructor(private readonly callbacks: PopoverCallbacks) {}

  get element(): HTMLElement | null {
    return this.host;
  }

  get isOpen(): boolean {
    return this.shown !== null;
  }

  get isPinned(): boolean {
    return this.shown !== null && this.pinned;
  }

  /** Whether an event happened inside the popover. */
  contains(event: Event): boolean {
    return this.host !== null && event.composedPath().includes(this.host);
  }

  private mount(): HTMLElement {
    if (this.host?.isConnected && this.container) return this.container;
    const host = document.createElement(CARD_HOST_TAG);
    for (const [property, value] of HOST_STYLE) host.style.setProperty(property, value, 'important');
    const shadow = host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = `${cardCss}\n${popoverCss}`;
    const container = document.createElement('div');
    container.className = 'bc-theme';
    const live = document.createElement('div');
    live.className = 'bc-sr-only';
    live.setAttribute('role', 'status');
    live.setAttribute('aria-live', 'polite');
    shadow.append(style, live, container);
    document.documentElement.append(host);
    this.host = host;
    this.container = container;
    this.live = live;
    return container;
  }

  show(anchor: VirtualElement, view: CardView, mention: MentionContext, options: ShowOptions): void {
    const container = this.mount();
    this.stopPositioning?.();
    this.stopPositioning = null;
    if (this.shown?.view.id !== view.id) this.pinned = false;
    const sheet = isSheetWidth();
    this.shown = { anchor, view, mention, options, sheet };
    if (options.theme) container.dataset.theme = options.theme;
    else delete container.dataset.theme;
    this.draw();
    const floating = container.firstElementChild as HTMLElement;
    const stopPlacing = sheet ? placeSheet(anchor, floating, this.callbacks.onClose) : placeBeside(anchor, floating);
    // A turned phone or a resized window may cross the sheet's width: the card is drawn again the other way.
    const relayout = () => {
      if (this.shown && isSheetWidth() !== this.shown.sheet) this.show(anchor, view, mention, options);
    };
    window.addEventListener('resize', relayout);
    this.stopPositioning = () => {
      stopPlacing();
      window.removeEventListener('resize', relayout);
    };
    this.announce(view);
    if (options.focus) {
      const active = deepActiveElement();
      if (active && !this.host!.contains(active)) this.returnFocus = active;
      floating.focus({ preventScroll: true });
    }
  }

  togglePin(): void {
    if (!this.shown) return;
    this.pinned = !this.pinned;
    this.draw();
  }

  private draw(): void {
    if (!this.shown || !this.container) return;
    const { view, mention, sheet } = this.shown;
    render(
      h(Popover, {
        view,
        mention,
        sheet,
        pinned: this.pinned,
        onClose: this.callbacks.onClose,
        onPin: () => this.togglePin(),
        onMore: () => this.callbacks.onMore(view.id),
        onHide: () => this.callbacks.onHide(view),
        onFollowLink: this.callbacks.onFollowLink,
      }),
      this.container,
    );
  }

  /** Tells a screen reader which card opened, without moving its focus. */
  private announce(view: CardView): void {
    if (!this.live) return;
    const text = [T.cardOpened(view.name), view.role?.title, view.description].filter(Boolean).join('. ');
    this.live.textContent = '';
    // A change it has not heard yet: set after clearing, on the next frame.
    requestAnimationFrame(() => {
      if (this.live) this.live.textContent = text;
    });
  }

  /** Confirms through the live region that a name is now hidden on the site. */
  sayHidden(name: string, host: string): void {
    this.mount();
    if (this.live) this.live.textContent = T.hidden(name, host);
  }

  hide(): void {
    this.stopPositioning?.();
    this.stopPositioning = null;
    const hadFocus = this.host !== null && this.host.shadowRoot?.activeElement != null;
    this.shown = null;
    this.pinned = false;
    if (this.container) render(null, this.container);
    if (hadFocus && this.returnFocus?.isConnected) this.returnFocus.focus({ preventScroll: true });
    this.returnFocus = null;
  }

  destroy(): void {
    this.hide();
    this.host?.remove();
    this.host = null;
    this.container = null;
    this.live = null;
  }
}

/** Keeps the popover beside the mention's line with Floating UI, as the page scrolls or resizes; gives the function that stops it. */
function placeBeside(anchor: VirtualElement, floating: HTMLElement): () => void {
  const update = () =>
    void computePosition(anchor, floating, {
      strategy: 'fixed',
      placement: 'bottom-start',
      middleware: [
        offset(6),
        // Above when there is no room below, and only sideways after that: never over the mention.
        flip({ padding: 8, fallbackPlacements: ['top-start', 'bottom-end', 'top-end'] }),
        shift({ padding: 8, crossAxis: false }),
        size({
          padding: 8,
          apply: ({ availableHeight }) => floating.style.setProperty('max-height', `${Math.max(160, availableHeight)}px`),
        }),
        hide(),
      ],
    }).then(
      ({ x, y, placement, middlewareData }) => {
        floating.style.left = `${x}px`;
        floating.style.top = `${y}px`;
        floating.dataset.placement = placement;
        // A pinned card whose mention scrolled away waits, unseen, for it to come back.
        floating.style.visibility = middlewareData.hide?.referenceHidden ? 'hidden' : '';
      },
      (error: unknown) => report('placing the card', error),
    );
  return autoUpdate(anchor, floating, update);
}

/** The focused element, looking into open shadow roots. */
function deepActiveElement(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement && active !== document.body ? active : null;
}
