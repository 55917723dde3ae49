/**
 * A naive matcher for the unit tests, written from the matching rules (docs/matching.md, the
 * comments of lib/matcher.ts and lib/normalize.ts) and sharing no code with lib/: it folds
 * the text its own way, looks for every alias at every place it occurs, and judges each
 * occurrence with its own boundary, capitals, number and mark rules.
 *
 * Outside its contract: a syllable written with two different tone marks (not Vietnamese;
 * the reference refuses to guess and throws), and characters beyond the Latin script and
 * punctuation, whose folding the rules leave open.
 */

/** The alias list is the one thing the reference and the matcher share. */
export interface ReferenceAlias {
  text: string;
  entity: number;
}

/** An occurrence, offsets into the original text (end exclusive). */
export interface ReferenceMatch {
  start: number;
  end: number;
  entity: number;
  alias: number;
}

/** One character of the folded text and the span of the original it stands for. */
interface Unit {
  ch: string;
  start: number;
  end: number;
}

const MARK = /^\p{M}$/u;
const INVISIBLE = /^[\u00ad\u200b-\u200d\u2060\ufeff]$/u;
const INVISIBLES = /[\u00ad\u200b-\u200d\u2060\ufeff]/gu;
const SPACE = /^\s$/u;
const DASH = /^[\u002d\u2010-\u2015\u2212]$/u;
const WORD = /^[\p{L}\p{N}]$/u;
/** Grave, acute, tilde, hook above, dot below. */
const TONES = new Set(['\u0300', '\u0301', '\u0303', '\u0309', '\u0323']);

/**
 * The folded text, one unit per character: lower case, no diacritics, đ → d, every space a
 * single ' ' and never next to a dash or at either end, invisible characters gone. A mark
 * written apart (NFD) belongs to the character kept before it, so spans take it along.
 */
export function foldUnits(text: string): Unit[] {
  const units: Unit[] = [];
  // One UTF-16 unit at a time: a lone half of an astral character is no letter, a separator.
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const previous = units[units.length - 1];
    if (MARK.test(ch)) {
      if (previous) previous.end = i + 1;
      continue;
    }
    if (INVISIBLE.test(ch)) continue;
    if (SPACE.test(ch)) {
      if (previous && previous.ch !== ' ' && previous.ch !== '-') units.push({ ch: ' ', start: i, end: i + 1 });
      continue;
    }
    if (DASH.test(ch)) {
      if (previous?.ch === ' ') units.pop();
      units.push({ ch: '-', start: i, end: i + 1 });
      continue;
    }
    const base = ch === 'đ' || ch === 'Đ' ? 'd' : ch.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    if (base !== '') units.push({ ch: base[0]!, start: i, end: i + 1 });
  }
  if (units[units.length - 1]?.ch === ' ') units.pop();
  return units;
}

export function referenceFold(text: string): string {
  return foldUnits(text)
    .map((u) => u.ch)
    .join('');
}

function isWord(ch: string | undefined): boolean {
  return ch !== undefined && WORD.test(ch);
}

/** The syllables of a text: runs of letters, digits and marks, invisible characters ignored. */
export function referenceSyllables(text: string): string[] {
  return (
    text
      .replace(INVISIBLES, '')
      .normalize('NFC')
      .match(/[\p{L}\p{N}\p{M}]+/gu) ?? []
  );
}

/** The distinct tone marks written on a syllable. */
export function tonesOf(syllable: string): Set<string> {
  return new Set([...syllable.normalize('NFD')].filter((c) => TONES.has(c)));
}

/** A syllable's letters with their vowel marks, in lower case, without its tone. */
function lettersOf(syllable: string): string {
  return [...syllable.normalize('NFD').toLowerCase()].filter((c) => !TONES.has(c)).join('');
}

/** Typed without diacritics: no mark of any kind, no đ. */
function isBare(syllable: string): boolean {
  const d = syllable.normalize('NFD').toLowerCase();
  return ![...d].some((c) => MARK.test(c)) && !d.includes('đ');
}

/** Missing marks are forgiven (all of them, or the tone alone); different ones are not. */
function syllableAgrees(written: string, alias: string): boolean {
  if (isBare(written)) return true;
  if (lettersOf(written) !== lettersOf(alias)) return false;
  const w = tonesOf(written);
  if (w.size === 0) return true;
  const a = tonesOf(alias);
  if (w.size > 1 || a.size > 1) throw new Error(`two tones on one syllable, outside the reference's rules: "${written}" for "${alias}"`);
  return a.has([...w][0]!);
}

/** Two or more letters, every one a capital. */
function isAcronym(syllable: string): boolean {
  const chars = [...syllable.normalize('NFC')];
  return chars.length >= 2 && chars.every((c) => /^\p{Lu}$/u.test(c));
}

/** Acronyms that spell ordinary words, as the matcher lists them. */
const WORD_LIKE = ['start', 'salt', 'stop', 'care', 'nest', 'star', 'seal', 'base', 'core', 'fast', 'save', 'safe'];

/** An acronym in title case: "Nato" alone; "Inf", "Start" only with other words of the name around. */
function titleCaseAgrees(written: string, acronym: string, withOtherWords: boolean): boolean {
  const [first = '', ...rest] = [...acronym];
  if (written !== first + rest.join('').toLowerCase()) return false;
  return withOtherWords || ([...acronym].length > 3 && !WORD_LIKE.includes(acronym.toLowerCase()));
}

/** A Roman numeral or a one- or two-digit number after spaces or a hyphen: "START I", "SALT-2". */
function numberFollows(text: string, at: number): boolean {
  const rest = text.slice(at);
  const gap = /^[ \u00a0]*-?[ \u00a0]*/u.exec(rest)![0];
  if (gap === '') return false;
  const tail = rest.slice(gap.length);
  const roman = /^[IVX]+/u.exec(tail)?.[0] ?? '';
  const digits = /^[0-9]+/u.exec(tail)?.[0] ?? '';
  const number = roman || digits;
  if (number === '' || digits.length > 2) return false;
  return !isWord(tail.slice(number.length)[0]);
}

export class ReferenceMatcher {
  private readonly folded: string[];

  constructor(readonly aliases: readonly ReferenceAlias[]) {
    this.folded = aliases.map((a) => referenceFold(a.text));
  }

  /** Every accepted occurrence, overlapping ones included, by end, then start, then alias. */
  findAll(text: string): ReferenceMatch[] {
    const units = foldUnits(text);
    const hay = units.map((u) => u.ch).join('');
    const found: ReferenceMatch[] = [];
    this.aliases.forEach((alias, index) => {
      const needle = this.folded[index]!;
      if (needle === '') return;
      for (let s = hay.indexOf(needle); s >= 0; s = hay.indexOf(needle, s + 1)) {
        const e = s + needle.length;
        // Never part of a longer word, on either side.
        if (isWord(hay[s - 1]) && isWord(hay[s])) continue;
        if (isWord(hay[e - 1]) && isWord(hay[e])) continue;
        const start = units[s]!.start;
        const end = units[e - 1]!.end;
        if (this.accepts(text, start, end, alias.text)) found.push({ start, end, entity: alias.entity, alias: index });
      }
    });
    return found.sort((a, b) => a.end - b.end || a.start - b.start || a.alias - b.alias);
  }

  /** The mentions: from the left, the longest occurrence that starts first (then the first alias), and so on past it. */
  find(text: string): ReferenceMatch[] {
    const all = this.findAll(text);
    const kept: ReferenceMatch[] = [];
    let reach = 0;
    for (;;) {
      let best: ReferenceMatch | undefined;
      for (const m of all) {
        if (m.start < reach) continue;
        if (!best || m.start < best.start || (m.start === best.start && (m.end > best.end || (m.end === best.end && m.alias < best.alias))))
          best = m;
      }
      if (!best) return kept;
      kept.push(best);
      reach = best.end;
    }
  }

  private accepts(text: string, start: number, end: number, alias: string): boolean {
    const written = referenceSyllables(text.slice(start, end));
    const wanted = referenceSyllables(alias);
    if (written.length !== wanted.length) return false;
    for (let k = 0; k < wanted.length; k++) {
      const w = written[k]!;
      if (isAcronym(wanted[k]!) && w !== w.toUpperCase() && !titleCaseAgrees(w, wanted[k]!, wanted.length > 1)) return false;
      if (!syllableAgrees(w, wanted[k]!)) return false;
    }
    const last = wanted[wanted.length - 1];
    return !(last !== undefined && isAcronym(last) && numberFollows(text, end));
  }
}
