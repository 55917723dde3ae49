/**
 * The blocks of an article that are on screen now, found without walking the whole
 * article: block elements come in document order, which is (near enough) top to bottom, so
 * a binary search on their boxes finds the first one on screen. The scanner marks these
 * first, then the rest.
 */
import { isInsideSkipped } from './text-walk';

/** Elements that hold a paragraph's worth of text. */
const BLOCK_SELECTOR = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, figcaption, dd, dt, td, th';
/** Enough for a screen of text, whatever the page. */
const MAX_VISIBLE = 200;

export function visibleBlocks(root: Element, ownHost: Element | null, viewportHeight: number): Element[] {
  const blocks = root.querySelectorAll(BLOCK_SELECTOR);
  let lo = 0;
  let hi = blocks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (blocks[mid]!.getBoundingClientRect().bottom < 0) lo = mid + 1;
    else hi = mid;
  }
  const out: Element[] = [];
  for (let k = lo; k < blocks.length && out.length < MAX_VISIBLE; k++) {
    const block = blocks[k]!;
    const rect = block.getBoundingClientRect();
    if (rect.top > viewportHeight) break;
    // Outermost only (a list item's paragraphs are read with it), and never skipped text.
    const last = out[out.length - 1];
    if (rect.height === 0 || last?.contains(block) || isInsideSkipped(block, ownHost)) continue;
    out.push(block);
  }
  return out;
}
