/**
 * An article's passages as the build numbers them (lib/dataset.ts): with titleIsFirstLine the
 * first line is the headline, passage p0s1, and paragraphs are counted from the line after.
 */
import { splitPassages } from '../passages';

export interface ArticlePassage {
  /** `p<paragraph>s<sentence>` within the article. */
  id: string;
  text: string;
}

export interface TitleRule {
  title: string | null;
  titleIsFirstLine: boolean;
}

export function articlePassages(text: string, rule: TitleRule): ArticlePassage[] {
  const lines = text.split(/\r?\n/u);
  const head: ArticlePassage[] = rule.titleIsFirstLine && rule.title ? [{ id: 'p0s1', text: rule.title }] : [];
  const body = rule.titleIsFirstLine ? lines.slice(1) : lines;
  return [...head, ...splitPassages(body.join('\n')).map((p) => ({ id: p.id, text: p.text }))];
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
