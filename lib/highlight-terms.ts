/** Splits text into runs, flagging the words whose folded form is one of the search terms. */
import { fold } from './normalize';

export interface Run {
  text: string;
  hit: boolean;
}

export function splitByTerms(text: string, terms: readonly string[]): Run[] {
  const wanted = new Set(terms.map(fold));
  const runs: Run[] = [];
  for (const part of text.split(/([\p{L}\p{N}\p{M}]+)/u)) {
    if (part === '') continue;
    const hit = wanted.has(fold(part));
    const last = runs[runs.length - 1];
    if (last && last.hit === hit) last.text += part;
    else runs.push({ text: part, hit });
  }
  return runs;
}
