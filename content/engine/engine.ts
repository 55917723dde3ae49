/**
 * The engine: everything a page that is read needs, started by the gate for one active
 * period and ended by that period's signal. It decodes the matcher table, starts the
 * features (marks, card with hover and taps, keyboard navigation, badge) and answers the
 * gate's questions.
 */
import compactMatcher from '../../generated/matcher-compact.json';
import type { PageMatcherData } from '../../lib/artifacts';
import { openMatcher, type CompactMatcher } from '../../lib/compact-matcher';
import { Matcher } from '../../lib/matcher';
import type { PageMention } from '../../lib/messages';
import { tapsExplain, type Settings } from '../../lib/settings';
import { hasTouchScreen } from '../../utils/touch-screen';
import { measureSlice } from '../dom/work-timing';
import { startBadge } from '../features/badge';
import { startCard, type Card } from '../features/card';
import { startNavigation } from '../features/keyboard';
import { startMarks, type Marks } from '../features/marks';

/** What the gate hands the engine for one active period. */
export interface PeriodStart {
  settings: Settings;
  /** The page's host, as the settings key it. */
  host: string;
  /** Aborted when the period ends: every feature cleans up on it. */
  signal: AbortSignal;
}

/** What the gate asks of a page that is being read. */
export interface ActivePage {
  useSettings(settings: Settings): void;
  /** The marked mentions, once every change seen so far has been read. */
  mentions(): Promise<PageMention[]>;
  reveal(entityId: string): Promise<boolean>;
  step(direction: 1 | -1): boolean;
}

let shared: { data: PageMatcherData; matcher: Matcher } | null = null;
/** The table and its automaton, built once per page (a second active period reuses them). */
function matcherOnce(): { data: PageMatcherData; matcher: Matcher } {
  if (!shared) {
    const start = performance.now();
    const compact = compactMatcher as CompactMatcher;
    // The automaton's shape comes built (lib/matcher.ts, MatcherTrie): the page only links it,
    // and an alias's text is expanded when the alias is first hit.
    const { data, aliases } = openMatcher(compact);
    shared = { data, matcher: new Matcher(aliases, compact.trie) };
    measureSlice(start);
  }
  return shared;
}

export function startEngine({ settings, host, signal }: PeriodStart): ActivePage {
  const { data, matcher } = matcherOnce();
  let current = settings;
  // The card and the marks know each other: the scanner skips the card, the card hit-tests the marks.
  let card: Card | null = null;
  const marks: Marks = startMarks({ matcher, data, settings, host, ownHost: () => card?.element() ?? null }, signal);
  card = startCard({ data, host, marks: () => marks, tapsExplain: () => tapsExplain(current, hasTouchScreen()) }, signal);
  const navigation = startNavigation({ data, marks, card }, signal);
  startBadge(marks, signal);

  return {
    useSettings: (next) => {
      current = next;
      marks.useSettings(next, host);
    },
    async mentions() {
      // While this waits, a hidden tab works on; once it has its answer, the work pauses again.
      const release = marks.hurry();
      try {
        await marks.firstPass;
        await marks.settled();
      } finally {
        release();
      }
      return marks.mentions().map((m) => {
        const entity = data.entities[m.entity]!;
        return { entityId: entity.id, name: entity.name, kind: entity.kind, text: m.range.toString() };
      });
    },
    reveal: (entityId) => marks.firstPass.then(() => navigation.reveal(entityId)),
    step: (direction) => navigation.step(direction),
  };
}
