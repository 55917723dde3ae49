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
  }

  read(text: string, block: Element): Reading {
    const candidates = this.matcher.findAll(text);
    for (const m of candidates) if (m.entity < this.data.entities.length) this.named.add(m.entity);
    const resolved = resolveRoles(
      text,
      candidates,
      this.data,
      { date: articleDate(block), named: this.named },
      (alias) => this.matcher.aliases[alias]?.text ?? '',
    );
    // Entities hidden here are dropped before overlaps are decided: a name inside one stands.
    const kept = this.hidden.size === 0 ? resolved.matches : resolved.matches.filter((m) => !this.hidden.has(m.entity));
    return { matches: leftmostLongest(kept), byNames: resolved.byNames };
  }
}
