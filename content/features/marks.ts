/**
 * The marks feature: reads the page and keeps its mentions marked, as the settings say
 * (every mention or the first of each, minus the entities hidden on the site), until its
 * active period ends.
 */
import type { PageMatcherData } from '../../lib/artifacts';
import type { Matcher } from '../../lib/matcher';
import type { Settings } from '../../lib/settings';
import { report } from '../../utils/report';
import { articleRoots } from '../dom/article-scope';
import { PageReader } from '../engine/page-reader';
import type { Mention } from '../scanner/mention-index';
import { Scanner } from '../scanner/scanner';

export interface Marks {
  /** Settles when the first pass is over. */
  readonly firstPass: Promise<void>;
  /** The marked mentions, in document order. */
  mentions(): Mention[];
  mentionAt(x: number, y: number): Mention | null;
  /** Resolves when every change seen so far has been read: `mentions()` is then what the page shows. */
  settled(): Promise<void>;
  /** Someone waits for the marks (see SliceSchedule.hurry). */
  hurry(): () => void;
  useSettings(settings: Settings, host: string): void;
  /** Called whenever the set of marks may have changed. */
  onChange(listener: () => void): void;
}

export interface MarksOptions {
  matcher: Matcher;
  data: PageMatcherData;
  settings: Settings;
  host: string;
  /** The card's host element, never read. */
  ownHost: () => Element | null;
}

export function startMarks(options: MarksOptions, signal: AbortSignal): Marks {
  const reader = new PageReader(options.matcher, options.data);
  reader.hide(options.settings.hiddenEntities[options.host] ?? []);
  const listeners: Array<() => void> = [];
  const scanner = new Scanner({
    read: (text, block) => reader.read(text, block),
    watched: document.body,
    findRoots: () => articleRoots(document),
    ownHost: options.ownHost,
    mode: options.settings.markMode,
    signal,
    onChange: () => {
      for (const listener of listeners) listener();
    },
  });
  const firstPass = scanner.start().catch((e) => report('scan', e));
  signal.addEventListener('abort', () => scanner.stop());
  return {
    firstPass,
    mentions: () => scanner.mentions(),
    mentionAt: (x, y) => scanner.mentionAt(x, y),
    settled: () => scanner.settled(),
    hurry: () => scanner.hurry(),
    useSettings(settings, host) {
      scanner.setMode(settings.markMode);
      // Entities hidden on this site changed: read the page again without them.
      if (reader.hide(settings.hiddenEntities[host] ?? [])) scanner.refresh();
    },
    onChange: (listener) => listeners.push(listener),
  };
}
