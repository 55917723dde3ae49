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

/**
 * Folds one character: '' for marks and invisible characters, ' ' for any space, '-' for
 * any dash, otherwise its base letter in lower case (đ → d). Called once per code unit:
 * `foldedCode` keeps the result.
 */
function foldChar(ch: string): string {
  if (COMBINING.test(ch) || INVISIBLE.test(ch)) return '';
  if (SPACE.test(ch)) return ' ';
  if (DASH.test(ch)) return '-';
  if (ch === 'đ' || ch === 'Đ') return 'd';
  return ch.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

const SPACE_CODE = 32;
const DASH_CODE = 45;

/**
 * Per UTF-16 code unit, its folded code unit plus one (0: not yet computed; 1: dropped),
 * filled on first sight; the matcher's hot loop reads these tables instead of making
 * strings. Astral characters are left as their two halves: no alias has one, and a lone
 * half is never a letter. Allocated on first use, so pages that are never matched pay nothing.
 */
let FOLDED: Uint16Array | null = null;
/** 1 where a dropped code unit is a combining mark (it belongs to the letter before it). */
let IS_MARK: Uint8Array | null = null;
/** Per folded code unit: 0 unknown, 1 a letter or digit, 2 anything else. */
let WORD: Uint8Array | null = null;

function tables(): { folded: Uint16Array; isMark: Uint8Array } {
  FOLDED ??= new Uint16Array(0x10000);
  IS_MARK ??= new Uint8Array(0x10000);
  return { folded: FOLDED, isMark: IS_MARK };
}

function foldedCode(code: number, folded: Uint16Array, isMark: Uint8Array): number {
  const known = folded[code]!;
  if (known !== 0) return known - 1;
  const ch = String.fromCharCode(code);
  const isSurrogate = code >= 0xd800 && code <= 0xdfff;
  const out = isSurrogate ? ch : foldChar(ch);
  const result = out === '' ? 0 : out.charCodeAt(0);
  if (out === '' && COMBINING.test(ch)) isMark[code] = 1;
  folded[code] = result + 1;
  return result;
}

/** Whether a folded code unit is a letter or digit (a syllable character). */
export function isWordCode(code: number): boolean {
  WORD ??= new Uint8Array(0x10000);
  let word = WORD[code]!;
  if (word === 0) {
    word = code !== SPACE_CODE && code !== DASH_CODE && WORD_CHAR.test(String.fromCharCode(code)) ? 1 : 2;
    WORD[code] = word;
  }
  return word === 1;
}

export interface FoldedCodes {
  /** Folded code units; only the first `length` are used. */
  codes: Uint16Array;
  /** For each folded unit, the index in the original string of the unit it came from. */
  starts: Uint32Array;
  /** For each folded unit, the original index just past it and any marks after it. */
  ends: Uint32Array;
  length: number;
}

/** Buffers a caller folds into again and again (the matcher, segment after segment). */
export interface FoldScratch {
  codes: Uint16Array;
  starts: Uint32Array;
  ends: Uint32Array;
}

export function foldScratch(): FoldScratch {
  return { codes: new Uint16Array(256), starts: new Uint32Array(256), ends: new Uint32Array(256) };
}

/**
 * Folds `original` into code units and keeps, for every one, where it came from, so that a
 * match in the folded text maps back to an exact span of the original. With `scratch`, the
 * result lives in its buffers (grown when needed) and is valid until the next call.
 */
export function foldCodes(original: string, scratch?: FoldScratch): FoldedCodes {
  const { folded: foldTable, isMark } = tables();
  const n = original.length;
  if (scratch && scratch.codes.length < n) {
    const size = Math.max(n, scratch.codes.length * 2);
    scratch.codes = new Uint16Array(size);
    scratch.starts = new Uint32Array(size);
    scratch.ends = new Uint32Array(size);
  }
  const codes = scratch ? scratch.codes : new Uint16Array(n);
  const starts = scratch ? scratch.starts : new Uint32Array(n);
  const ends = scratch ? scratch.ends : new Uint32Array(n);
  let length = 0;
  let last = SPACE_CODE; // as if preceded by a space: leading spaces are dropped
  for (let i = 0; i < n; i++) {
    const code = original.charCodeAt(i);
    // The table's fast path inline; the first sight of a character computes its entry.
    const known = foldTable[code]!;
    const folded = known !== 0 ? known - 1 : foldedCode(code, foldTable, isMark);
    if (folded === 0) {
      // A mark (NFD input) extends the span of the letter before it; invisible characters vanish.
      if (isMark[code] === 1 && length > 0) ends[length - 1] = i + 1;
      continue;
    }
    if (folded === SPACE_CODE) {
      if (last === SPACE_CODE || last === DASH_CODE) continue;
    } else if (folded === DASH_CODE && last === SPACE_CODE && length > 0) {
      length--; // drop the space before a dash
    }
    codes[length] = folded;
    starts[length] = i;
    ends[length] = i + 1;
    length++;
    last = folded;
  }
  if (last === SPACE_CODE && length > 0) length--;
  return { codes, starts, ends, length };
}

export interface FoldedText {
  /** The folded form. */
  text: string;
  starts: Uint32Array;
  ends: Uint32Array;
}

/** The folded form as a string, with the same offset map. */
export function foldWithMap(original: string): FoldedText {
  const { codes, starts, ends, length } = foldCodes(original);
  let text = '';
  for (let i = 0; i < length; i += 8192) text += String.fromCharCode(...codes.subarray(i, Math.min(i + 8192, length)));
  return { text, starts: starts.subarray(0, length), ends: ends.subarray(0, length) };
}

/** Buffers for `fold`, whose result leaves them as a string at once. */
let FOLD_SCRATCH: FoldScratch | null = null;

/** The folded form alone. */
export function fold(text: string): string {
  FOLD_SCRATCH ??= foldScratch();
  const { codes, length } = foldCodes(text, FOLD_SCRATCH);
  let out = '';
  for (let i = 0; i < length; i += 8192) out += String.fromCharCode(...codes.subarray(i, Math.min(i + 8192, length)));
  return out;
}

/** The text as typed without any diacritics, case kept (đ → d): for testing and evaluation. */
export function stripDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/gu, '')
    .replace(/đ/gu, 'd')
    .replace(/Đ/gu, 'D');
}

/** Splits text into its syllables (runs of letters and digits), in order. */
export function syllables(text: string): string[] {
  return (
    text
      .normalize('NFC')
      .replace(INVISIBLE_ALL, '')
      .match(/[\p{L}\p{N}\p{M}]+/gu) ?? []
  );
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
  return agreesWithKey(written, syllableKey(expected));
}

/** `syllableAgrees` against a key computed once (the matcher keeps its aliases' keys). */
export function agreesWithKey(written: string, expected: SyllableKey): boolean {
  const w = syllableKey(written);
  if (w.bare) return true;
  if (w.letters !== expected.letters) return false;
  return w.tone === '' || w.tone === expected.tone;
}
