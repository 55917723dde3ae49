/**
 * Expands an entity's curated name forms into the aliases the matcher looks for: each
 * alias on its own, and every prefix (title or honorific) before every alias and short
 * name. "Tổng thống Nga" + "Vladimir Putin" gives "Tổng thống Nga Vladimir Putin", so the
 * longest-match rule makes the title part of the mention.
 */
import { fold } from './normalize';

export interface NameForms {
  aliases: readonly string[];
  shortNames: readonly string[];
  prefixes: readonly string[];
}

export function expandAliases(forms: NameForms): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  const add = (alias: string) => {
    const key = fold(alias);
    if (!seen.has(key)) {
      seen.add(key);
      out.push(alias);
    }
  };
  forms.aliases.forEach(add);
  for (const prefix of forms.prefixes) {
    const prefixKey = fold(prefix) + ' ';
    for (const name of [...forms.aliases, ...forms.shortNames]) {
      // "Hiệp ước" before "Hiệp ước Bầu trời mở" adds nothing.
      if (!fold(name).startsWith(prefixKey)) add(`${prefix} ${name}`);
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
