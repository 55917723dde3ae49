/**
 * The touch path: a tap on a mark opens its card. It acts on the click a tap makes, never on
 * the touch itself, so that what makes no click stays the browser's: a long press selects,
 * a drag scrolls, a double tap zooms. On a marked name inside a link the first tap opens the
 * card instead of following the link; a second tap on it follows the link. A tap anywhere
 * else closes the card and does what the page intends.
 */
import { guard } from '../../utils/report';
import { tapTarget } from '../dom/tap-target';
import type { Mention } from '../scanner/mention-index';

/** A fingertip is wider than a line of text: a tap this close to a mark is on it. */
export const TAP_SLOP_PX = 6;

export interface TapCard {
  mentionAt(x: number, y: number): Mention | null;
  inCard(event: Event): boolean;
  openMention(): Mention | null;
  isPinned(): boolean;
  /** Opens the mention's card from a tap at (x, y); `link` is the link the tap did not follow. */
  open(mention: Mention, x: number, y: number, link: HTMLAnchorElement | HTMLAreaElement | null): void;
  close(): void;
}

/** The mention under a fingertip: at the point, else just above, below or beside it. */
function mentionNear(card: TapCard, x: number, y: number): Mention | null {
  return (
    card.mentionAt(x, y) ??
    card.mentionAt(x, y - TAP_SLOP_PX) ??
    card.mentionAt(x, y + TAP_SLOP_PX) ??
    card.mentionAt(x - TAP_SLOP_PX, y) ??
    card.mentionAt(x + TAP_SLOP_PX, y)
  );
}

/** Watches taps until `signal` ends; `enabled` is the reader's "Tap to explain", read at each tap. */
export function watchTaps(card: TapCard, enabled: () => boolean, signal: AbortSignal): void {
  /** Whether the click that comes next was made by a finger (the pointer that went down last). */
  let touch = false;
  window.addEventListener(
    'pointerdown',
    (event: PointerEvent) => {
      touch = event.pointerType === 'touch';
    },
    { capture: true, passive: true, signal },
  );
  window.addEventListener(
    'click',
    guard('tap', (event: MouseEvent) => {
      const fromTouch = touch || (event as PointerEvent).pointerType === 'touch';
      touch = false;
      const modified = event.ctrlKey || event.metaKey || event.shiftKey || event.altKey;
      if (!fromTouch || modified || event.defaultPrevented || event.button !== 0) return;
      if (card.inCard(event)) return;
      const target = tapTarget(event);
      const mention = target.control ? null : mentionNear(card, event.clientX, event.clientY);
      const open = card.openMention();
      if (!mention || !enabled()) {
        if (open && !card.isPinned()) card.close();
        return;
      }
      if (mention === open) {
        // The second tap: a link is followed now (the card goes), plain text keeps its card.
        if (target.link) card.close();
        return;
      }
      if (target.link) {
        // This tap is the card's: neither the link nor the page's handlers of it see it.
        event.preventDefault();
        event.stopPropagation();
      }
      card.open(mention, event.clientX, event.clientY, target.link);
    }),
    { capture: true, signal },
  );
}
