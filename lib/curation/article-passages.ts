/**
 * An added article's title rule; its passages are numbered as the build numbers them
 * (lib/passages.ts, `articlePassages`, which lib/dataset.ts uses too).
 */
export { articlePassages, type ArticlePassage } from '../passages';

export interface TitleRule {
  title: string | null;
  titleIsFirstLine: boolean;
}

/** A first line reads as a headline: more text follows, it is short and ends in no stop. */
const HEADLINE_MAX = 200;

/**
 * The title and whether it is the first line: a given title is the first line when they
 * agree; without one, a first line that reads as a headline is taken as the title.
 */
export function chooseTitle(text: string, given: string | null | undefined): TitleRule {
  const lines = text.split(/\r?\n/u);
  const first = lines[0]?.trim() ?? '';
  if (given === null) return { title: null, titleIsFirstLine: false };
  if (given !== undefined) return { title: given.trim(), titleIsFirstLine: first === given.trim() };
  const more = lines.slice(1).some((l) => l.trim() !== '');
  const headline = first !== '' && more && first.length <= HEADLINE_MAX && !/[.!?…:;"”]$/u.test(first);
  return headline ? { title: first, titleIsFirstLine: true } : { title: null, titleIsFirstLine: false };
}
