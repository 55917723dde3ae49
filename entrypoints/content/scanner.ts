/**
 * Finds mentions on the page and marks them with the CSS Custom Highlight API: the page's
 * DOM is never changed, only Range objects are kept. Work runs in slices of a few
 * milliseconds, and DOM changes are rescanned block by block.
 */
import { leftmostLongest, type Match, type Matcher } from '../../lib/matcher';
import type { Resolved } from '../../lib/roles';
import { blockOf, isInsideSkipped, locate, segments, type Segment } from './text-walk';

export const HIGHLIGHT_NAME = 'boi-canh';

/** Resolves what the matcher found in a segment, overlaps included: role names become people, or are dropped. */
export type Resolve = (text: string, candidates: Match[], block: Element) => Resolved;

export interface Mention {
  range: Range;
  entity: number;
  block: Element;
  /** The text nodes the range spans. */
  nodes: Text[];
}

/** Longest stretch of work before yielding to the page. */
const SLICE_MS = 8;

function nextSlice(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: 50 });
    else setTimeout(resolve, 0);
  });
}

export class Scanner {
  private readonly byBlock = new Map<Element, Mention[]>();
  private readonly byNode = new WeakMap<Text, Mention[]>();
  private readonly highlight = new Highlight();
  private observer: MutationObserver | null = null;
  private readonly dirty = new Set<Node>();
  private flushing = false;
  /** Rescans wait for the first pass, so that no block is scanned twice at once. */
  private firstPassDone = false;
  /** Blocks whose role names were judged by the names seen so far: read again once the page has been read. */
  private readonly judgedByNames = new Set<Element>();

  constructor(
    private readonly matcher: Matcher,
    private readonly resolve: Resolve,
    private readonly root: HTMLElement,
    private readonly ownHost: () => Element | null,
    private readonly signal: AbortSignal,
    private readonly onChange: () => void,
  ) {
    CSS.highlights.set(HIGHLIGHT_NAME, this.highlight);
  }

  /** Scans the whole root, then watches it for changes. Resolves when the first pass is done. */
  async start(): Promise<void> {
    // Watch from the start: a page that changes during the first pass is rescanned after it.
    this.observer = new MutationObserver((records) => this.onMutations(records));
    this.observer.observe(this.root, { childList: true, characterData: true, subtree: true });
    await this.scan(this.root);
    this.firstPassDone = true;
    // Now that every name on the page is known, read again the blocks whose role names
    // were judged by fewer; the first pass is done when they are.
    for (const block of this.judgedByNames) this.dirty.add(block);
    this.judgedByNames.clear();
    if (this.dirty.size > 0 && !this.flushing && !this.signal.aborted) {
      this.flushing = true;
      await this.flush();
    }
  }

  stop(): void {
    this.observer?.disconnect();
    this.observer = null;
    this.highlight.clear();
    if (CSS.highlights.get(HIGHLIGHT_NAME) === this.highlight) CSS.highlights.delete(HIGHLIGHT_NAME);
    this.byBlock.clear();
  }

  /** All mentions in document order. */
  mentions(): Mention[] {
    const blocks = [...this.byBlock.keys()].filter((b) => b.isConnected);
    blocks.sort((a, b) => (a === b ? 0 : a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
    return blocks.flatMap((b) => this.byBlock.get(b)!.filter((m) => !m.range.collapsed));
  }

  /** The mention under a point of the viewport, if any. */
  mentionAt(x: number, y: number): Mention | null {
    const node = caretNode(x, y);
    if (!node) return null;
    for (const mention of this.byNode.get(node) ?? []) {
      for (const rect of mention.range.getClientRects()) {
        if (x >= rect.left - 1 && x <= rect.right + 1 && y >= rect.top - 1 && y <= rect.bottom + 1) return mention;
      }
    }
    return null;
  }

  private async scan(root: Node): Promise<void> {
    let sliceStart = performance.now();
    for (const segment of segments(root, this.ownHost())) {
      this.mark(segment);
      if (performance.now() - sliceStart > SLICE_MS) {
        this.onChange();
        await nextSlice();
        if (this.signal.aborted) return;
        sliceStart = performance.now();
      }
    }
    this.onChange();
  }

  private mark(segment: Segment): void {
    if (segment.text.length < 2) return;
    const resolved = this.resolve(segment.text, this.matcher.findAll(segment.text), segment.block);
    if (resolved.byNames && !this.firstPassDone) this.judgedByNames.add(segment.block);
    const matches = leftmostLongest(resolved.matches);
    if (matches.length === 0) return;
    const list = this.byBlock.get(segment.block) ?? [];
    for (const match of matches) {
      const [startNode, startOffset] = locate(segment, match.start, false);
      const [endNode, endOffset] = locate(segment, match.end, true);
      const range = new Range();
      range.setStart(startNode, startOffset);
      range.setEnd(endNode, endOffset);
      const nodes = segment.nodes.slice(segment.nodes.indexOf(startNode), segment.nodes.indexOf(endNode) + 1);
      const mention: Mention = { range, entity: match.entity, block: segment.block, nodes };
      list.push(mention);
      for (const node of nodes) {
        const at = this.byNode.get(node);
        if (at) at.push(mention);
        else this.byNode.set(node, [mention]);
      }
      this.highlight.add(range);
    }
    this.byBlock.set(segment.block, list);
  }

  private forget(mention: Mention): void {
    this.highlight.delete(mention.range);
    for (const node of mention.nodes) {
      const rest = this.byNode.get(node)?.filter((m) => m !== mention);
      if (rest && rest.length > 0) this.byNode.set(node, rest);
      else this.byNode.delete(node);
    }
  }

  private onMutations(records: MutationRecord[]): void {
    const host = this.ownHost();
    for (const record of records) {
      const target = record.target;
      if (host && host.contains(target)) continue;
      this.dirty.add(blockOf(target, this.root));
    }
    this.scheduleFlush();
  }

  private scheduleFlush(): void {
    if (this.firstPassDone && !this.flushing && this.dirty.size > 0 && !this.signal.aborted) {
      this.flushing = true;
      void nextSlice().then(() => this.flush());
    }
  }

  /** Rescans the blocks that changed: forgets their mentions and reads them again. */
  private async flush(): Promise<void> {
    try {
      while (this.dirty.size > 0 && !this.signal.aborted) {
        const roots = [...this.dirty].filter((n) => n.isConnected);
        this.dirty.clear();
        // Outermost roots only: an inner one is rescanned with its ancestor.
        const outer = roots.filter((r) => !roots.some((o) => o !== r && o.contains(r)));
        for (const [block, list] of this.byBlock) {
          if (block.isConnected && !outer.some((r) => r.contains(block))) continue;
          for (const mention of list) this.forget(mention);
          this.byBlock.delete(block);
        }
        for (const root of outer) {
          if (isInsideSkipped(root, this.ownHost())) continue;
          await this.scan(root);
          if (this.signal.aborted) return;
        }
      }
    } finally {
      this.flushing = false;
    }
  }
}

/** The text node under a point, through whichever caret API the browser has. */
function caretNode(x: number, y: number): Text | null {
  const doc = document as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node } | null;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  const node = doc.caretPositionFromPoint
    ? doc.caretPositionFromPoint(x, y)?.offsetNode
    : doc.caretRangeFromPoint?.(x, y)?.startContainer;
  return node && node.nodeType === Node.TEXT_NODE ? (node as Text) : null;
}
