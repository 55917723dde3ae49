/**
 * What the gate reads to tell a page's language when `lang` does not say: the first few
 * thousand characters of its visible prose, by one walk over text nodes. Cheap on purpose:
 * it runs on pages that are mostly not Vietnamese. The evaluation reads pages with it too.
 */
import { detectVietnamese, type LanguageVerdict } from '../../lib/language';

/** Characters of page text read to decide the language. */
export const LANGUAGE_SAMPLE = 2000;
/** Text inside these is not prose (and a page's scripts can be longer than its article). */
const NOT_PROSE = new Set(['script', 'style', 'noscript', 'template', 'textarea', 'code', 'pre', 'svg']);
const SHOW_TEXT = 0x4;

export function languageSample(doc: Document, limit = LANGUAGE_SAMPLE): string {
  const body = doc.body;
  if (!body) return '';
  const walker = doc.createTreeWalker(body, SHOW_TEXT);
  let sample = '';
  for (let node = walker.nextNode(); node && sample.length < limit; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (parent && !NOT_PROSE.has(parent.localName)) sample += ` ${(node as Text).data}`;
  }
  return sample.slice(0, limit);
}

/** The page's language as the gate judges it: `lang` when it says Vietnamese, else the text. */
export function pageLanguage(doc: Document): LanguageVerdict {
  return detectVietnamese(doc.documentElement.getAttribute('lang'), languageSample(doc));
}
