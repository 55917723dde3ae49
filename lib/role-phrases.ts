/**
 * Role phrases by grammar: the ways Vietnamese news refers to whoever holds an office without
 * naming them, composed from the offices of the dataset's roles, their synonyms, the places
 * they serve and the patterns that join them. The dataset lists offices once ("Tổng thống
 * Nga"); this module writes what a reader meets:
 * - office + place, with or without "của": "Tổng thống Nga", "Tổng thống của nước Nga",
 *   "Bộ trưởng Bộ Ngoại giao Liên bang Nga", "nhà ngoại giao hàng đầu Nga";
 * - head + what it heads: a country (its head of state: "nhà lãnh đạo Nga", "người đứng đầu
 *   nước Mỹ"), an office's seat ("ông chủ Nhà Trắng", "người đứng đầu Điện Kremlin",
 *   "người đứng đầu ngành ngoại giao Nga") or an organisation ("người đứng đầu NATO");
 * - relation + principal: "người phát ngôn Điện Kremlin", "phát ngôn viên của Tổng thống
 *   Nga". Before a named person ("người phát ngôn của Tổng thống Putin") the relation alone
 *   is matched, and resolved on the page by the office that person holds (lib/roles.ts).
 * - the elect: "Tổng thống đắc cử Mỹ"; members of a kind of office: "nhà ngoại giao Nga".
 * Countries are written in full, short and descriptive forms: "Liên bang Nga", "Nga",
 * "nước Nga", "xứ bạch dương" ("phía Nga" after "người đồng cấp" only).
 * A phrase that begins with a formal title ("Tổng thống") keeps its capital, and the page
 * must write it so ("tổng thống Nga" is the office in general); descriptive phrases
 * ("người đứng đầu") are written in any case.
 */
import { fold } from './normalize';
import { countryNames, countryOfPlace, COUNTRIES, OFFICE_SYNONYMS, splitTitle } from './variants';

/** Descriptive names of countries, used by Vietnamese outlets in running text. */
const COUNTRY_NICKNAMES: Readonly<Record<string, readonly string[]>> = {
  Nga: ['xứ bạch dương', 'xứ sở bạch dương'],
  Mỹ: ['xứ cờ hoa', 'xứ sở cờ hoa'],
};

/** Offices' descriptive synonyms, beside the formal ones of variants.ts. */
const DESCRIPTIVE_OFFICES: ReadonlyArray<readonly string[]> = [
  ['Ngoại trưởng', 'nhà ngoại giao hàng đầu', 'trưởng ngành ngoại giao'],
  ['Tổng thống', 'nguyên thủ'],
];

/** The office that heads a country (its head of state), for "nhà lãnh đạo Nga". */
const HEAD_OF_STATE = 'Tổng thống';
/** The office that heads an organisation, for "người đứng đầu NATO". */
const HEAD_OF_ORGANISATION = 'Tổng thư ký';

/** Words for whoever heads a country, a seat of office, an organisation. */
const COUNTRY_HEADS = ['nhà lãnh đạo', 'người lãnh đạo', 'lãnh đạo', 'người đứng đầu'];
const PRESIDENCY_HEADS = ['người đứng đầu', 'ông chủ', 'chủ nhân', 'nhà lãnh đạo', 'người lãnh đạo'];
const MINISTRY_HEADS = ['người đứng đầu'];
const ORGANISATION_HEADS = ['người đứng đầu'];

/** Organisations as outlets write them (capitals are folded; "Nato" is the matcher's concern). */
const ORGANISATIONS: ReadonlyArray<readonly string[]> = [
  ['NATO', 'khối NATO', 'liên minh NATO', 'Tổ chức Hiệp ước Bắc Đại Tây Dương'],
  ['Liên hợp quốc', 'LHQ'],
];

/**
 * Seats that stand for an office: "Điện Kremlin" is the Russian presidency. `{country}`
 * stands for each name of the office's country.
 */
const SEATS: ReadonlyArray<{ office: string; names: readonly string[]; heads: readonly string[] }> = [
  { office: 'Tổng thống Nga', names: ['Điện Kremlin', 'Kremlin'], heads: PRESIDENCY_HEADS },
  { office: 'Tổng thống Mỹ', names: ['Nhà Trắng'], heads: PRESIDENCY_HEADS },
  { office: 'Ngoại trưởng {country}', names: ['Bộ Ngoại giao {country}', 'ngành ngoại giao {country}'], heads: MINISTRY_HEADS },
  { office: 'Bộ trưởng Quốc phòng Mỹ', names: ['Lầu Năm Góc'], heads: MINISTRY_HEADS },
  { office: 'Bộ trưởng Quốc phòng {country}', names: ['Bộ Quốc phòng {country}'], heads: MINISTRY_HEADS },
];

/** Relations to a principal, each with the ways it is written. */
const RELATIONS: ReadonlyArray<readonly string[]> = [['người phát ngôn', 'phát ngôn viên', 'thư ký báo chí'], ['trợ lý'], ['cố vấn']];

/**
 * Words for anyone holding one of a country's offices of a kind: "nhà ngoại giao Nga" (the
 * Russian diplomat) is whichever Russian foreign minister, deputy or ambassador the page
 * names nearby. Such a phrase has several holders at once.
 */
const MEMBERS: ReadonlyArray<{ words: readonly string[]; offices: readonly string[] }> = [
  { words: ['nhà ngoại giao'], offices: ['Ngoại trưởng', 'Thứ trưởng Ngoại giao', 'Đại sứ'] },
];

/** Offices of which a country has several at once: a phrase alone does not say which one. */
const SEVERAL = /^(?:Thứ trưởng|Phó)(?= )/u;

const same = (a: string, b: string) => fold(a) === fold(b);
const synonymsOf = (groups: ReadonlyArray<readonly string[]>, word: string) => groups.find((g) => g.some((w) => same(w, word))) ?? [word];

/** A role title read by the grammar: an office of a place, or a relation to another office. */
export type ParsedTitle =
  | { kind: 'office'; office: string; place: string | null; country: string | null }
  | { kind: 'relation'; relation: string; principal: string };

/** The seats of an office, their `{country}` filled in: "Ngoại trưởng Nga" → "Bộ Ngoại giao Nga", "ngành ngoại giao Liên bang Nga"… */
function seatsOf(title: string): Array<{ name: string; heads: readonly string[] }> {
  const key = roleKey(title);
  const out: Array<{ name: string; heads: readonly string[] }> = [];
  for (const seat of SEATS) {
    const countries = seat.office.includes('{country}') ? COUNTRIES : [null];
    for (const country of countries) {
      if (roleKey(country ? seat.office.replace('{country}', country) : seat.office) !== key) continue;
      for (const name of seat.names) {
        if (country) for (const c of countryNames(country)) out.push({ name: name.replace('{country}', c), heads: seat.heads });
        else out.push({ name, heads: seat.heads });
      }
    }
  }
  return out;
}

/** Reads a role title: "người phát ngôn Điện Kremlin" is the Kremlin's spokesperson, i.e. the Russian president's. */
export function parseTitle(title: string): ParsedTitle {
  for (const group of RELATIONS) {
    for (const word of group) {
      if (!fold(title).startsWith(`${fold(word)} `)) continue;
      let rest = title.slice(word.length + 1);
      if (fold(rest).startsWith('cua ')) rest = rest.slice(4);
      const seat = SEATS.find((s) => s.names.some((n) => !n.includes('{country}') && same(n, rest)));
      if (seat && !seat.office.includes('{country}')) return { kind: 'relation', relation: group[0]!, principal: seat.office };
      const { office, place } = splitTitle(rest);
      if (place) return { kind: 'relation', relation: group[0]!, principal: `${office} ${countryOfPlace(place) ?? place}` };
    }
  }
  const { office, place } = splitTitle(title);
  return { kind: 'office', office, place, country: place === null ? null : countryOfPlace(place) };
}

/** One key per office and place, whatever synonyms a title uses: "Bộ trưởng Ngoại giao Liên bang Nga" = "Ngoại trưởng Nga". */
export function roleKey(title: string): string {
  const parsed = parseTitle(title);
  if (parsed.kind === 'relation') return `${fold(parsed.relation)} > ${roleKey(parsed.principal)}`;
  const office = fold(synonymsOf(OFFICE_SYNONYMS, parsed.office)[0]!);
  return `${office} @ ${fold(parsed.country ?? parsed.place ?? '')}`;
}

/** Whether a role's office is one of several held at once ("Thứ trưởng Ngoại giao"). */
export function isOneOfSeveral(title: string): boolean {
  const parsed = parseTitle(title);
  return parsed.kind === 'office' && SEVERAL.test(parsed.office);
}

/**
 * The names of a place in role phrases: a country's formal, short and descriptive names
 * ("Liên bang Nga", "Nga", "nước Nga", "xứ bạch dương"); an organisation's names. With
 * `sides`, "phía Nga" too, which outlets write after "người đồng cấp" only.
 */
export function placeForms(place: string, sides = false): string[] {
  const organisation = ORGANISATIONS.find((g) => g.some((o) => same(o, place)));
  if (organisation) return [...organisation];
  const names = [...countryNames(place)];
  const short = names[0]!;
  return [...names, `nước ${short}`, ...(sides ? [`phía ${short}`] : []), ...(COUNTRY_NICKNAMES[short] ?? [])];
}

/** The office's formal and descriptive synonyms. */
function officeForms(office: string): string[] {
  return [...new Set([...synonymsOf(OFFICE_SYNONYMS, office), ...synonymsOf(DESCRIPTIVE_OFFICES, office)])].filter(
    // "người phát ngôn của" is a relation's own form, written below.
    (o) => !fold(o).endsWith(' cua'),
  );
}

/** "X Y", and "X của Y" where outlets write it (not before a side or a nickname: "xứ bạch dương"). */
const joined = (head: string, body: string) =>
  /^(?:phía|xứ) /u.test(body) ? [`${head} ${body}`] : [`${head} ${body}`, `${head} của ${body}`];

/** Phrases for an office of a place: office + place, and head + what the office heads. */
function officePhrases(title: string): string[] {
  const parsed = parseTitle(title);
  if (parsed.kind !== 'office' || parsed.place === null) return [];
  const out: string[] = [];
  const places = placeForms(parsed.place);
  for (const office of officeForms(parsed.office)) for (const place of places) out.push(...joined(office, place));
  const isOrganisation = parsed.country === null;
  if (!isOrganisation && same(parsed.office, HEAD_OF_STATE)) {
    for (const head of COUNTRY_HEADS) for (const place of places) out.push(...joined(head, place));
  }
  if (isOrganisation && same(parsed.office, HEAD_OF_ORGANISATION)) {
    for (const head of ORGANISATION_HEADS) for (const place of places) out.push(...joined(head, place));
  }
  for (const seat of seatsOf(title)) for (const head of seat.heads) out.push(...joined(head, seat.name));
  return out;
}

/** The formal ways to write an office of a place, for a principal after a relation: "Tổng thống Liên bang Nga". */
function formalTitles(title: string): string[] {
  const parsed = parseTitle(title);
  if (parsed.kind !== 'office' || parsed.place === null) return [title];
  const out: string[] = [];
  for (const office of synonymsOf(OFFICE_SYNONYMS, parsed.office)) {
    if (fold(office).endsWith(' cua')) continue;
    for (const place of parsed.country ? countryNames(parsed.country) : [parsed.place]) out.push(`${office} ${place}`);
  }
  return out;
}

/** Every phrase that names the holder of a role without naming them. */
export function rolePhrases(title: string): string[] {
  const parsed = parseTitle(title);
  const out = new Set<string>([title]);
  if (parsed.kind === 'office') for (const p of officePhrases(title)) out.add(p);
  else {
    const relations = synonymsOf(RELATIONS, parsed.relation);
    const principals = [...seatsOf(parsed.principal).map((s) => s.name), ...formalTitles(parsed.principal)];
    for (const relation of relations) for (const principal of principals) for (const p of joined(relation, principal)) out.add(p);
  }
  return [...out];
}

/**
 * The phrases for whoever will hold an office next, with "đắc cử" (elect) inside: "Tổng
 * thống đắc cử Mỹ". ("Tổng thống Mỹ đắc cử", after the place, is read by lib/roles.ts.)
 */
export function electPhrases(title: string): string[] {
  const parsed = parseTitle(title);
  if (parsed.kind !== 'office' || parsed.country === null) return [];
  const out: string[] = [];
  for (const office of synonymsOf(OFFICE_SYNONYMS, parsed.office)) {
    if (fold(office).endsWith(' cua')) continue;
    for (const place of countryNames(parsed.country)) out.push(`${office} đắc cử ${place}`);
  }
  return out;
}

/**
 * The member phrases a role belongs to: "Thứ trưởng Ngoại giao Nga" → "nhà ngoại giao Nga",
 * with the phrases that write it ("nhà ngoại giao của Liên bang Nga"…).
 */
export function memberPhrases(title: string): Array<{ key: string; phrases: string[] }> {
  const parsed = parseTitle(title);
  if (parsed.kind !== 'office' || parsed.country === null) return [];
  const office = fold(synonymsOf(OFFICE_SYNONYMS, parsed.office)[0]!);
  const country = parsed.country;
  return MEMBERS.filter((m) => m.offices.some((o) => fold(o) === office)).map((m) => ({
    key: `${fold(m.words[0]!)} @ ${fold(country)}`,
    phrases: m.words.flatMap((w) => countryNames(country).flatMap((c) => joined(w, c))),
  }));
}

/** The ways a relation is written alone, before the person it relates to ("người phát ngôn" + "của Tổng thống Putin"). */
export function relationWords(relation: string): readonly string[] {
  return synonymsOf(RELATIONS, relation);
}
