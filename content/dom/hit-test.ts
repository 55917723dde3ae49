/**
 * Whether a viewport point falls on a line of a range: the one rule for hovering a mention
 * and for anchoring its card to the line under the pointer.
 */

/** Pixels of slack around each line box, so that the pointer on a glyph's edge still counts. */
const TOLERANCE_PX = 1;

/** The index of the line box under the point, or -1. */
export function lineAt(rects: ArrayLike<DOMRect>, x: number, y: number): number {
  for (let k = 0; k < rects.length; k++) {
    const r = rects[k]!;
    if (x >= r.left - TOLERANCE_PX && x <= r.right + TOLERANCE_PX && y >= r.top - TOLERANCE_PX && y <= r.bottom + TOLERANCE_PX) return k;
  }
  return -1;
}

/** The text node under a point, through whichever caret API the browser has. */
export function caretNode(x: number, y: number): Text | null {
  const doc = document as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node } | null;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  const node = doc.caretPositionFromPoint ? doc.caretPositionFromPoint(x, y)?.offsetNode : doc.caretRangeFromPoint?.(x, y)?.startContainer;
  return node && node.nodeType === Node.TEXT_NODE ? (node as Text) : null;
}
