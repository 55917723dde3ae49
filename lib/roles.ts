/**
 * Role phrases ("Tổng thống Nga", "người đứng đầu Điện Kremlin", composed by
 * lib/role-phrases.ts) resolved to the person meant, or dropped: a wrong name is worse than
 * none. The rules, each with what it refuses, are in docs/matching.md ("Which holder"):
 * - the holder in the article's period (a day, a month, a year), else the one the page named
 *   earlier, else the one it names anywhere;
 * - an office several hold at once ("Thứ trưởng Ngoại giao Nga", "nhà ngoại giao Nga"): the
 *   one named nearby;
 * - a relation before a named person ("người phát ngôn của Tổng thống Putin"): the holder of
 *   that relation to the office the person held;
 * - a counterpart ("người đồng cấp Nga"): that country's holder of the office of the person
 *   named before it;
 * - the elect or future holder ("Tổng thống Mỹ đắc cử"), a former holder ("cựu Tổng thống
 *   Mỹ") named nearby;
 * - not the holder: after "Phó", "các", a count; after "ứng viên", "sẽ làm"; before a
 *   capitalised name, the person meant; before words of another time; in lower case where
 *   the title has a capital ("tổng thống Nga" is the office in general).
 * A short name that is also an ordinary word or name ("Perry", "Block") names the person
 * alone only once the page has named them in full, and not before another capitalised word.
 */
import type { MatcherData, PageMatcherData, RoleTenures } from './artifacts';
import { heldOn } from './dates';
import type { Match } from './matcher';
import { fold } from './normalize';
import { countryOf, splitTitle } from './variants';

/** Folded words that, just before a role phrase, make it not the current holder. */
const NOT_THE_HOLDER = new Set(['pho', 'cuu', 'nguyen', 'cac', 'nhung', 'hai', 'nhieu', 'moi', 'mot', 'gioi', 'ban']);
/** Folded words for "former": "cựu Tổng thống Mỹ" is a former holder, the one the page names nearby. */
const FORMER = new Set(['cuu', 'nguyen']);
/**
 * "Two": before a pair of offices ("hai nhà lãnh đạo Nga và Mỹ") it means one holder each;
 * "các", "những" ("các nhà lãnh đạo của Nga và Hoa Kỳ") may mean whole delegations.
 */
const PLURAL = new Set(['hai']);
/** A second country joined to a role phrase: "... Nga và Mỹ", "... Nga - Mỹ". */
const PAIRED = /^[ \u00a0]*(?:và|va|-|–|—)[ \u00a0]*\p{Lu}/u;
/** Folded words that, just after a role phrase, place it at another time than the article's. */
const ANOTHER_TIME = /^ (khi do|luc do|thoi do|khi ay|luc ay|thoi ay|luc bay gio|nhiem ky truoc|dau tien|thu \d+)(?![\p{L}\p{N}])/u;
/**
 * A capitalised name after a role phrase: then the phrase is that person's title. Maybe
 * after an acronym in brackets ("Tổng thư ký Tổ chức … (NATO) Jens Stoltenberg"), or in
 * apposition after a dash and an honorific ("… (NATO) - ông Jens Stoltenberg").
 */
const NAME_AFTER = /^(?:[ \u00a0]*\([^()]{1,24}\))?(?:[ \u00a0]*[-–—][ \u00a0]*(?:[ôoÔO]ng|[bB][àa])(?=[ \u00a0]))?[ \u00a0]+\p{Lu}/u;
/**
 * "elect" or "future" after a role phrase ("Tổng thống Mỹ đắc cử", "ông chủ Nhà Trắng tương
 * lai"): the next holder, not the one in office.
 */
const ELECT = /^ (?:(?:moi )?dac cu|tuong lai|sap toi|tiep theo|sap nham chuc)(?![\p{L}\p{N}])/u;
/** How long before taking office a person is still called the office's "elect". */
const ELECT_DAYS = 120;
/** Between a relation and the person it relates to: "người phát ngôn của Tổng thống Putin". */
const RELATION_GAP = /^[ \u00a0]+(?:(?:của|cua)[ \u00a0]+)?$/iu;

export interface RoleContext {
  /** The article's date: a day (YYYY-MM-DD), a month (YYYY-MM), a year (YYYY), or null. */
  date: string | null;
  /** Entities named on the page (entity indexes). */
  named: ReadonlySet<number>;
  /** Whether the page named an entity before this offset of the text being read (default: never known). */
  namedBefore?: (entity: number, offset: number) => boolean;
  /** Whether an entity is named near the text being read: in its paragraph or two before or after it (default: in the text). */
  namedNear?: (entity: number) => boolean;
}

export interface Resolved {
  matches: Match[];
  /** Some role name was judged by the names on the page, which may still grow. */
  byNames: boolean;
}

/** The holder of a role on a day; an end date is exclusive. */
export function holderOn(role: RoleTenures, day: string): number | null {
  const holder = role.holders.find(([, from, to]) => heldOn(from, to, day));
  return holder ? holder[0] : null;
}

/**
 * Folded words that, just before a role phrase, make it the office sought, not its holder:
 * "ứng viên Tổng thống Mỹ" (candidate for), "tranh cử", "ghế Tổng thống Mỹ" (the seat),
 * "sẽ làm", "trở thành" (will be, becomes: "Rutte sẽ làm Tổng thư ký NATO").
 * The office as the capacity of someone who holds it ("trên cương vị Tổng thống Mỹ",
 * "nhậm chức Tổng thống Mỹ") still names its holder.
 */
const THE_OFFICE = /(?:^| )(?:chuc vu|tranh cu|ung vien|ung cu vien|ghe|se lam|tro thanh)$/u;

/** The up to three words right before `start`, folded, when only spaces separate them from it. */
function wordsBefore(text: string, start: number): string {
  const run = /(?:[\p{L}\p{M}]+[ \u00a0]+){1,3}$/u.exec(text.slice(Math.max(0, start - 40), start));
  return run ? fold(run[0]).trim().replace(/\s+/gu, ' ') : '';
}

function wordBefore(text: string, start: number): string {
  const words = text.slice(Math.max(0, start - 24), start).match(/[\p{L}\p{M}]+/gu);
  return words ? fold(words[words.length - 1]!) : '';
}

/**
 * Resolves the role matches among `candidates` (all matches in `text`, overlapping ones
 * included): each becomes a match of the holder's entity, or is dropped. Entity matches pass
 * through. Resolve before choosing among overlaps, so that a dropped role name leaves a
 * shorter name inside it standing ("NATO" in "tổng thư ký NATO").
 */
/**
 * `data` needs no aliases: a role phrase's curated text is read through `aliasText` (by
 * default from `data.aliases`; the engine passes its matcher's, expanded on first use).
 */
export function resolveRoles(
  text: string,
  candidates: Match[],
  data: PageMatcherData & Partial<Pick<MatcherData, 'aliases'>>,
  context: RoleContext,
  aliasText: (alias: number) => string = (alias) => data.aliases?.[alias]?.[0] ?? '',
): Resolved {
  const entityCount = data.entities.length;
  const matches: Match[] = [];
  let byNames = false;
  // Most segments hold no role phrase: nothing to resolve.
  if (!candidates.some((m) => m.entity >= entityCount)) return { matches: [...candidates], byNames: false };
  const inText = new Set(candidates.filter((m) => m.entity < entityCount).map((m) => m.entity));
  const namedNear = context.namedNear ?? ((entity: number) => inText.has(entity));
  const namedBefore = context.namedBefore ?? (() => false);
  /**
   * The holder of a role: the one who held it in the article's period (a day, a month, a
   * year); where that is several people (a month in which it changed hands) or the date is
   * unknown, the one of them the page named earlier, else the one it names anywhere. An
   * office with several holders at once names only one named nearby.
   */
  const holderOf = (role: RoleTenures, at: number): number | null => {
    const date = context.date;
    const holders = [...new Set(role.holders.filter(([, from, to]) => !date || heldOn(from, to, date)).map(([entity]) => entity))];
    if (role.several) {
      byNames = true;
      const near = holders.filter(namedNear);
      return near.length === 1 ? near[0]! : null;
    }
    if (date && holders.length <= 1) return holders[0] ?? null;
    byNames = true;
    const before = holders.filter((entity) => namedBefore(entity, at));
    if (before.length > 0) return before.length === 1 ? before[0]! : null;
    const named = holders.filter((entity) => context.named.has(entity));
    return named.length === 1 ? named[0]! : null;
  };
  for (const match of candidates) {
    if (match.entity < entityCount) {
      matches.push(match);
      continue;
    }
    const role = data.roles[match.entity - entityCount];
    const curated = aliasText(match.alias);
    if (!role) continue;
    // Inside a longer role phrase ("lãnh đạo Nga" in "các nhà lãnh đạo Nga"), the longer one decides.
    if (
      candidates.some(
        (c) => c.entity >= entityCount && c.start <= match.start && c.end >= match.end && c.end - c.start > match.end - match.start,
      )
    )
      continue;
    if (/^\p{Lu}/u.test(curated) && !/^\p{Lu}/u.test(text.slice(match.start, match.start + 1))) continue;
    const before = wordBefore(text, match.start);
    // A count before it: several people ("8 nhà ngoại giao Nga"); not a date ("7/11") or a year.
    if (/(?:^|[\s(])\d{1,3}[ \u00a0]+$/u.test(text.slice(Math.max(0, match.start - 8), match.start))) continue;
    if (FORMER.has(before) && !role.relation && !role.counterpartIn && role.nameOf === undefined && !role.elect) {
      const former = formerOf(role, context.date, namedNear);
      // No `role`: the card must not say they held it then.
      if (former !== null) matches.push({ ...match, entity: former });
      continue;
    }
    if (NOT_THE_HOLDER.has(before) && !(PLURAL.has(before) && PAIRED.test(text.slice(match.end, match.end + 12).normalize('NFC'))))
      continue;
    if (THE_OFFICE.test(wordsBefore(text, match.start))) continue;
    if (role.relation) {
      // A relation names its holder through the person named right after it.
      const meant = relationRole(role.relation, match, text, candidates, data, context.date);
      const holder = meant === null ? null : holderOf(data.roles[meant]!, match.start);
      if (holder !== null) matches.push({ ...match, entity: holder, role: meant! });
      continue;
    }
    if (NAME_AFTER.test(text.slice(match.end, match.end + 40).normalize('NFC'))) continue;
    const after = ` ${fold(text.slice(match.end, match.end + 24))}`;
    if (ANOTHER_TIME.test(after)) continue;
    if (role.elect || ELECT.test(after)) {
      const next = role.counterpartIn || role.nameOf !== undefined ? null : electOf(role, context.date);
      // No `role`: the card must not say they held it then.
      if (next !== null) matches.push({ ...match, entity: next });
      continue;
    }
    if (role.nameOf !== undefined) {
      // A short name alone: the person, once the page has named them in full.
      byNames = true;
      if (context.named.has(role.nameOf)) matches.push({ ...match, entity: role.nameOf });
      continue;
    }
    const meant = role.counterpartIn ? counterpartRole(role.counterpartIn, match, matches, data, context.date) : role;
    const holder = meant ? holderOf(meant, match.start) : null;
    if (holder !== null) matches.push({ ...match, entity: holder, role: data.roles.indexOf(meant!) });
  }
  return { matches, byNames };
}

/**
 * A former holder ("cựu Tổng thống Mỹ"): the one whose tenure ended by the article's date and
 * who does not hold the role then, named nearby; null when none or several, or undated.
 */
function formerOf(role: RoleTenures, date: string | null, namedNear: (entity: number) => boolean): number | null {
  if (date === null || role.several) return null;
  const current = new Set(role.holders.filter(([, from, to]) => heldOn(from, to, date)).map(([e]) => e));
  const former = [...new Set(role.holders.filter(([, from, to]) => to != null && to <= date && from < date).map(([e]) => e))].filter(
    (e) => !current.has(e) && namedNear(e),
  );
  return former.length === 1 ? former[0]! : null;
}

/** Who takes the role next within `ELECT_DAYS` of a day: the "elect" on that day; null otherwise. */
function electOf(role: RoleTenures, date: string | null): number | null {
  // A day, or a month from its first day; a year says too little.
  if (date === null || date.length < 7) return null;
  const day = `${date}-01`.slice(0, 10);
  const limit = new Date(Date.parse(day) + ELECT_DAYS * 86_400_000).toISOString().slice(0, 10);
  const next = role.holders.filter(([, from]) => from > day && from <= limit).sort((a, b) => a[1].localeCompare(b[1]))[0];
  return next ? next[0] : null;
}

/**
 * The role a relation means ("người phát ngôn" → the Kremlin's spokesperson) for the person
 * named right after it ("của Tổng thống Putin"): the role paired with an office they held on
 * the article's date, or at all when it is unknown. Null when no person follows.
 */
function relationRole(
  pairs: ReadonlyArray<[number, number]>,
  match: Match,
  text: string,
  candidates: readonly Match[],
  data: PageMatcherData,
  date: string | null,
): number | null {
  let person: Match | null = null;
  for (const m of candidates) {
    if (m.start < match.end || data.entities[m.entity]?.kind !== 'person') continue;
    if (!RELATION_GAP.test(text.slice(match.end, m.start).normalize('NFC'))) continue;
    if (!person || m.end > person.end) person = m;
  }
  if (!person) return null;
  const entity = person.entity;
  const meant = pairs.filter(([principal]) =>
    data.roles[principal]!.holders.some(([e, from, to]) => e === entity && (!date || heldOn(from, to, date))),
  );
  return meant.length === 1 ? meant[0]![1] : null;
}

/**
 * The role a counterpart phrase stands for: the office held by the person named last before
 * it, in the counterpart's country ("Tổng thống Mỹ" + "Nga" → "Tổng thống Nga").
 */
function counterpartRole(
  country: string,
  match: Match,
  before: readonly Match[],
  data: PageMatcherData,
  date: string | null,
): RoleTenures | null {
  let previous: Match | null = null;
  for (const m of before) {
    if (m.end <= match.start && data.entities[m.entity]?.kind === 'person' && (!previous || m.end > previous.end)) previous = m;
  }
  if (!previous) return null;
  const person = previous.entity;
  const held = data.roles.filter(
    (r) => !r.counterpartIn && r.holders.some(([e, from, to]) => e === person && (!date || heldOn(from, to, date))),
  );
  for (const role of held) {
    if (countryOf(role.title) === country) continue;
    const office = fold(splitTitle(role.title).office);
    const target = data.roles.find(
      (r) => !r.counterpartIn && countryOf(r.title) === country && fold(splitTitle(r.title).office) === office,
    );
    if (target) return target;
  }
  return null;
}
