/**
 * The names the report looks for in articles: the compiled matcher's table when the dataset
 * builds, or, while it does not, the entities' names expanded by the same rules.
 */
import { expandAliases } from '../aliases';
import type { MatcherData } from '../artifacts';
import { ENTITY_KINDS, type EntityKind } from '../dataset-schema';
import type { KnownName } from './coverage';
import type { LooseEntity } from './loose-dataset';

export function namesFromMatcher(data: MatcherData): KnownName[] {
  return data.aliases.map(([text, index]) => ({ text, entityId: data.entities[index]?.id ?? null }));
}

const isKind = (kind: string): kind is EntityKind => (ENTITY_KINDS as readonly string[]).includes(kind);

export function namesFromEntities(entities: readonly LooseEntity[], roleNames: readonly string[]): KnownName[] {
  const names: KnownName[] = [];
  for (const e of entities) {
    const expanded = expandAliases({
      kind: isKind(e.kind) ? e.kind : 'organization',
      aliases: e.aliases,
      shortNames: e.shortNames,
      prefixes: e.prefixes,
      titles: [...new Set(e.roles.map((r) => r.title))],
      ...(e.romanisedFrom ? { romanisedFrom: e.romanisedFrom } : {}),
    });
    for (const a of expanded) names.push({ text: a.text, entityId: e.id });
    // A short name alone names the person only after the full name: known words, not a mention.
    for (const s of e.shortNames) names.push({ text: s, entityId: null });
  }
  for (const r of roleNames) names.push({ text: r, entityId: null });
  return names;
}
