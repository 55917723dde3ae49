/**
 * Turns pointer movement and keys into opening and closing the card, the way Wikipedia's
 * Page Previews do: a card opens after the pointer rests on a mention for INTENT_MS (crossing
 * the text opens nothing), and stays for GRACE_MS after the pointer leaves so that it can
 * travel into the card. Escape, a click elsewhere, or scrolling the mention out of view close
 * it; a pinned card stays until Escape or its close button. "P" pins the open card.
 */
import { guard } from '../../utils/report';
import type { Mention } from '../scanner/mention-index';

export const INTENT_MS = 150;
export const GRACE_MS = 300;
/** The key that pins or unpins the open card (no modifier, outside editable fields). */
export const PIN_KEY = 'p';

export interface HoverTarget {
  /** The mention under a viewport point. */
  mentionAt(x: number, y: number): Mention | null;
  /** Whether an event happened inside the open card. */
  inCard(event: Event): boolean;
  /** The mention whose card is open, if any. */
  openMention(): Mention | null;
  isPinned(): boolean;
  togglePin(): void;
  open(mention: Mention, x: number, y: number): void;
  close(): void;
}

/** Whether a key event belongs to something the reader is typing into. */
function isTyping(event: KeyboardEvent): boolean {
  const el = event.composedPath()[0];
  if (!(el instanceof Element)) return false;
  return el.matches('input, textarea, select, [contenteditable]:not([contenteditable="false"])') || (el as HTMLElement).isContentEditable;
}

export function watchHover(target: HoverTarget, signal: AbortSignal): void {
  let x = 0;
  let y = 0;
  let frame = 0;
  let intent: { mention: Mention; timer: number } | null = null;
  let closeTimer = 0;

  const cancelIntent = () => {
    if (intent) clearTimeout(intent.timer);
    intent = null;
  };
  const cancelClose = () => {
    clearTimeout(closeTimer);
    closeTimer = 0;
  };
  const scheduleClose = () => {
    if (!closeTimer && target.openMention() && !target.isPinned()) {
      closeTimer = window.setTimeout(() => {
        closeTimer = 0;
        if (!target.isPinned()) target.close();
      }, GRACE_MS);
    }
  };
  const closeNow = () => {
    cancelIntent();
    cancelClose();
    target.close();
  };

  const evaluate = () => {
    frame = 0;
    const mention = target.mentionAt(x, y);
    if (mention && mention === target.openMention()) {
      cancelIntent();
      cancelClose();
      return;
    }
    if (!mention) {
      cancelIntent();
      scheduleClose();
      return;
    }
    // A pinned card stays put: hovering another mention does not replace it.
    if (target.isPinned() || intent?.mention === mention) return;
    cancelIntent();
    const at = { x, y };
    intent = {
      mention,
      timer: window.setTimeout(
        guard('hover', () => {
          intent = null;
          cancelClose();
          target.open(mention, at.x, at.y);
        }),
        INTENT_MS,
      ),
    };
  };

  const options = { capture: true, passive: true, signal } as const;
  window.addEventListener(
    'pointermove',
    guard('pointer', (event: PointerEvent) => {
      if (event.pointerType === 'touch') return;
      if (target.inCard(event)) {
        cancelIntent();
        cancelClose();
        return;
      }
      x = event.clientX;
      y = event.clientY;
      frame ||= requestAnimationFrame(guard('hover', evaluate));
    }),
    options,
  );
  document.addEventListener(
    'pointerout',
    guard('pointer', (event: PointerEvent) => {
      // A finger leaves the page after every tap; taps are tap.ts's.
      if (event.relatedTarget === null && event.pointerType !== 'touch') {
        cancelIntent();
        scheduleClose();
      }
    }),
    options,
  );
  window.addEventListener(
    'pointerdown',
    guard('pointer', (event: PointerEvent) => {
      // A finger going down may start a scroll or a second tap on the mark; a tap's click closes the card (tap.ts).
      if (event.pointerType === 'touch') return;
      if (target.openMention() && !target.isPinned() && !target.inCard(event)) closeNow();
    }),
    options,
  );
  window.addEventListener(
    'scroll',
    guard('scroll', () => {
      // A pending card stays pending only if its mention is still under the pointer: the
      // scroll may have moved the text (or, in Firefox, this is the late event of a scroll
      // that came before the pointer rested).
      if (intent && target.mentionAt(x, y) !== intent.mention) cancelIntent();
      const open = target.openMention();
      if (!open || target.isPinned()) return;
      const rect = open.range.getBoundingClientRect();
      if (rect.bottom < 0 || rect.top > window.innerHeight || rect.right < 0 || rect.left > window.innerWidth) closeNow();
    }),
    options,
  );
  window.addEventListener(
    'keydown',
    guard('key', (event: KeyboardEvent) => {
      if (event.key === 'Escape' && (target.openMention() || intent)) closeNow();
      else if (
        event.key.toLowerCase() === PIN_KEY &&
        target.openMention() &&
        !event.ctrlKey &&
        !event.metaKey &&
        !event.altKey &&
        !isTyping(event)
      ) {
        cancelClose();
        target.togglePin();
      }
    }),
    options,
  );
  signal.addEventListener('abort', () => {
    cancelIntent();
    cancelClose();
    cancelAnimationFrame(frame);
  });
}
