/**
 * What changed on the page since it was read: the blocks to read again, whether the article
 * roots must be found again, whether mentions may have left the page. Fed by a
 * MutationObserver; the scanner takes the work when it rescans.
 */
import { blockOf, isBlockElement } from '../dom/text-walk';

export class PageChanges {
  private readonly dirty = new Set<Node>();
  /** The article roots must be found again (one was removed, or a new article may have arrived). */
  rootsStale = false;
  /** Nodes were removed: mentions in blocks that left the page are to be forgotten. */
  forgetPending = false;

  constructor(
    /** The element watched (the body). */
    private readonly watched: HTMLElement,
    /** The extension's own UI, whose changes are not the page's. */
    private readonly ownHost: () => Element | null,
  ) {}

  /** Asks for a node to be read again. */
  add(node: Node): void {
    this.dirty.add(node);
  }

  hasWork(): boolean {
    return this.dirty.size > 0 || this.rootsStale || this.forgetPending;
  }

  /** The nodes to read again that are still on the page; the list starts afresh. */
  take(): Set<Node> {
    const changed = new Set([...this.dirty].filter((n) => n.isConnected));
    this.dirty.clear();
    return changed;
  }

  record(records: MutationRecord[], roots: Element[]): void {
    const host = this.ownHost();
    let removed = false;
    for (const record of records) {
      const target = record.target;
      if (host?.contains(target)) continue;
      const block = blockOf(target, this.watched);
      const inRoot = roots.some((r) => r.contains(block));
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
        } else if (roots.some((r) => r.contains(added))) this.dirty.add(added);
        else this.rootsStale = true; // perhaps a new article (a single-page app changing view)
      }
    }
    if (roots.some((r) => !r.isConnected)) this.rootsStale = true;
    if (removed) this.forgetPending = true;
  }
}
