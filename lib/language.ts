/**
 * Is this page Vietnamese? The `lang` attribute says so when it starts with "vi"; otherwise
 * the text decides, because many Vietnamese sites leave `lang` unset or say "en".
 *
 * The text test counts letters only Vietnamese writes: ă ơ ư đ and vowels with a hook above,
 * a dot below, a horn or a breve (other Latin-script languages have acute, grave, circumflex
 * and tilde, but not these). Vietnamese prose has several in every sentence.
 */

/** Marks Vietnamese uses and other major Latin-script languages do not. */
const VIETNAMESE_MARKS = /[\u0309\u0323\u031b\u0306]/u;
const LETTER = /\p{L}/u;

/** Fewer letters than this and the text says nothing. */
const MIN_LETTERS = 60;
/** Share of letters that must be Vietnamese-only; Vietnamese prose runs at 5–10 %. */
const MIN_SHARE = 0.02;

export interface LanguageVerdict {
  vietnamese: boolean;
  by: 'lang' | 'text';
  /** False when there was too little text to tell (a page still loading its content). */
  conclusive: boolean;
}

export function vietnameseLetterShare(sample: string): { letters: number; share: number } {
  let letters = 0;
  let specific = 0;
  for (const ch of sample.normalize('NFC')) {
    if (!LETTER.test(ch)) continue;
    letters++;
    if (ch === 'đ' || ch === 'Đ' || VIETNAMESE_MARKS.test(ch.normalize('NFD'))) specific++;
  }
  return { letters, share: letters === 0 ? 0 : specific / letters };
}

export function detectVietnamese(lang: string | null | undefined, sample: string): LanguageVerdict {
  if (lang && /^vi(-|$)/iu.test(lang.trim())) return { vietnamese: true, by: 'lang', conclusive: true };
  const { letters, share } = vietnameseLetterShare(sample);
  const conclusive = letters >= MIN_LETTERS;
  return { vietnamese: conclusive && share >= MIN_SHARE, by: 'text', conclusive };
}
