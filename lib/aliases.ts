/**
 * Expands an entity's curated name forms into the aliases the matcher looks for: each
 * alias on its own, its spelling variants (see variants.ts), and every prefix (title or
 * honorific) before every name. "Tổng thống Nga" + "Vladimir Putin" gives "Tổng thống Nga
 * Vladimir Putin", so the longest-match rule makes the title part of the mention.
 */
import type { EntityKind } from './dataset-schema';
import { fold } from './normalize';
import { initialVariants, russianNameVariants, titleVariants, treatyVariants, typoVariants } from './variants';

export interface NameForms {
  kind: EntityKind;
  aliases: readonly string[];
  shortNames: readonly string[];
  prefixes: readonly string[];
  /** Titles of the roles the entity held: each is a prefix, with its variants and its office alone. */
  titles?: readonly string[];
  /** The language the names are romanised from, when their spelling varies by rule. */
  romanisedFrom?: 'ru';
}

export interface ExpandedAlias {
  text: string;
  /** Made by a rule rather than written in the dataset: it gives way to any curated alias. */
  generated: boolean;
}

export function expandAliases(forms: NameForms): ExpandedAlias[] {
  const seen = new Set<string>();
  const out: ExpandedAlias[] = [];
  const add = (text: string, generated: boolean) => {
    const key = fold(text);
    if (!seen.has(key)) {
      seen.add(key);
      out.push({ text, generated });
    }
  };
  const withPrefix = (prefix: string, name: string) =>
    // "Hiệp ước" before "Hiệp ước Bầu trời mở" adds nothing.
    fold(name).startsWith(`${fold(prefix)} `) ? null : `${prefix} ${name}`;

  // What the dataset writes, first: curated forms win over generated ones.
  for (const alias of forms.aliases) add(alias, false);
  for (const prefix of forms.prefixes) {
    for (const name of [...forms.aliases, ...forms.shortNames]) {
      const text = withPrefix(prefix, name);
      if (text) add(text, false);
    }
  }

  // Then the variants.
  const isPerson = forms.kind === 'person';
  const spell = (name: string) => (isPerson && forms.romanisedFrom === 'ru' ? russianNameVariants(name) : [name]);
  const names = new Set(forms.aliases.flatMap(spell));
  if (isPerson) for (const name of [...names]) for (const v of initialVariants(name)) names.add(v);
  const shortNames = new Set(forms.shortNames.flatMap(spell));
  if (!isPerson) {
    const treaty = treatyVariants(forms.aliases);
    for (const v of treaty.names) names.add(v);
    for (const v of treaty.shortNames) shortNames.add(v);
  }
  const titles = new Set((forms.titles ?? []).flatMap((t) => titleVariants(t, true)));
  const prefixes = new Set([...forms.prefixes.flatMap((p) => titleVariants(p)), ...titles]);

  for (const name of names) add(name, true);
  for (const prefix of prefixes) {
    for (const name of [...names, ...shortNames]) {
      const text = withPrefix(prefix, name);
      if (text) add(text, true);
    }
  }
  // A slip of the pen in a long surname, when a title vouches for the person.
  if (isPerson) {
    const surnames = new Set([...names, ...shortNames].map((n) => n.split(' ').pop()!));
    for (const surname of surnames) {
      for (const typo of typoVariants(surname)) for (const title of titles) add(`${title} ${typo}`, true);
    }
  }
  return out;
}

/**
 * Single syllables too common in Vietnamese to stand as an alias: pronouns and honorifics,
 * country names that are also words, and syllables of everyday vocabulary.
 */
const COMMON_SYLLABLES = new Set(
  'ong ba anh chi em co chu bac cu ngai nga my trung quoc viet nam duc phap nhat han an do hoa binh mo troi bau hiep uoc luc luong tong thong the gioi nha trang dien ban tin moi cu ky'.split(
    ' ',
  ),
);

/** Why a name form cannot be an alias on its own, or null when it can. */
export function aliasProblem(alias: string): string | null {
  const key = fold(alias);
  const isAcronym = /^\p{Lu}{2,}$/u.test(alias.trim());
  if (key.replace(/[^\p{L}\p{N}]/gu, '').length < (isAcronym ? 2 : 3)) {
    return `alias "${alias}" is too short to name anything reliably`;
  }
  if (!key.includes(' ') && COMMON_SYLLABLES.has(key)) {
    return `alias "${alias}" is a common Vietnamese word; use it as a short name after a prefix`;
  }
  return null;
}
