/**
 * Is this page Vietnamese? The `lang` attribute says so when it starts with "vi"; otherwise
 * the text decides, because many Vietnamese sites leave `lang` unset or say "en".
 *
 * The text test counts letters only Vietnamese writes: ă ơ ư đ and vowels with a hook above,
 * a dot below, a horn or a breve (other Latin-script languages have acute, grave, circumflex
 * and tilde, but not these). Vietnamese prose has several in every sentence.
 */

/**
 * A letter that carries a mark only Vietnamese uses (the hook above, the dot below, the horn,
 * the breve), in decomposed text, where Vietnamese letters are Latin letters followed by
 * combining marks; or đ. Each such letter is counted once, however many marks it has.
 */
const VIETNAMESE_LETTER = /[đĐ]|[A-Za-z][\u0300-\u036f]*?[\u0309\u0323\u031b\u0306]/g;
/**
 * Letters of the scripts a page is likely to be in: Latin, Greek to Arabic, Thai, kana to
 * CJK, Hangul. Ranges rather than `\p{L}`: a Unicode property class compiles to
 * a large matcher, and the gate pays for it on most pages a reader opens.
 */
const LETTER = /[A-Za-z\u00c0-\u024f\u0370-\u06ff\u0e00-\u0e7f\u1e00-\u1eff\u3040-\u9fff\uac00-\ud7af]/g;

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

/** Counted by the regular-expression engine over the whole sample, not letter by letter: the gate runs this on most pages a reader opens. */
export function vietnameseLetterShare(sample: string): { letters: number; share: number } {
  const text = sample.normalize('NFD');
  const letters = text.match(LETTER)?.length ?? 0;
  const specific = letters === 0 ? 0 : (text.match(VIETNAMESE_LETTER)?.length ?? 0);
  return { letters, share: letters === 0 ? 0 : specific / letters };
}

export function detectVietnamese(lang: string | null | undefined, sample: string): LanguageVerdict {
  if (lang && /^vi(-|$)/iu.test(lang.trim())) return { vietnamese: true, by: 'lang', conclusive: true };
  const { letters, share } = vietnameseLetterShare(sample);
  const conclusive = letters >= MIN_LETTERS;
  return { vietnamese: conclusive && share >= MIN_SHARE, by: 'text', conclusive };
}
