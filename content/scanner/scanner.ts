/**
 * Reads the article and marks its mentions with the CSS Custom Highlight API: what the
 * reader sees first, then the rest in document order, in slices (schedule.ts); then it
 * rescans, block by block, what changes on the page (changes.ts). The mentions themselves
 * live in mention-index.ts.
 */
import { HIGHLIGHT_NAME } from '../../lib/constants';
import type { MarkMode } from '../../lib/settings';
import { guard, report } from '../../utils/report';
import { isInsideSkipped, locate, segments, type Segment } from '../dom/text-walk';
import { visibleBlocks } from '../dom/visible-first';
import type { Reading } from '../engine/page-reader';
import { PageChanges } from './changes';
import { MentionIndex, type Mention } from './mention-index';
import { SliceSchedule } from './schedule';

export interface ScannerOptions {
  /** Turns a segment's text into its mentions (engine/page-reader.ts). */
  read: (text: string, block: Element) => Reading;
  /** The element watched for changes (the body): an article that appears later is found too. */
  watched: HTMLElement;
  /** The elements to read (the article bodies, see dom/article-scope.ts). */
  findRoots: () => Element[];
  /** The extension's own UI, never read. */
  ownHost: () => Element | null;
  mode: MarkMode;
  signal: AbortSignal;
  /** Called whenever the set of mentions may have changed. */
  onChange: () => void;
}

/**
 * New marks are handed to the highlight at most this often: every change to a highlight
 * makes the browser repaint all of its ranges, so a long pass shows its marks in a few
 * batches rather than after every slice (the first batch, the visible part, at once).
 */
const PUBLISH_MS = 250;

export class Scanner {
  private readonly index: MentionIndex;
  private readonly changes: PageChanges;
  private readonly schedule: SliceSchedule;
  private readonly highlight = new Highlight();
  private observer: MutationObserver | null = null;
  /** The rescan under way, if any: answers about the page wait for it. */
  private flushing: Promise<void> | null = null;
  /** Rescans wait for the first pass, so that no block is scanned twice at once. */
  private firstPassDone = false;
  /** Blocks whose role names were judged by the names seen so far: read again once the page has been read. */
  private readonly judgedByNames = new Set<Element>();
  private roots: Element[] = [];
  private mode: MarkMode;
  /** Found, not yet handed to the highlight. */
  private pending: Mention[] = [];
  private lastPublish = -Infinity;
  /** Blocks already read in this pass (the visible ones, read first). */
  private readonly readFirst = new Set<Element>();

  constructor(private readonly options: ScannerOptions) {
    this.mode = options.mode;
    this.index = new MentionIndex(options.watched);
    this.changes = new PageChanges(options.watched, options.ownHost);
    this.schedule = new SliceSchedule(options.signal);
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
    this.schedule.begin();
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
    this.schedule.end();
    this.publish(true);
    this.readFirst.clear();
    this.firstPassDone = true;
    // Now that every name on the page is known, read again the blocks whose role names
    // were judged by fewer; the first pass is done when they are.
    for (const block of this.judgedByNames) this.changes.add(block);
    this.judgedByNames.clear();
    await this.scheduleFlush(false);
    this.applyMode();
  }

  stop(): void {
    this.observer?.disconnect();
    this.observer = null;
    this.highlight.clear();
    if (CSS.highlights.get(HIGHLIGHT_NAME) === this.highlight) CSS.highlights.delete(HIGHLIGHT_NAME);
    this.index.clear();
  }

  /** Resolves once no rescan is pending: what `mentions()` then says is what the page shows. */
  async settled(): Promise<void> {
    while (this.flushing) await this.flushing;
  }

  /** Someone waits for the marks: work on while the tab is hidden, until the release is called. */
  hurry(): () => void {
    return this.schedule.hurry();
  }

  /** Reads every article root again (what counts as a mention changed: an entity was hidden or shown). */
  refresh(): void {
    for (const root of this.roots) this.changes.add(root);
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
    return this.index.all().filter((m) => m.shown);
  }

  /** The mention under a point of the viewport, if any. */
  mentionAt(x: number, y: number): Mention | null {
    return this.index.at(x, y);
  }

  /** Shows every mention, or the first of each entity in each article, as the mode says. */
  private applyMode(): void {
    const seen = new Map<Element, Set<number>>();
    for (const mention of this.index.all()) {
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

  /** Reads `node` (an article root or a block inside one), marking as it goes. */
  private async scan(node: Node, root: Element): Promise<void> {
    for (const segment of segments(node, this.options.ownHost())) {
      this.mark(segment, root);
      if (this.schedule.spent()) {
        // The page gets the marks found so far, in batches, and its turn.
        this.schedule.end();
        this.publish(false);
        await this.schedule.next();
        this.schedule.begin();
        if (this.signal.aborted) return;
      }
    }
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
    const reading = this.options.read(segment.text, segment.block);
    if (reading.byNames && !this.firstPassDone) this.judgedByNames.add(segment.block);
    if (reading.matches.length === 0) return;
    const found: Mention[] = [];
    for (const match of reading.matches) {
      const [startNode, startOffset] = locate(segment, match.start, false);
      const [endNode, endOffset] = locate(segment, match.end, true);
      const range = new Range();
      range.setStart(startNode, startOffset);
      range.setEnd(endNode, endOffset);
      const nodes = segment.nodes.slice(segment.nodes.indexOf(startNode), segment.nodes.indexOf(endNode) + 1);
      // Shown at once; in "first" mode the repeats are hidden when the pass ends.
      const mention: Mention = { range, entity: match.entity, block: segment.block, root, nodes, shown: true };
      if (match.role !== undefined) mention.role = match.role;
      found.push(mention);
    }
    this.index.add(segment.block, found, this.firstPassDone);
    this.pending.push(...found);
  }

  /** Drops a block's mentions from the index and from the page. */
  private drop(block: Element, keepPlace: boolean): void {
    for (const mention of this.index.drop(block, keepPlace)) this.highlight.delete(mention.range);
  }

  private onMutations(records: MutationRecord[]): void {
    this.changes.record(records, this.roots);
    if (this.firstPassDone) this.scheduleFlush(true);
  }

  /** Starts a rescan unless one is running (it will take the new work too). */
  private scheduleFlush(later: boolean): Promise<void> {
    if (this.flushing || this.signal.aborted || !this.changes.hasWork()) return this.flushing ?? Promise.resolve();
    const run: Promise<void> = (later ? this.schedule.next() : Promise.resolve())
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
    this.schedule.begin();
    while (this.changes.hasWork() && !this.signal.aborted) {
      this.changes.forgetPending = false;
      if (this.changes.rootsStale) this.refreshRoots();
      const changed = this.changes.take();
      // Outermost only: an inner one is read again with its ancestor. Ancestors are looked
      // up, not compared pairwise: hundreds of changed blocks cost hundreds of short walks.
      const underChanged = (node: Node) => {
        for (let n = node.parentNode; n; n = n.parentNode) if (changed.has(n)) return true;
        return false;
      };
      const outer = [...changed].filter((node) => !underChanged(node));
      for (const block of this.index.blocks()) {
        if (block.isConnected && !changed.has(block) && !underChanged(block)) continue;
        this.drop(block, block.isConnected);
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
    this.schedule.end();
    this.publish(true);
    // Marks may have gone without new ones coming: say so too.
    this.options.onChange();
  }

  /** Finds the article roots again; roots that are new are read in full. */
  private refreshRoots(): void {
    this.changes.rootsStale = false;
    const next = this.options.findRoots();
    const old = this.roots;
    if (next.length === old.length && next.every((r, k) => r === old[k])) return;
    this.roots = next;
    // Forget what lies outside the new roots, and read the roots that are new.
    for (const block of this.index.blocks()) {
      if (block.isConnected && next.some((r) => r.contains(block))) continue;
      this.drop(block, false);
    }
    for (const root of next) if (!old.includes(root)) this.changes.add(root);
  }
}
