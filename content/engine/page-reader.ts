/**
 * How a page's text becomes mentions, one segment at a time: the matcher finds every alias,
 * role names are resolved (by the article's date, or by the names read so far), entities
 * the reader hid on the site are dropped, and overlaps go to the leftmost longest. The
 * scanner reads pages with it; the evaluation (scripts/eval.ts) reads its pages with it too.
 */
import type { PageMatcherData } from '../../lib/artifacts';
import { leftmostLongest, type Match, type Matcher } from '../../lib/matcher';
import { resolveRoles } from '../../lib/roles';
import { articleDate } from '../dom/page-date';

export interface Reading {
  matches: Match[];
  /** Some role name was judged by the names read so far, which may still grow. */
  byNames: boolean;
}

export class PageReader {
  /** Entities named on the page so far: a role name resolves to one of them when the date is unknown. */
  private readonly named = new Set<number>();
  /** Where each entity was first named: its block and offset there. */
  private readonly firstNamed = new Map<number, { block: Element; offset: number }>();
  /** Blocks in the order first read, each with the entities named in it (an office with several holders looks around it). */
  private readonly blockOrder = new Map<Element, number>();
  private readonly blockNames: Array<Set<number> | undefined> = [];
  /** Entities the reader hid on this site ("not this"), by index. */
  private hidden = new Set<number>();

  constructor(
    private readonly matcher: Matcher,
    private readonly data: PageMatcherData,
  ) {}

  /** Hides these entities (by id); says whether that changed anything. */
  hide(entityIds: readonly string[]): boolean {
    const next = new Set(this.data.entities.flatMap((e, i) => (entityIds.includes(e.id) ? [i] : [])));
    const same = next.size === this.hidden.size && [...next].every((i) => this.hidden.has(i));
    this.hidden = next;
    return !same;
  }

  /** Forgets the names read: the page is to be read from the start. */
  reset(): void {
    this.named.clear();
    this.firstNamed.clear();
    this.blockOrder.clear();
    this.blockNames.length = 0;
  }

  /** Whether `a` (at `offset` in its block) comes before `offset` in `block`, in document order. */
  private static precedes(a: { block: Element; offset: number }, block: Element, offset: number): boolean {
    if (a.block === block) return a.offset < offset;
    // Node.DOCUMENT_POSITION_FOLLOWING: `block` follows `a.block`.
    return (a.block.compareDocumentPosition(block) & 4) !== 0;
  }

  read(text: string, block: Element): Reading {
    // Whitespace between blocks names nothing, and must not count as a block in between.
    if (!/\S/u.test(text)) return { matches: [], byNames: false };
    const candidates = this.matcher.findAll(text);
    let index = this.blockOrder.get(block);
    if (index === undefined) {
      index = this.blockNames.length;
      this.blockOrder.set(block, index);
      this.blockNames.push(undefined);
    }
    for (const m of candidates) {
      if (m.entity >= this.data.entities.length) continue;
      this.named.add(m.entity);
      const names = this.blockNames[index] ?? new Set<number>();
      this.blockNames[index] = names;
      names.add(m.entity);
      // The page is read in document order: the first reading is the first place.
      if (!this.firstNamed.has(m.entity)) this.firstNamed.set(m.entity, { block, offset: m.start });
    }
    // Nearby: this block and the two read before and after it (those after are known once the page has been read).
    const near = () => this.blockNames.slice(Math.max(0, index - 2), index + 3);
    const resolved = resolveRoles(
      text,
      candidates,
      this.data,
      {
        date: articleDate(block),
        named: this.named,
        namedBefore: (entity, offset) => {
          const first = this.firstNamed.get(entity);
          return first !== undefined && PageReader.precedes(first, block, offset);
        },
        namedNear: (entity) => near().some((names) => names?.has(entity)),
      },
      (alias) => this.matcher.aliases[alias]?.text ?? '',
    );
    // Entities hidden here are dropped before overlaps are decided: a name inside one stands.
    const kept = this.hidden.size === 0 ? resolved.matches : resolved.matches.filter((m) => !this.hidden.has(m.entity));
    return { matches: leftmostLongest(kept), byNames: resolved.byNames };
  }
}
