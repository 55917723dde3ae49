/**
 * The keyboard path, and the popup's "show me": highlights cannot take focus, so the
 * shortcuts step from mention to mention, and the popup asks for an entity's next mention.
 * Either scrolls the mention into view and opens its card.
 */
import type { PageMatcherData } from '../../lib/artifacts';
import type { Mention } from '../scanner/mention-index';
import type { Card } from './card';
import type { Marks } from './marks';

export interface Navigation {
  /** Moves to the next (1) or previous (-1) mention and opens its card with focus. */
  step(direction: 1 | -1): boolean;
  /** Scrolls to the entity's next mention and opens its card there. */
  reveal(entityId: string): boolean;
}

/** How long a smooth scroll takes to settle before the card opens beside the mention. */
const SCROLL_SETTLE_MS = 400;

export function startNavigation(options: { data: PageMatcherData; marks: Marks; card: Card }, signal: AbortSignal): Navigation {
  const { data, marks, card } = options;
  /** The mention the keyboard moved to last, for the next step. */
  let keyboardMention: Mention | null = null;
  /** Per entity, the mention the popup revealed last. */
  const revealed = new Map<string, number>();
  let revealTimer = 0;
  signal.addEventListener('abort', () => clearTimeout(revealTimer));

  return {
    step(direction) {
      const mentions = marks.mentions();
      if (mentions.length === 0) return false;
      const from = card.openMention() ?? keyboardMention;
      let index = from ? mentions.indexOf(from) : -1;
      if (index < 0) {
        // The first step starts from the top of the viewport: the first mention below it, or the last above it.
        const below = mentions.findIndex((m) => m.range.getBoundingClientRect().top >= 0);
        index = direction === 1 ? (below < 0 ? mentions.length : below) - 1 : below < 0 ? mentions.length : below;
      }
      const next = mentions[(index + direction + mentions.length) % mentions.length]!;
      keyboardMention = next;
      const rect = next.range.getBoundingClientRect();
      if (rect.top < 0 || rect.bottom > window.innerHeight) {
        next.range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'auto' });
      }
      card.close();
      card.open(next, { focus: true });
      return true;
    },
    reveal(entityId) {
      const mentions = marks.mentions().filter((m) => data.entities[m.entity]!.id === entityId);
      if (mentions.length === 0) return false;
      const index = ((revealed.get(entityId) ?? -1) + 1) % mentions.length;
      revealed.set(entityId, index);
      const mention = mentions[index]!;
      const reduceMotion = matchMedia('(prefers-reduced-motion: reduce)').matches;
      mention.range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: reduceMotion ? 'auto' : 'smooth' });
      clearTimeout(revealTimer);
      revealTimer = window.setTimeout(
        () => {
          if (!signal.aborted) card.open(mention);
        },
        reduceMotion ? 0 : SCROLL_SETTLE_MS,
      );
      return true;
    },
  };
}
