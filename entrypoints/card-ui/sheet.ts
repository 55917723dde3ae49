/**
 * The card as a bottom sheet, on screens narrower than SHEET_BELOW_WIDTH: the viewport's
 * width, at most SHEET_MAX_HEIGHT of its height (scrolling inside), clear of the safe-area
 * insets (popover.css). It scrolls the page so that the mention stays in sight above it, and
 * closes on a swipe down, or on the system's back gesture where the browser lets a page
 * see it (CloseWatcher).
 */
import type { VirtualElement } from '@floating-ui/dom';
import { SHEET_BELOW_WIDTH, SHEET_MAX_HEIGHT, SHEET_SWIPE_CLOSE_PX } from '../../lib/constants';

/** Space kept between the mention and the sheet's top edge, and above the mention. */
const GAP_PX = 12;
/** The sheet never shrinks below this share of the viewport to keep the mention in sight. */
const MIN_HEIGHT = 0.3;

/** The platform's close request (Escape, the Android back gesture), where the browser has it. */
interface CloseWatcherLike {
  onclose: (() => void) | null;
  destroy(): void;
}
type CloseWatcherConstructor = new () => CloseWatcherLike;

/** Whether the card is a sheet at the viewport's present width. */
export function isSheetWidth(): boolean {
  return window.innerWidth < SHEET_BELOW_WIDTH;
}

/** Places `sheet` at the bottom, reveals the mention above it, and watches for a close; gives the function that stops it all. */
export function placeSheet(anchor: VirtualElement, sheet: HTMLElement, onClose: () => void): () => void {
  const stop = new AbortController();
  const { signal } = stop;
  let maxHeight = Math.round(window.innerHeight * SHEET_MAX_HEIGHT);

  // What a popover drawn before it left on the same element.
  sheet.style.visibility = '';
  const place = () => {
    sheet.style.maxHeight = `${maxHeight}px`;
    sheet.style.left = '0px';
    // The card's host contains fixed boxes (popover.css): the bottom edge is placed from the top.
    sheet.style.top = `${window.innerHeight - sheet.offsetHeight}px`;
  };
  place();
  reveal(anchor, sheet, (height) => {
    maxHeight = height;
    place();
  });
  window.addEventListener(
    'resize',
    () => {
      maxHeight = Math.round(window.innerHeight * SHEET_MAX_HEIGHT);
      place();
    },
    { signal },
  );
  // The sheet's content changes height as its parts render (a longer role, the link row).
  const resized = new ResizeObserver(() => place());
  resized.observe(sheet);
  signal.addEventListener('abort', () => resized.disconnect());
  watchSwipe(sheet, onClose, signal);

  const Watcher = (globalThis as { CloseWatcher?: CloseWatcherConstructor }).CloseWatcher;
  if (Watcher) {
    try {
      const watcher = new Watcher();
      watcher.onclose = onClose;
      signal.addEventListener('abort', () => watcher.destroy());
    } catch {
      // A browser may refuse a watcher (too many without a user's gesture): the other ways to close remain.
    }
  }
  return () => {
    stop.abort();
    sheet.style.transform = '';
  };
}

/**
 * Scrolls the page so that the mention sits above the sheet. Where the page cannot scroll
 * that far (the mention near its end), the sheet is made shorter instead, down to MIN_HEIGHT.
 */
function reveal(anchor: VirtualElement, sheet: HTMLElement, shrinkTo: (height: number) => void): void {
  const mark = anchor.getBoundingClientRect();
  const sheetTop = window.innerHeight - sheet.offsetHeight;
  const room = sheetTop - GAP_PX;
  if (mark.bottom <= room && mark.top >= 0) return;
  // Up far enough to clear the sheet, never so far that the mention leaves the top.
  const wanted = Math.min(mark.bottom - room, mark.top - GAP_PX);
  const scroller = document.scrollingElement ?? document.documentElement;
  const canScroll = scroller.scrollHeight - window.innerHeight - window.scrollY;
  const delta = Math.max(-window.scrollY, Math.min(wanted, canScroll));
  if (delta !== 0) {
    const reduce = matchMedia('(prefers-reduced-motion: reduce)').matches;
    window.scrollBy({ top: delta, behavior: reduce ? 'instant' : 'smooth' });
  }
  const short = wanted - delta;
  if (short > 0) shrinkTo(Math.max(Math.round(window.innerHeight * MIN_HEIGHT), sheet.offsetHeight - short));
}

/** A swipe down that starts with the sheet scrolled to its top drags it down, and closes it past SHEET_SWIPE_CLOSE_PX. */
function watchSwipe(sheet: HTMLElement, onClose: () => void, signal: AbortSignal): void {
  let startY: number | null = null;
  let dy = 0;
  const reset = () => {
    startY = null;
    dy = 0;
    sheet.style.transition = 'transform 150ms ease-out';
    sheet.style.transform = '';
  };
  sheet.addEventListener(
    'touchstart',
    (event: TouchEvent) => {
      // Only a sheet at its top is dragged; one scrolled down scrolls back up first.
      startY = event.touches.length === 1 && sheet.scrollTop <= 0 ? event.touches[0]!.clientY : null;
      dy = 0;
    },
    { passive: true, signal },
  );
  sheet.addEventListener(
    'touchmove',
    (event: TouchEvent) => {
      if (startY === null) return;
      dy = event.touches[0]!.clientY - startY;
      if (dy <= 0) {
        // An upward move scrolls the sheet's content, as usual.
        startY = null;
        sheet.style.transform = '';
        return;
      }
      // The drag is the sheet's: neither its content nor the page (pull-to-refresh) moves.
      if (event.cancelable) event.preventDefault();
      sheet.style.transition = 'none';
      sheet.style.transform = `translateY(${dy}px)`;
    },
    { passive: false, signal },
  );
  const end = () => {
    if (startY !== null && dy >= SHEET_SWIPE_CLOSE_PX) {
      startY = null;
      onClose();
    } else if (startY !== null) reset();
  };
  sheet.addEventListener('touchend', end, { passive: true, signal });
  sheet.addEventListener('touchcancel', reset, { passive: true, signal });
}
