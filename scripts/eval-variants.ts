/**
 * The three ways a development page is read, by `npm run eval` and by the dev-pages test: as
 * published, converted to NFD, and with every diacritic removed; and its gold mentions
 * rewritten to match the rewritten page.
 */
import type { GoldMention } from '../lib/eval-align';
import { stripDiacritics } from '../lib/normalize';

export interface PageVariant {
  name: string;
  /** For file names: "as-published", "nfd", "bare". */
  key: string;
  transform: (text: string) => string;
}

export const VARIANTS: PageVariant[] = [
  { name: 'as published', key: 'as-published', transform: (t) => t },
  { name: 'NFD', key: 'nfd', transform: (t) => t.normalize('NFD') },
  { name: 'no diacritics', key: 'bare', transform: stripDiacritics },
];

/** A page's gold mentions in a variant: surfaces rewritten like the page, nested offsets measured in the rewritten text. */
export function variantGold(mentions: GoldMention[], variant: PageVariant): GoldMention[] {
  return mentions.map((g) => ({
    ...g,
    surface: variant.transform(g.surface),
    ...(g.parent !== undefined ? { offset: variant.transform(mentions[g.parent]!.surface.slice(0, g.offset ?? 0)).length } : {}),
  }));
}
