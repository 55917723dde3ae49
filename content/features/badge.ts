/**
 * The badge feature: tells the background how many mentions the page shows, for the
 * toolbar badge. The page speaks for its tab; a frame inside it marks and explains its own
 * text but does not. When the active period ends the count goes back to none.
 */
import { askBackground } from '../api';
import { isTopFrame } from '../dom/frame';
import type { Marks } from './marks';

/** Counts are sent at most this often while a page is being read. */
const BADGE_MS = 250;

export function startBadge(marks: Marks, signal: AbortSignal): void {
  if (!isTopFrame()) return;
  let timer = 0;
  const send = (count: number) =>
    askBackground({ type: 'mention-count', count }).catch(() => {
      // The background may be restarting; the next change sends the count again.
    });
  marks.onChange(() => {
    if (signal.aborted) return;
    clearTimeout(timer);
    timer = window.setTimeout(() => void send(marks.mentions().length), BADGE_MS);
  });
  signal.addEventListener('abort', () => {
    clearTimeout(timer);
    void send(0);
  });
}
