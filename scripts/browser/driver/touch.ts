/** The phone the drivers emulate (LaunchOptions.phone) and the finger paths of TestPage.touch, shared by both browsers. */
import type { Point } from './types';

/** A phone's viewport in CSS px, and its device px per CSS px. */
export const PHONE = { width: 390, height: 844, scale: 2 } as const;

/** A long press unless the caller says: past both browsers' long-press time (Firefox 500 ms, Chromium's touch mode about 680 ms). */
export const LONG_PRESS_MS = 800;
const SWIPE_STEPS = 10;
/** About one frame between a swipe's moves, as a finger's touchmoves come. */
const SWIPE_STEP_MS = 16;

/** One touch point of a finger's path: `after` ms after the previous one, at (x, y); `lift` ends the touch there. */
export interface FingerPoint extends Point {
  after: number;
  lift?: true;
}

export const tapPath = (x: number, y: number): FingerPoint[] => [
  { x, y, after: 0 },
  { x, y, after: 0, lift: true },
];

export const longPressPath = (x: number, y: number, ms = LONG_PRESS_MS): FingerPoint[] => [
  { x, y, after: 0 },
  { x, y, after: ms, lift: true },
];

/** Down at `from`, `steps` even moves to `to`, lifted there at once (a finger still moving, as in a flick). */
export function swipePath(from: Point, to: Point, steps = SWIPE_STEPS): FingerPoint[] {
  const n = Math.max(1, Math.round(steps));
  const moves = Array.from({ length: n }, (_, i): FingerPoint => {
    const k = (i + 1) / n;
    return { x: from.x + (to.x - from.x) * k, y: from.y + (to.y - from.y) * k, after: SWIPE_STEP_MS };
  });
  return [{ ...from, after: 0 }, ...moves, { ...to, after: 0, lift: true }];
}

/** The error for touch input in a browser launched without `phone`. */
export const noTouchScreen = (driver: string) => new Error(`${driver} driver: touch input needs a browser launched with { phone: true }`);

/**
 * Firefox: a script for the browser window (privileged scope) that moves one finger along `path`
 * (CSS px of the tab's visible area) as native touch points while the tab showing `url` is
 * selected. Native points reach the page through Firefox's own gesture handling (APZ), as a
 * touch screen's do: a long press opens the context menu and selects a word, a drag scrolls;
 * WebDriver's touch actions skip it, so they do neither. It answers "touched", or why it did not touch.
 */
export function firefoxTouchSource(url: string, path: readonly FingerPoint[]): string {
  return `(async () => {
    const path = ${JSON.stringify(path)};
    const url = ${JSON.stringify(url)};
    const tab = gBrowser.selectedBrowser;
    if (tab.currentURI.spec !== url) return 'the selected tab shows ' + tab.currentURI.spec;
    const box = tab.getBoundingClientRect();
    const screen = (p) => [
      Math.round((window.mozInnerScreenX + box.left + p.x) * devicePixelRatio),
      Math.round((window.mozInnerScreenY + box.top + p.y) * devicePixelRatio),
    ];
    const start = performance.now();
    let due = 0;
    for (const p of path) {
      due += p.after;
      if (p.after) await new Promise((done) => setTimeout(done, due - (performance.now() - start)));
      const [x, y] = screen(p);
      windowUtils.sendNativeTouchPoint(0, p.lift ? windowUtils.TOUCH_REMOVE : windowUtils.TOUCH_CONTACT, x, y, p.lift ? 0 : 1, 90, null);
    }
    return 'touched';
  })()`;
}
