/**
 * The toolbar popup: where Bối cảnh runs (site control), a search over the dataset, an
 * entity's full card, and what Bối cảnh found on the current page. It paints at once; the
 * entities and their index load after, once. Each keystroke is answered from the entities at
 * once, and again, in full, when the search worker has searched the passages too; an
 * entity's card and timeline read its card shard.
 */
import type MiniSearch from 'minisearch';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { CardData, EntitySummary } from '../../lib/artifacts';
import { cardView } from '../../lib/card-view';
import { todayIso } from '../../lib/dates';
import { fold } from '../../lib/normalize';
import type { MentionsResponse, PageInfo } from '../../lib/messages';
import { search, type SearchDoc } from '../../lib/search';
import type { FullAnswer } from '../../lib/worker-search';
import type { Settings } from '../../lib/settings';
import { entityTimeline } from '../../lib/timeline';
import { T } from '../strings';
import { EntityView } from './EntityView';
import { PageMentions } from './PageMentions';
import { SearchResults } from './SearchResults';
import { SiteControl } from './SiteControl';

export interface PopupEntities {
  entities: Record<string, EntitySummary>;
  index: MiniSearch<SearchDoc>;
}

/** The browser-facing side of the popup, passed in so that the components stay plain. */
export interface PopupPorts {
  loadEntities: () => Promise<PopupEntities>;
  /** The full results of a query (entities and passages); null when a later query took its place. */
  searchAll: (query: string) => Promise<FullAnswer | null>;
  /** The card shard holding an entity (its card, facts and timeline). */
  loadCards: (entityId: string) => Promise<CardData>;
  pageInfo: () => Promise<PageInfo | null>;
  mentions: () => Promise<MentionsResponse | null>;
  reveal: (entityId: string) => void;
  loadSettings: () => Promise<Settings>;
  watchSettings: (callback: (settings: Settings) => void) => () => void;
  updateSettings: (change: (settings: Settings) => Settings) => Promise<unknown>;
  /** The keys of the current site's shortcut, if the browser has one set. */
  shortcut: () => Promise<string | null>;
  openOptions: () => void;
  openShortcutSettings: () => void;
}

interface Props {
  ports: PopupPorts;
  initialEntity: string | null;
}

/** Time for open tabs to apply a settings change before the page is asked again. */
const SETTLE_MS = 200;
/** A tab that once answered and now does not (reloading, or busy) is asked again this often, this many times. */
const PAGE_RETRY_MS = 300;
const PAGE_RETRIES = 10;

export function App({ ports, initialEntity }: Props) {
  const [data, setData] = useState<PopupEntities | null>(null);
  const [query, setQuery] = useState('');
  const [full, setFull] = useState<{ query: string; answer: FullAnswer | null } | null>(null);
  const [entityId, setEntityId] = useState<string | null>(initialEntity);
  const [shard, setShard] = useState<{ entityId: string; cards: CardData } | null>(null);
  const [page, setPage] = useState<PageInfo | null | undefined>(undefined);
  const [mentions, setMentions] = useState<MentionsResponse | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [shortcut, setShortcut] = useState<string | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    void ports.loadEntities().then(setData);
    void ports.loadSettings().then(setSettings);
    void ports.shortcut().then(setShortcut);
    let timer = 0;
    let known = false;
    // A tab that answered once keeps its site switch while it does not answer (a reload caught
    // mid-way): it is asked again until it does, instead of the popup losing the switch.
    const refreshPage = (attempt = 0) => {
      void ports.pageInfo().then((info) => {
        if (info === null && known) {
          if (attempt < PAGE_RETRIES) timer = window.setTimeout(() => refreshPage(attempt + 1), PAGE_RETRY_MS);
          return;
        }
        known ||= info !== null;
        setPage(info);
        if (attempt > 0) void ports.mentions().then(setMentions);
      });
      if (attempt === 0) void ports.mentions().then((m) => setMentions((last) => m ?? (known ? last : m)));
    };
    refreshPage();
    const unwatch = ports.watchSettings((next) => {
      setSettings(next);
      clearTimeout(timer);
      timer = window.setTimeout(refreshPage, SETTLE_MS);
    });
    return () => {
      unwatch();
      clearTimeout(timer);
    };
  }, [ports]);

  // The whole index is searched in the worker for every query typed, asked as the keystroke
  // arrives so that the worker searches while the entities' results render. An answer comes
  // back null, or is dropped here, once another query has been typed.
  const asked = useRef('');
  const searchAll = (next: string) => {
    asked.current = next;
    if (!next.trim()) return;
    ports.searchAll(next).then(
      (answer) => asked.current === next && answer && setFull({ query: next, answer }),
      // Reported by the port; the entities' results stand.
      () => asked.current === next && setFull({ query: next, answer: null }),
    );
  };
  const type = (next: string) => {
    searchAll(next);
    setQuery(next);
  };
  useEffect(() => {
    if (entityId) void ports.loadCards(entityId).then((cards) => setShard({ entityId, cards }));
  }, [ports, entityId]);

  const fullAnswer = full?.query === query ? full : null;
  const entityResults = useMemo(() => (data && query.trim() ? search(data.index, query) : null), [data, query]);
  const results = data && query.trim() ? (fullAnswer?.answer?.results ?? entityResults) : null;
  const quotes = fullAnswer?.answer?.quotes ?? {};
  const cards = shard && shard.entityId === entityId ? shard.cards : null;
  const view = useMemo(() => (cards && entityId ? cardView(cards, entityId, { today: todayIso() }) : null), [cards, entityId]);
  const timeline = useMemo(() => (cards && entityId ? entityTimeline(cards, entityId) : []), [cards, entityId]);

  const openEntity = (id: string) => {
    setEntityId(id);
    type('');
    // The entity view starts at its top, its back button first in the tab order.
    requestAnimationFrame(() => {
      listRef.current?.scrollTo(0, 0);
      listRef.current?.querySelector<HTMLElement>('.back')?.focus();
    });
  };

  const items = () =>
    [searchRef.current, ...(listRef.current?.querySelectorAll<HTMLElement>('[data-result], .page-item, .more-results') ?? [])].filter(
      (el): el is HTMLElement => el !== null,
    );

  /** Arrow keys move between the search box and the results; Enter in the box opens the first; Escape clears. */
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && query) {
      event.preventDefault();
      type('');
      searchRef.current?.focus();
      return;
    }
    if (event.key === 'Enter' && event.target === searchRef.current && results?.[0]?.entityId) {
      event.preventDefault();
      openEntity(results[0].entityId);
      return;
    }
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const list = items();
    const at = list.indexOf(document.activeElement as HTMLElement);
    const next = event.key === 'ArrowDown' ? Math.min(at + 1, list.length - 1) : Math.max(at - 1, 0);
    if (at === -1 || next === at) return;
    event.preventDefault();
    list[next]!.focus();
  };

  const host = page?.host;
  const entityName = (id: string) => data?.entities[id]?.name ?? mentions?.mentions.find((m) => m.entityId === id)?.name ?? id;
  const update = (change: (s: Settings) => Settings) => {
    void ports.updateSettings(change);
  };

  return (
    <main class="popup bc-theme" onKeyDown={onKeyDown}>
      <header class="popup-header">
        <div class="title-row">
          <h1>
            <img src="/icon/32.png" alt="" width={20} height={20} /> {T.appName}
          </h1>
          <button type="button" class="bc-link options-link" onClick={ports.openOptions}>
            {T.openOptions}
          </button>
        </div>
        {settings && page !== undefined && (
          <SiteControl
            host={host ?? null}
            settings={settings}
            reason={page?.reason}
            shortcut={shortcut}
            onSetShortcut={ports.openShortcutSettings}
            entityName={entityName}
            update={update}
          />
        )}
      </header>
      {/* biome-ignore lint/a11y/useSemanticElements: a landmark around the search box; <search> would need its own styles and type declarations for no gain to assistive technology. */}
      <div class="search" role="search">
        <input
          ref={searchRef}
          type="search"
          value={query}
          aria-label={T.searchLabel}
          aria-describedby="search-hint"
          placeholder={T.searchPlaceholder}
          // biome-ignore lint/a11y/noAutofocus: the popup opens to search; its box is what the reader came for.
          autoFocus
          onInput={(e) => type(e.currentTarget.value)}
        />
        <p id="search-hint" class="visually-hidden">
          {T.searchHint}
        </p>
        <p class="visually-hidden" role="status">
          {results ? T.resultCount(results.length) : ''}
        </p>
      </div>
      {/* data-query: the query whose results are shown; data-complete: passages included (the bench and tests wait on both). */}
      <div
        class="body"
        ref={listRef}
        data-query={results ? query : undefined}
        data-complete={results ? String(fullAnswer !== null) : undefined}
      >
        {query.trim() && !data ? (
          <p class="muted">{T.loading}</p>
        ) : results && data ? (
          results.length > 0 ? (
            <SearchResults key={query} results={results} entities={data.entities} quotes={quotes} onOpen={openEntity} />
          ) : (
            // One letter is completed to nothing (see lib/search.ts): ask for more rather than say "not found".
            <p class="muted">{fold(query).replace(/[^\p{L}\p{N}]/gu, '').length < 2 ? T.typeMore : T.noResults(query.trim())}</p>
          )
        ) : view ? (
          <EntityView view={view} timeline={timeline} onOpen={openEntity} onBack={() => setEntityId(null)} />
        ) : page === null ? (
          <p class="muted">{T.notAPage}</p>
        ) : (
          <PageMentions response={mentions} onReveal={ports.reveal} />
        )}
      </div>
    </main>
  );
}
