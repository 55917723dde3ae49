/** Article ids made from a title or a file name: lower case, no diacritics, hyphens. */
import { fold } from '../normalize';

/** Long titles give ids cut at a word, so file names stay readable. */
const MAX_LENGTH = 60;

export function slugify(text: string): string {
  const words = fold(text)
    .replace(/[^a-z0-9]+/gu, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > MAX_LENGTH && slug) break;
    slug = next.slice(0, MAX_LENGTH);
  }
  return slug;
}

/** An article id as the schema accepts it. */
export function isArticleId(id: string): boolean {
  return /^[a-z0-9-]+$/u.test(id);
}
