/**
 * Popup entry: finds the tab it acts on (`?tabId=N`, else the active tab), wires the
 * browser to the App, and renders. `?entity=ID` (or a card's "see more") opens an entity.
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { App, type PopupPorts } from '../../components/popup/App';
import { T } from '../../components/strings';
import '../../components/card.css';
import '../../components/controls.css';
import type { EntitySummary } from '../../lib/artifacts';
import { DATA_FILES } from '../../lib/constants';
import { loadSearchIndex } from '../../lib/search';
import { readCardShard, readDataFile, readDataText } from '../../utils/dataset-files';
import { askTab } from '../../utils/messaging';
import { PENDING_ENTITY_KEY } from '../../utils/popup-link';
import { openShortcutSettings, siteShortcut } from '../../utils/commands';
import { loadSettings, updateSettings, watchSettings } from '../../utils/settings-store';
import './popup.css';
import { report } from '../../utils/report';
import { startFullSearcher } from './search-client';

const params = new URLSearchParams(location.search);
const openedAsPage = params.has('tabId');

async function targetTab(): Promise<number | null> {
  const fromParam = Number(params.get('tabId'));
  if (params.has('tabId') && Number.isInteger(fromParam)) return fromParam;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

async function pendingEntity(): Promise<string | null> {
  const fromParam = params.get('entity');
  if (fromParam) return fromParam;
  try {
    const stored = await browser.storage.session.get(PENDING_ENTITY_KEY);
    await browser.storage.session.remove(PENDING_ENTITY_KEY);
    const value = stored[PENDING_ENTITY_KEY];
    return typeof value === 'string' ? value : null;
  } catch {
    return null;
  }
}

async function main(): Promise<void> {
  const [tabId, initialEntity] = await Promise.all([targetTab(), pendingEntity()]);
  const ask = async <R,>(request: () => Promise<R>): Promise<R | null> => {
    if (tabId === null) return null;
    try {
      return await request();
    } catch {
      // No content script in this tab (a browser page, or one loaded before the extension).
      return null;
    }
  };
  // The whole index loads in its worker from the start, while the reader types.
  const fullSearch = startFullSearcher((error) => report('popup search worker', error));
  const ports: PopupPorts = {
    // The entities and their index, prebuilt at build time, are small: they open after the first paint.
    loadEntities: async () => {
      const [entities, index] = await Promise.all([
        readDataFile<Record<string, EntitySummary>>(DATA_FILES.entities),
        readDataText(DATA_FILES.entityIndex).then(loadSearchIndex),
      ]);
      return { entities, index };
    },
    searchAll: (query) =>
      fullSearch.search(query).catch((error: unknown) => {
        report('popup search worker', error);
        throw error;
      }),
    loadCards: readCardShard,
    pageInfo: () => ask(() => askTab(tabId!, { type: 'get-page-info' })),
    mentions: () => ask(() => askTab(tabId!, { type: 'get-mentions' })),
    reveal: (entityId) => {
      void ask(() => askTab(tabId!, { type: 'reveal-entity', entityId })).then(() => {
        if (!openedAsPage) window.close();
      });
    },
    loadSettings,
    watchSettings,
    updateSettings,
    shortcut: siteShortcut,
    openShortcutSettings: () => {
      void openShortcutSettings().then(() => {
        if (!openedAsPage) window.close();
      });
    },
    openOptions: () => {
      void browser.runtime.openOptionsPage().then(() => {
        if (!openedAsPage) window.close();
      });
    },
  };
  document.documentElement.lang = T.lang;
  render(<App ports={ports} initialEntity={initialEntity} />, document.getElementById('app')!);
}

main().catch((error) => report('popup', error));

// Errors of this page are ours: said with the prefix, never left unnamed.
window.addEventListener('unhandledrejection', (event) => report('popup', event.reason));
window.addEventListener('error', (event) => report('popup', event.error ?? event.message));
