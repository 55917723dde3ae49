/**
 * Finds mentions in the article and marks them with the CSS Custom Highlight API: the page's
 * DOM is never changed, only Range objects are kept. Work runs in slices of a few
 * milliseconds, and DOM changes are rescanned block by block.
 */
import { leftmostLongest, type Match, type Matcher } from '../../lib/matcher';
import type { Resolved } from '../../lib/roles';
import type { MarkMode } from '../../lib/settings';
import { blockOf, isBlockElement, isInsideSkipped, locate, segments, type Segment } from './text-walk';
import { visibleBlocks } from './visible-first';
import { measureSlice } from './work-timing';
import { guard, report } from '../../utils/report';
import { HIGHLIGHT_NAME } from '../../lib/constants';

/** Resolves what the matcher found in a segment, overlaps included: role names become people, or are dropped. */
export type Resolve = (text: string, candidates: Match[], block: Element) => Resolved;

export interface Mention {
  range: Range;
  entity: number;
  block: Element;
  /** The article root it was found in: "first mention of each entity" counts per article. */
  root: Element;
  /** The text nodes the range spans. */
  nodes: Text[];
  /** For a role phrase ("Ngoại trưởng Nga"), the index of the role it meant. */
  role?: number;
  /** Marked on the page (in "first" mode, later mentions of an entity are kept but not shown). */
  shown: boolean;
  /** Dropped (its block was read again, or left the page). */
  forgotten?: boolean;
}

export interface ScannerOptions {
  matcher: Matcher;
  resolve: Resolve;
  /** The element watched for changes (the body): an article that appears later is found too. */
  watched: HTMLElement;
  /** The elements to read (the article bodies, see article-scope.ts). */
  findRoots: () => Element[];
  /** The extension's own UI, never read. */
  ownHost: () => Element | null;
  mode: MarkMode;
  signal: AbortSignal;
  /** Called whenever the set of mentions may have changed. */
  onChange: () => void;
}

/** Longest stretch of work before yielding to the page. */
const SLICE_MS = 8;
/**
 * New marks are handed to the highlight at most this often: every change to a highlight
 * makes the browser repaint all of its ranges, so a long pass shows its marks in a few
 * batches rather than after every slice (the first batch, the visible part, at once).
 */
const PUBLISH_MS = 250;

function idle(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: 50 });
    else setTimeout(resolve, 0);
  });
}

export class Scanner {
  /**
   * Mentions by block, the blocks in document order: the first pass reads in that order, a
   * block read again keeps its place, and only a block new to the page can land out of order
   * (then `unordered` says the order must be read from the page once more).
   */
  private readonly byBlock = new Map<Element, Mention[]>();
  private unordered = false;
  private readonly byNode = new WeakMap<Text, Mention[]>();
  private readonly highlight = new Highlight();
  private observer: MutationObserver | null = null;
  private readonly dirty = new Set<Node>();
  /** The rescan under way, if any: answers about the page wait for it. */
  private flushing: Promise<void> | null = null;
  /** Rescans wait for the first pass, so that no block is scanned twice at once. */
  private firstPassDone = false;
  /** Blocks whose role names were judged by the names seen so far: read again once the page has been read. */
  private readonly judgedByNames = new Set<Element>();
  private roots: Element[] = [];
  /** The article roots must be found again (one was removed, or a new article may have arrived). */
  private rootsStale = false;
  /** Nodes were removed: mentions in blocks that left the page are to be forgotten. */
  private forgetPending = false;
  private mode: MarkMode;
  /** Found, not yet handed to the highlight. */
  private pending: Mention[] = [];
  private lastPublish = -Infinity;
  /** Start of the slice of work under way. */
  private sliceStart = 0;
  /** Blocks already read in this pass (the visible ones, read first). */
  private readonly readFirst = new Set<Element>();
  /** How many wait for the marks (the popup asking): while any does, a hidden tab works on. */
  private waiters = 0;
  private wake: (() => void) | null = null;

  constructor(private readonly options: ScannerOptions) {
    this.mode = options.mode;
    CSS.highlights.set(HIGHLIGHT_NAME, this.highlight);
  }

  private get signal(): AbortSignal {
    return this.options.signal;
  }

  /** Scans the article, then watches the page for changes. Resolves when the first pass is done. */
  async start(): Promise<void> {
    // Watch from the start: a page that changes during the first pass is rescanned after it.
    this.observer = new MutationObserver(guard('page change', (records: MutationRecord[]) => this.onMutations(records)));
    this.observer.observe(this.options.watched, { childList: true, characterData: true, subtree: true });
    this.roots = this.options.findRoots();
    // What the reader sees first, then everything in document order.
    this.sliceStart = performance.now();
    for (const root of this.roots) {
      for (const block of visibleBlocks(root, this.options.ownHost(), window.innerHeight)) {
        for (const segment of segments(block, this.options.ownHost())) {
          this.mark(segment, root);
          this.readFirst.add(segment.block);
        }
      }
    }
    this.publish(true);
    for (const root of this.roots) {
      await this.scan(root, root);
      if (this.signal.aborted) return;
    }
    measureSlice(this.sliceStart);
    this.publish(true);
    this.readFirst.clear();
    this.firstPassDone = true;
    // Now that every name on the page is known, read again the blocks whose role names
    // were judged by fewer; the first pass is done when they are.
    for (const block of this.judgedByNames) this.dirty.add(block);
    this.judgedByNames.clear();
    await this.scheduleFlush(false);
    this.applyMode();
  }

  stop(): void {
    this.observer?.disconnect();
    this.observer = null;
    this.highlight.clear();
    if (CSS.highlights.get(HIGHLIGHT_NAME) === this.highlight) CSS.highlights.delete(HIGHLIGHT_NAME);
    this.byBlock.clear();
  }

  /** Resolves once no rescan is pending: what `mentions()` then says is what the page shows. */
  async settled(): Promise<void> {
    while (this.flushing) await this.flushing;
  }

  /**
   * Someone is waiting for the marks: work on even while the tab is hidden, until the returned
   * release is called. Counted, so that the work pauses again exactly when no one waits.
   */
  hurry(): () => void {
    this.waiters++;
    this.wake?.();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.waiters--;
    };
  }

  /**
   * Yields to the page between slices: until it is idle, and, while the tab is hidden, until
   * it is shown again (or someone waits for the marks, or the work is called off).
   */
  private async nextSlice(): Promise<void> {
    await idle();
    while (document.visibilityState === 'hidden' && this.waiters === 0 && !this.signal.aborted) {
      await new Promise<void>((resolve) => {
        const done = () => {
          this.wake = null;
          document.removeEventListener('visibilitychange', done);
          this.signal.removeEventListener('abort', done);
          resolve();
        };
        this.wake = done;
        document.addEventListener('visibilitychange', done);
        this.signal.addEventListener('abort', done);
      });
    }
  }

  /** Reads every article root again (what counts as a mention changed: an entity was hidden or shown). */
  refresh(): void {
    for (const root of this.roots) this.dirty.add(root);
    if (this.firstPassDone) void this.scheduleFlush(false);
  }

  setMode(mode: MarkMode): void {
    if (mode === this.mode) return;
    this.mode = mode;
    this.applyMode();
    this.options.onChange();
  }

  /** The marked mentions, in document order. */
  mentions(): Mention[] {
    return this.allMentions().filter((m) => m.shown);
  }

  /** Every mention found, shown or not, in document order. */
  private allMentions(): Mention[] {
    if (this.unordered) this.reorder();
    const out: Mention[] = [];
    for (const [block, list] of this.byBlock) {
      if (!block.isConnected) continue;
      for (const mention of list) if (!mention.range.collapsed) out.push(mention);
    }
    return out;
  }

  /** Puts the blocks back in document order, by one walk over the page's elements. */
  private reorder(): void {
    this.unordered = false;
    const position = new Map<Node, number>();
    const walker = document.createTreeWalker(this.options.watched, NodeFilter.SHOW_ELEMENT);
    for (let node: Node | null = walker.currentNode, k = 0; node; node = walker.nextNode(), k++) {
      if (this.byBlock.has(node as Element)) position.set(node, k);
    }
    const entries = [...this.byBlock].filter(([block]) => position.has(block));
    entries.sort((a, b) => position.get(a[0])! - position.get(b[0])!);
    this.byBlock.clear();
    for (const [block, list] of entries) this.byBlock.set(block, list);
  }

  /** Shows every mention, or the first of each entity in each article, as the mode says. */
  private applyMode(): void {
    const seen = new Map<Element, Set<number>>();
    for (const mention of this.allMentions()) {
      let show = true;
      if (this.mode === 'first') {
        const entities = seen.get(mention.root) ?? new Set<number>();
        seen.set(mention.root, entities);
        show = !entities.has(mention.entity);
        entities.add(mention.entity);
      }
      if (show === mention.shown) continue;
      mention.shown = show;
      if (show) this.highlight.add(mention.range);
      else this.highlight.delete(mention.range);
    }
  }

  /** The mention under a point of the viewport, if any. */
  mentionAt(x: number, y: number): Mention | null {
    const node = caretNode(x, y);
    if (!node) return null;
    for (const mention of this.byNode.get(node) ?? []) {
      if (!mention.shown) continue;
      for (const rect of mention.range.getClientRects()) {
        if (x >= rect.left - 1 && x <= rect.right + 1 && y >= rect.top - 1 && y <= rect.bottom + 1) return mention;
      }
    }
    return null;
  }

  /** Reads `node` (an article root or a block inside one), marking as it goes. */
  private async scan(node: Node, root: Element): Promise<void> {
    for (const segment of segments(node, this.options.ownHost())) {
      this.mark(segment, root);
      if (performance.now() - this.sliceStart > SLICE_MS) {
        await this.yieldSlice();
        if (this.signal.aborted) return;
      }
    }
  }

  /** Ends the slice under way (the page gets the marks found, in batches) and waits for the next. */
  private async yieldSlice(): Promise<void> {
    measureSlice(this.sliceStart);
    this.publish(false);
    await this.nextSlice();
    this.sliceStart = performance.now();
  }

  /** Hands the marks found to the highlight: now, or when the last batch is old enough. */
  private publish(now: boolean): void {
    if (this.pending.length === 0 || (!now && performance.now() - this.lastPublish < PUBLISH_MS)) return;
    for (const mention of this.pending) {
      if (mention.shown && !mention.forgotten) this.highlight.add(mention.range);
    }
    this.pending = [];
    this.lastPublish = performance.now();
    this.options.onChange();
  }

  private mark(segment: Segment, root: Element): void {
    if (segment.text.length < 2 || this.readFirst.has(segment.block)) return;
    const resolved = this.options.resolve(segment.text, this.options.matcher.findAll(segment.text), segment.block);
    if (resolved.byNames && !this.firstPassDone) this.judgedByNames.add(segment.block);
    const matches = leftmostLongest(resolved.matches);
    if (matches.length === 0) return;
    let list = this.byBlock.get(segment.block);
    if (!list) {
      list = [];
      if (this.firstPassDone) this.unordered = true;
    }
    for (const match of matches) {
      const [startNode, startOffset] = locate(segment, match.start, false);
      const [endNode, endOffset] = locate(segment, match.end, true);
      const range = new Range();
      range.setStart(startNode, startOffset);
      range.setEnd(endNode, endOffset);
      const nodes = segment.nodes.slice(segment.nodes.indexOf(startNode), segment.nodes.indexOf(endNode) + 1);
      // Shown at once; in "first" mode the repeats are hidden when the pass ends.
      const mention: Mention = { range, entity: match.entity, block: segment.block, root, nodes, shown: true };
      if (match.role !== undefined) mention.role = match.role;
      list.push(mention);
      for (const node of nodes) {
        const at = this.byNode.get(node);
        if (at) at.push(mention);
        else this.byNode.set(node, [mention]);
      }
      this.pending.push(mention);
    }
    this.byBlock.set(segment.block, list);
  }

  private forget(mention: Mention): void {
    mention.forgotten = true;
    this.highlight.delete(mention.range);
    for (const node of mention.nodes) {
      const rest = this.byNode.get(node)?.filter((m) => m !== mention);
      if (rest && rest.length > 0) this.byNode.set(node, rest);
      else this.byNode.delete(node);
    }
  }

  private onMutations(records: MutationRecord[]): void {
    const host = this.options.ownHost();
    let removed = false;
    for (const record of records) {
      const target = record.target;
      if (host?.contains(target)) continue;
      const block = blockOf(target, this.options.watched);
      const inRoot = this.roots.some((r) => r.contains(block));
      if (record.type === 'characterData') {
        if (inRoot) this.dirty.add(block);
        continue;
      }
      // A paragraph's own text changed when inline content came or went: read it again.
      // Blocks that came are read alone, and blocks that went are forgotten, so that a live
      // blog appending to a long article costs the new part only.
      for (const gone of record.removedNodes) {
        removed = true;
        if (inRoot && !isBlockElement(gone)) this.dirty.add(block);
      }
      for (const added of record.addedNodes) {
        if (!isBlockElement(added)) {
          if (inRoot && (added.nodeType === Node.TEXT_NODE || added.nodeType === Node.ELEMENT_NODE)) this.dirty.add(block);
        } else if (this.roots.some((r) => r.contains(added))) this.dirty.add(added);
        else this.rootsStale = true; // perhaps a new article (a single-page app changing view)
      }
    }
    if (this.roots.some((r) => !r.isConnected)) this.rootsStale = true;
    if (removed) this.forgetPending = true;
    if (this.firstPassDone) this.scheduleFlush(true);
  }

  private hasWork(): boolean {
    return this.dirty.size > 0 || this.rootsStale || this.forgetPending;
  }

  /** Starts a rescan unless one is running (it will take the new work too). */
  private scheduleFlush(later: boolean): Promise<void> {
    if (this.flushing || this.signal.aborted || !this.hasWork()) return this.flushing ?? Promise.resolve();
    const run: Promise<void> = (later ? this.nextSlice() : Promise.resolve())
      .then(() => this.flush())
      .catch((error: unknown) => report('rescan', error))
      .finally(() => {
        if (this.flushing !== run) return;
        this.flushing = null;
        // Work that arrived as the last round ended.
        this.scheduleFlush(true);
      });
    this.flushing = run;
    return run;
  }

  /** Rescans what changed: forgets the mentions of changed blocks and reads them again. */
  private async flush(): Promise<void> {
    this.sliceStart = performance.now();
    while (this.hasWork() && !this.signal.aborted) {
      this.forgetPending = false;
      if (this.rootsStale) this.refreshRoots();
      const changed = new Set([...this.dirty].filter((n) => n.isConnected));
      this.dirty.clear();
      // Outermost only: an inner one is read again with its ancestor. Ancestors are looked
      // up, not compared pairwise: hundreds of changed blocks cost hundreds of short walks.
      const underChanged = (node: Node) => {
        for (let n = node.parentNode; n; n = n.parentNode) if (changed.has(n)) return true;
        return false;
      };
      const outer = [...changed].filter((node) => !underChanged(node));
      for (const [block, list] of this.byBlock) {
        if (block.isConnected && !changed.has(block) && !underChanged(block)) continue;
        for (const mention of list) this.forget(mention);
        // A block that stays keeps its place in the order, to be read again.
        if (block.isConnected) this.byBlock.set(block, []);
        else this.byBlock.delete(block);
      }
      for (const node of outer) {
        // Only what lies in an article root is read; a change around a root reads the root.
        const root = this.roots.find((r) => r.contains(node));
        const parts = root ? [node] : this.roots.filter((r) => node.contains(r));
        for (const part of parts) {
          if (isInsideSkipped(part, this.options.ownHost())) continue;
          await this.scan(part, root ?? (part as Element));
          if (this.signal.aborted) return;
        }
      }
      this.applyMode();
    }
    measureSlice(this.sliceStart);
    this.publish(true);
    // Marks may have gone without new ones coming: say so too.
    this.options.onChange();
  }

  /** Finds the article roots again; roots that are new are read in full. */
  private refreshRoots(): void {
    this.rootsStale = false;
    const next = this.options.findRoots();
    const old = this.roots;
    if (next.length === old.length && next.every((r, k) => r === old[k])) return;
    this.roots = next;
    // Forget what lies outside the new roots, and read the roots that are new.
    for (const [block, list] of this.byBlock) {
      if (block.isConnected && next.some((r) => r.contains(block))) continue;
      for (const mention of list) this.forget(mention);
      this.byBlock.delete(block);
    }
    for (const root of next) if (!old.includes(root)) this.dirty.add(root);
  }
}

/** The text node under a point, through whichever caret API the browser has. */
function caretNode(x: number, y: number): Text | null {
  const doc = document as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node } | null;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  const node = doc.caretPositionFromPoint ? doc.caretPositionFromPoint(x, y)?.offsetNode : doc.caretRangeFromPoint?.(x, y)?.startContainer;
  return node && node.nodeType === Node.TEXT_NODE ? (node as Text) : null;
}
