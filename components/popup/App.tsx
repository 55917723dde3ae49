/**
 * The toolbar popup: the site switch, a search over the dataset, an entity's full card, and
 * what Bối cảnh found on the current page. It paints at once; the dataset loads after.
 */
import type MiniSearch from 'minisearch';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { CardData } from '../../lib/artifacts';
import { cardView } from '../../lib/card-view';
import { todayIso } from '../../lib/dates';
import type { MentionsResponse, PageInfo } from '../../lib/messages';
import { search, type SearchDoc } from '../../lib/search';
import { isSiteEnabled, type Settings } from '../../lib/settings';
import { T } from '../strings';
import { EntityView } from './EntityView';
import { PageMentions } from './PageMentions';
import { SearchResults } from './SearchResults';
import { SiteSwitch } from './SiteSwitch';

export interface PopupData {
  cards: CardData;
  index: MiniSearch<SearchDoc>;
}

/** The browser-facing side of the popup, passed in so that the components stay plain. */
export interface PopupPorts {
  loadData: () => Promise<PopupData>;
  pageInfo: () => Promise<PageInfo | null>;
  mentions: () => Promise<MentionsResponse | null>;
  reveal: (entityId: string) => void;
  loadSettings: () => Promise<Settings>;
  watchSettings: (callback: (settings: Settings) => void) => () => void;
  setSiteEnabled: (host: string, enabled: boolean) => Promise<unknown>;
}

interface Props {
  ports: PopupPorts;
  initialEntity: string | null;
}

/** Time for open tabs to apply a settings change before the page is asked again. */
const SETTLE_MS = 200;

export function App({ ports, initialEntity }: Props) {
  const [data, setData] = useState<PopupData | null>(null);
  const [query, setQuery] = useState('');
  const [entityId, setEntityId] = useState<string | null>(initialEntity);
  const [page, setPage] = useState<PageInfo | null | undefined>(undefined);
  const [mentions, setMentions] = useState<MentionsResponse | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    void ports.loadData().then(setData);
    void ports.loadSettings().then(setSettings);
    const refreshPage = () => {
      void ports.pageInfo().then(setPage);
      void ports.mentions().then(setMentions);
    };
    refreshPage();
    let timer = 0;
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

  const results = useMemo(() => (data && query.trim() ? search(data.index, query) : null), [data, query]);
  const view = useMemo(() => (data && entityId ? cardView(data.cards, entityId, { today: todayIso() }) : null), [data, entityId]);

  const openEntity = (id: string) => {
    setEntityId(id);
    setQuery('');
    searchRef.current?.blur();
  };

  /** Arrow keys move between the search box and the results; Escape clears the search. */
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && query) {
      event.preventDefault();
      setQuery('');
      searchRef.current?.focus();
      return;
    }
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const items = [searchRef.current, ...(listRef.current?.querySelectorAll<HTMLElement>('[data-result], .page-item') ?? [])].filter(
      (el): el is HTMLElement => el !== null,
    );
    const at = items.indexOf(document.activeElement as HTMLElement);
    const next = event.key === 'ArrowDown' ? Math.min(at + 1, items.length - 1) : Math.max(at - 1, 0);
    if (at === -1 || next === at) return;
    event.preventDefault();
    items[next]!.focus();
  };

  const host = page?.host;
  const enabled = settings && host ? isSiteEnabled(settings, host) : true;

  return (
    <main class="popup bc-theme" onKeyDown={onKeyDown}>
      <header class="popup-header">
        <h1>
          <img src="/icon/32.png" alt="" width={20} height={20} /> {T.appName}
        </h1>
        {host && (
          <SiteSwitch host={host} enabled={enabled} reason={page?.reason} onChange={(on) => void ports.setSiteEnabled(host, on)} />
        )}
      </header>
      <div class="search" role="search">
        <input
          ref={searchRef}
          type="search"
          value={query}
          aria-label={T.searchLabel}
          placeholder={T.searchPlaceholder}
          autoFocus
          onInput={(e) => setQuery(e.currentTarget.value)}
        />
      </div>
      <div class="body" ref={listRef}>
        {results && data ? (
          results.length > 0 ? (
            <SearchResults results={results} data={data.cards} onOpen={openEntity} />
          ) : (
            <p class="muted">{T.noResults(query.trim())}</p>
          )
        ) : view ? (
          <EntityView view={view} onOpen={openEntity} onBack={() => setEntityId(null)} />
        ) : page === null ? (
          <p class="muted">{T.notAPage}</p>
        ) : (
          <PageMentions response={mentions} onReveal={ports.reveal} />
        )}
      </div>
    </main>
  );
}
