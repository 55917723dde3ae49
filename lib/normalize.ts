/**
 * Vietnamese text normalisation.
 *
 * Two forms are used throughout:
 * - the *folded* form: lower case, no diacritics, đ → d, whitespace runs collapsed to one
 *   space and spaces around hyphens dropped. Matching runs on it, so text typed without
 *   marks, NFD text and old/new tone placement all fold to the same string.
 * - the *syllable key*: a syllable's letters with their vowel marks (â ă ê ô ơ ư đ) and its
 *   tone moved to the end, so "hoà" and "hòa" compare equal while "Mỹ" and "My" do not.
 */

const COMBINING = /\p{M}/u;
const WORD_CHAR = /[\p{L}\p{N}]/u;
const SPACE = /\s/u;
/** Zero-width characters and the soft hyphen: invisible, never part of a word's spelling. */
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/u;
const INVISIBLE_ALL = new RegExp(INVISIBLE.source, 'gu');
/** Hyphen and dash forms folded to '-': "Nga - Mỹ", "Nga–Mỹ" and "Nga-Mỹ" compare equal. */
const DASH = /[\u002d\u2010-\u2015\u2212]/u;

/** The five Vietnamese tone marks (grave, acute, tilde, hook above, dot below). */
const TONE_MARKS = new Set(['\u0300', '\u0301', '\u0303', '\u0309', '\u0323']);

const foldCache = new Map<string, string>();

/**
 * Folds one code point: '' for marks and invisible characters, ' ' for any space, '-' for
 * any dash, otherwise its base letter in lower case (đ → d).
 */
export function foldChar(ch: string): string {
  const code = ch.charCodeAt(0);
  if (ch.length === 1 && code < 0x80) {
    if (code >= 65 && code <= 90) return String.fromCharCode(code + 32);
    if (code === 9 || code === 10 || code === 13 || code === 12) return ' ';
    return ch;
  }
  let folded = foldCache.get(ch);
  if (folded === undefined) {
    if (COMBINING.test(ch) || INVISIBLE.test(ch)) folded = '';
    else if (SPACE.test(ch)) folded = ' ';
    else if (DASH.test(ch)) folded = '-';
    else if (ch === 'đ' || ch === 'Đ') folded = 'd';
    else folded = ch.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    foldCache.set(ch, folded);
  }
  return folded;
}

export function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && ch !== '' && ch !== ' ' && ch !== '-' && WORD_CHAR.test(ch);
}

export interface FoldedText {
  /** The folded form. */
  text: string;
  /** For each UTF-16 unit of `text`, the index in the original string of the code point it came from. */
  starts: Uint32Array;
  /** For each UTF-16 unit of `text`, the original index just past that code point and any marks after it. */
  ends: Uint32Array;
}

/**
 * Folds `original` and keeps, for every folded character, where it came from, so that a
 * match in the folded text maps back to an exact span of the original.
 */
export function foldWithMap(original: string): FoldedText {
  const out: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let last = ' '; // as if preceded by a space: leading spaces are dropped
  for (let i = 0; i < original.length; ) {
    const cp = original.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    const next = i + ch.length;
    const folded = foldChar(ch);
    if (folded === '') {
      // A mark (NFD input) or invisible character extends the span of the previous letter.
      if (ends.length > 0 && COMBINING.test(ch)) ends[ends.length - 1] = next;
    } else if (folded === ' ') {
      if (last !== ' ' && last !== '-') {
        out.push(' ');
        starts.push(i);
        ends.push(next);
        last = ' ';
      }
    } else {
      if (folded === '-' && last === ' ' && out.length > 0) {
        // Drop the space before a dash.
        out.pop();
        starts.pop();
        ends.pop();
      }
      for (let k = 0; k < folded.length; k++) {
        out.push(folded[k]!);
        starts.push(i);
        ends.push(next);
      }
      last = folded[folded.length - 1]!;
    }
    i = next;
  }
  if (last === ' ' && out.length > 0) {
    out.pop();
    starts.pop();
    ends.pop();
  }
  return { text: out.join(''), starts: Uint32Array.from(starts), ends: Uint32Array.from(ends) };
}

/** The folded form alone. */
export function fold(text: string): string {
  return foldWithMap(text).text;
}

/** Splits text into its syllables (runs of letters and digits), in order. */
export function syllables(text: string): string[] {
  return text.normalize('NFC').replace(INVISIBLE_ALL, '').match(/[\p{L}\p{N}\p{M}]+/gu) ?? [];
}

export interface SyllableKey {
  /** Letters with vowel marks, no tone, lower case (e.g. "quôc" for "Quốc"). */
  letters: string;
  /** The tone mark, or '' when the syllable has none. */
  tone: string;
  /** True when the syllable carries no mark at all (typed without diacritics). */
  bare: boolean;
}

/** The placement-independent key of one syllable. */
export function syllableKey(syllable: string): SyllableKey {
  const decomposed = syllable.normalize('NFD').toLowerCase();
  let letters = '';
  let tone = '';
  let bare = true;
  for (const ch of decomposed) {
    if (TONE_MARKS.has(ch)) {
      tone = ch;
      bare = false;
    } else {
      if (COMBINING.test(ch) || ch === 'đ') bare = false;
      letters += ch;
    }
  }
  return { letters: letters.normalize('NFC'), tone, bare };
}

/**
 * Whether a syllable as written on a page spells the same syllable as the dataset's form.
 * Missing marks are tolerated (text typed without diacritics, or a dropped tone), wrong
 * marks are not: "Ngoai" and "Quôc" spell "Ngoại" and "Quốc", "Mỹ" never spells "My".
 */
export function syllableAgrees(written: string, expected: string): boolean {
  const w = syllableKey(written);
  if (w.bare) return true;
  const e = syllableKey(expected);
  if (w.letters !== e.letters) return false;
  return w.tone === '' || w.tone === e.tone;
}

/** Canonical comparison key for whole phrases: NFC, lower case, tones placed alike. */
export function phraseKey(text: string): string {
  return syllables(text)
    .map((s) => {
      const k = syllableKey(s);
      return k.letters + k.tone;
    })
    .join(' ');
}

/** True when the text is written with Vietnamese marks somewhere (not typed bare). */
export function hasDiacritics(text: string): boolean {
  return /[\u0300-\u036f\u1dc0-\u1dff]|[đĐ]/u.test(text.normalize('NFD'));
}
