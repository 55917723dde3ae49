/**
 * Judges a page's marks against the mentions a careful reader finds there (the dev pages'
 * gold), by the rules of shared/dev-pages/README.md:
 * - a mark's entity is recognised from its name, else its id, else its text, by name keys;
 * - gold mentions and marks are placed by finding their text in the page's text in
 *   document order (a nested gold mention sits at its parent's place plus its offset);
 * - a mark is correct when it overlaps a gold mention of the same entity; a gold mention is
 *   found when some mark of its entity overlaps it; `optional` mentions are not required.
 */
import { fold } from './normalize';

export interface GoldMention {
  entity: string;
  surface: string;
  class: 'named' | 'role' | 'optional';
  parent?: number;
  offset?: number;
}

export interface Mark {
  entityId: string;
  name: string;
  text: string;
}

export interface PageScore {
  named: { found: number; total: number };
  role: { found: number; total: number };
  /** Marks of core entities (those with name keys), and how many are correct. */
  marks: { correct: number; total: number };
  misses: GoldMention[];
  falseMarks: Mark[];
}

/** Text compared with single spaces, so that line breaks in the markup do not matter. */
const squash = (text: string) => text.replace(/\s+/gu, ' ');

/** The core entity a name, id or text refers to, by the name keys; null for other entities. */
export function coreEntity(mark: Mark, nameKeys: Record<string, string[]>): string | null {
  for (const candidate of [mark.name, mark.entityId.replace(/-/gu, ' '), mark.text]) {
    const folded = ` ${fold(candidate).replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
    for (const [entity, keys] of Object.entries(nameKeys)) {
      if (keys.some((key) => folded.includes(` ${key.replace(/[^\p{L}\p{N}]+/gu, ' ')} `))) return entity;
    }
  }
  return null;
}

/** Start offsets of each item's text in `text`, searched in order; -1 where not found. */
function placeInOrder(text: string, items: string[]): number[] {
  let cursor = 0;
  return items.map((item) => {
    const at = text.indexOf(item, cursor);
    if (at >= 0) cursor = at + item.length;
    return at;
  });
}

export function scorePage(pageText: string, gold: GoldMention[], marks: Mark[], nameKeys: Record<string, string[]>): PageScore {
  const text = squash(pageText);
  // Gold places: top-level mentions in order, nested ones inside their parent.
  const topLevel = gold.map((g, i) => ({ g, i })).filter(({ g }) => g.parent === undefined);
  const topPlaces = placeInOrder(
    text,
    topLevel.map(({ g }) => squash(g.surface)),
  );
  const goldStart: number[] = new Array(gold.length).fill(-1);
  topLevel.forEach(({ i }, k) => {
    goldStart[i] = topPlaces[k]!;
  });
  gold.forEach((g, i) => {
    if (g.parent !== undefined && goldStart[g.parent]! >= 0) goldStart[i] = goldStart[g.parent]! + (g.offset ?? 0);
  });

  const markPlaces = placeInOrder(
    text,
    marks.map((m) => squash(m.text)),
  );
  const markEntity = marks.map((m) => coreEntity(m, nameKeys));
  const overlaps = (g: number, m: number) => {
    const gs = goldStart[g]!;
    const ms = markPlaces[m]!;
    if (gs < 0 || ms < 0) return false;
    return ms < gs + squash(gold[g]!.surface).length && gs < ms + squash(marks[m]!.text).length;
  };

  const score: PageScore = {
    named: { found: 0, total: 0 },
    role: { found: 0, total: 0 },
    marks: { correct: 0, total: 0 },
    misses: [],
    falseMarks: [],
  };
  gold.forEach((g, gi) => {
    if (g.class === 'optional') return;
    const bucket = score[g.class];
    bucket.total++;
    if (marks.some((_, mi) => markEntity[mi] === g.entity && overlaps(gi, mi))) bucket.found++;
    else score.misses.push(g);
  });
  marks.forEach((mark, mi) => {
    if (markEntity[mi] === null) return;
    score.marks.total++;
    if (gold.some((g, gi) => g.entity === markEntity[mi] && overlaps(gi, mi))) score.marks.correct++;
    else score.falseMarks.push(mark);
  });
  return score;
}
