/**
 * The mentions found on the page, kept two ways: by block in document order (what the popup
 * lists and the keyboard walks) and by text node (what the pointer is over). Only Range
 * objects are kept: the page's DOM is never changed.
 */
import { caretNode, lineAt } from '../dom/hit-test';

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

export class MentionIndex {
  /**
   * Mentions by block, the blocks in document order: the first pass reads in that order, a
   * block read again keeps its place, and only a block new to the page can land out of order
   * (then `unordered` says the order must be read from the page once more).
   */
  private readonly byBlock = new Map<Element, Mention[]>();
  private unordered = false;
  private readonly byNode = new WeakMap<Text, Mention[]>();

  /** The element whose walk gives the document order (the watched body). */
  constructor(private readonly within: Node) {}

  /** Adds a block's mentions; `late` says the block may be new to the page, out of order. */
  add(block: Element, mentions: Mention[], late: boolean): void {
    let list = this.byBlock.get(block);
    if (!list) {
      list = [];
      if (late) this.unordered = true;
    }
    for (const mention of mentions) {
      list.push(mention);
      for (const node of mention.nodes) {
        const at = this.byNode.get(node);
        if (at) at.push(mention);
        else this.byNode.set(node, [mention]);
      }
    }
    this.byBlock.set(block, list);
  }

  /** The blocks that hold mentions (in no particular order: for forgetting). */
  blocks(): Element[] {
    return [...this.byBlock.keys()];
  }

  /**
   * Forgets a block's mentions and returns them. A block that stays keeps its place in the
   * order (to be read again); one that goes is dropped.
   */
  drop(block: Element, keepPlace: boolean): Mention[] {
    const list = this.byBlock.get(block) ?? [];
    for (const mention of list) this.forget(mention);
    if (keepPlace) this.byBlock.set(block, []);
    else this.byBlock.delete(block);
    return list;
  }

  /** Every mention found, shown or not, in document order. */
  all(): Mention[] {
    if (this.unordered) this.reorder();
    const out: Mention[] = [];
    for (const [block, list] of this.byBlock) {
      if (!block.isConnected) continue;
      for (const mention of list) if (!mention.range.collapsed) out.push(mention);
    }
    return out;
  }

  /** The shown mention under a point of the viewport, if any. */
  at(x: number, y: number): Mention | null {
    const node = caretNode(x, y);
    if (!node) return null;
    for (const mention of this.byNode.get(node) ?? []) {
      if (mention.shown && lineAt(mention.range.getClientRects(), x, y) >= 0) return mention;
    }
    return null;
  }

  clear(): void {
    this.byBlock.clear();
  }

  private forget(mention: Mention): void {
    mention.forgotten = true;
    for (const node of mention.nodes) {
      const rest = this.byNode.get(node)?.filter((m) => m !== mention);
      if (rest && rest.length > 0) this.byNode.set(node, rest);
      else this.byNode.delete(node);
    }
  }

  /** Puts the blocks back in document order, by one walk over the page's elements. */
  private reorder(): void {
    this.unordered = false;
    const position = new Map<Node, number>();
    const walker = document.createTreeWalker(this.within, NodeFilter.SHOW_ELEMENT);
    for (let node: Node | null = walker.currentNode, k = 0; node; node = walker.nextNode(), k++) {
      if (this.byBlock.has(node as Element)) position.set(node, k);
    }
    const entries = [...this.byBlock].filter(([block]) => position.has(block));
    entries.sort((a, b) => position.get(a[0])! - position.get(b[0])!);
    this.byBlock.clear();
    for (const [block, list] of entries) this.byBlock.set(block, list);
  }
}
