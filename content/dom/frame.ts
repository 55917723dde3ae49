/** Where this copy of the content script runs: the page itself, or a frame inside it, and how big. */

/** Smaller than this (CSS pixels) and a frame holds an advertisement or a widget, not an article. */
export const MIN_FRAME = { width: 320, height: 200 } as const;

export function isTopFrame(): boolean {
  // Chromium lists the frame's ancestors on its own location: far cheaper than reaching for
  // another window's proxy. Firefox has no such list.
  const ancestors = (location as Location & { ancestorOrigins?: DOMStringList }).ancestorOrigins;
  if (ancestors) return ancestors.length === 0;
  try {
    return window.top === window;
  } catch {
    return false;
  }
}

/** Whether this frame is too small (or hidden: a hidden frame has no size) to hold an article. */
export function isSmallFrame(): boolean {
  // The size first: reaching for `window.top` costs a frame more than the rest of the check.
  return (window.innerWidth < MIN_FRAME.width || window.innerHeight < MIN_FRAME.height) && !isTopFrame();
}
