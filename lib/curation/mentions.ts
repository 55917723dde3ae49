/**
 * What the compiled matcher finds in an article's passages, read in order as the engine reads
 * a page (content/engine/page-reader.ts): every alias, role names resolved by the article's
 * date, and short names once the article has named their person in full. Nested names count
 * (NATO in "Tổng thư ký NATO Jens Stoltenberg"), as the build counts them for facts.
 */
import type { MatcherData } from '../artifacts';
import { heldOn } from '../dates';
import { Matcher } from '../matcher';
import { resolveRoles } from '../roles';
import type { ArticlePassage } from './article-passages';

export interface Span {
  start: number;
  end: number;
}

/** One passage that names an entity. */
export interface EntityPassage {
  passage: string;
  /** Set when only a role phrase or short name names it there: the words, for the fact's `mentionedAs`. */
  mentionedAs?: string;
}

export interface KnownEntity {
  index: number;
  id: string;
  name: string;
  kind: string;
  passages: EntityPassage[];
}

/** A role phrase and the holder it meant on the article's date. */
export interface RoleMention {
  passage: string;
  text: string;
  role: string;
  entityId: string;
  entityName: string;
  /** The tenure that covers the date: [from, to or null]. */
  tenure: [string, string | null];
}

export interface ArticleMentions {
  entities: KnownEntity[];
  roles: RoleMention[];
  /** Per passage id, every span any alias or role name covers: the known text, for the candidate finder. */
  known: Map<string, Span[]>;
}

export function matcherOf(data: MatcherData): Matcher {
  return new Matcher(data.aliases.map(([text, entity]) => ({ text, entity })));
}

export function findMentions(
  passages: readonly Pick<ArticlePassage, 'id' | 'text'>[],
  data: MatcherData,
  date: string | null,
  matcher = matcherOf(data),
): ArticleMentions {
  const count = data.entities.length;
  const named = new Set<number>();
  const byEntity = new Map<number, EntityPassage[]>();
  const roles: RoleMention[] = [];
  const known = new Map<string, Span[]>();
  for (const passage of passages) {
    const candidates = matcher.findAll(passage.text);
    known.set(
      passage.id,
      candidates.map((m) => ({ start: m.start, end: m.end })),
    );
    for (const m of candidates) if (m.entity < count) named.add(m.entity);
    const { matches } = resolveRoles(passage.text, candidates, data, { date, named });
    const direct = new Set(candidates.filter((m) => m.entity < count).map((m) => m.entity));
    const seen = new Set<number>();
    for (const m of matches) {
      const text = passage.text.slice(m.start, m.end);
      if (m.role !== undefined && date) {
        const role = data.roles[m.role]!;
        const tenure = role.holders.find(([e, from, to]) => e === m.entity && heldOn(from, to, date));
        const entity = data.entities[m.entity]!;
        if (tenure)
          roles.push({
            passage: passage.id,
            text,
            role: role.title,
            entityId: entity.id,
            entityName: entity.name,
            tenure: [tenure[1], tenure[2]],
          });
      }
      if (seen.has(m.entity)) continue;
      seen.add(m.entity);
      const list = byEntity.get(m.entity) ?? [];
      list.push(direct.has(m.entity) ? { passage: passage.id } : { passage: passage.id, mentionedAs: text });
      byEntity.set(m.entity, list);
    }
  }
  const entities = [...byEntity]
    .sort((a, b) => a[0] - b[0])
    .map(([index, list]): KnownEntity => {
      const e = data.entities[index]!;
      return { index, id: e.id, name: e.name, kind: e.kind, passages: list };
    });
  return { entities, roles, known };
}
