/**
 * What a tap landed on, as far as the touch path cares: the link it would follow, or a
 * control of the page's own (a button, a field, a label…) whose tap is never ours.
 */

/** Controls whose taps stay the page's, even over marked text. */
const CONTROL =
  'button, input, select, textarea, label, summary, video, audio, [contenteditable]:not([contenteditable="false"]), [role="button"], [role="checkbox"], [role="menuitem"], [role="option"], [role="switch"], [role="tab"]';

export interface TapTarget {
  /** The link the tap would follow, if any. */
  link: HTMLAnchorElement | HTMLAreaElement | null;
  /** A control of the page's own, whose tap is left alone. */
  control: boolean;
}

export function tapTarget(event: Event): TapTarget {
  const first = event.composedPath()[0];
  const element = first instanceof Element ? first : first instanceof Node ? first.parentElement : null;
  if (!element) return { link: null, control: false };
  const link = element.closest<HTMLAnchorElement | HTMLAreaElement>('a[href], area[href]');
  const control = element.closest(CONTROL);
  // A control inside the link (a button in a teaser) is the control; a link inside a label, the link.
  return { link, control: control !== null && (link === null || link.contains(control)) };
}
