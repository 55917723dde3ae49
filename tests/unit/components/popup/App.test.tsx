// @vitest-environment happy-dom
/**
 * The popup (in the test browser's language) paints and takes input before the dataset and
 * the search index have loaded, shows the entities' results at once and the full ones when
 * its worker answers.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { App, type PopupEntities, type PopupPorts } from '../../../../components/popup/App';
import { T } from '../../../../components/strings';
import type { CardData, EntitySummary } from '../../../../lib/artifacts';
import { DEFAULT_SETTINGS, type Settings } from '../../../../lib/settings';
import { loadSearchIndex } from '../../../../lib/search';
import { answerQuery, type FullAnswer } from '../../../../lib/worker-search';
import { DATA_FILES } from '../../../../lib/constants';
import { buildDataset } from '../../../../scripts/build-data';

const never = <T,>() => new Promise<T>(() => undefined);

function ports(
  loadEntities: () => Promise<PopupEntities>,
  changes: Array<Settings> = [],
  host: string | null = 'vnexpress.net',
  searchAll: PopupPorts['searchAll'] = never,
): PopupPorts {
  let settings: Settings = DEFAULT_SETTINGS;
  return {
    loadEntities,
    searchAll,
    loadCards: never,
    pageInfo: async () => (host === null ? null : { host, active: true, lang: 'vi' }),
    mentions: async () => ({ active: true, mentions: [] }),
    reveal: () => undefined,
    loadSettings: async () => settings,
    watchSettings: () => () => undefined,
    updateSettings: async (change) => {
      settings = change(settings);
      changes.push(settings);
    },
    shortcut: async () => 'Alt+Shift+O',
    openOptions: () => undefined,
    openShortcutSettings: () => undefined,
  };
}

afterEach(cleanup);

describe('the popup before its data', () => {
  it('shows the search box and the site switch while the index is still loading', async () => {
    render(<App ports={ports(never)} initialEntity={null} />);
    const box = screen.getByRole('searchbox');
    fireEvent.input(box, { target: { value: 'putin' } });
    expect(await screen.findByText(T.loading)).toBeTruthy();
    expect(await screen.findByRole('switch', { name: T.siteSwitch('vnexpress.net') })).toBeTruthy();
    expect(screen.getByText(T.shortcut('Alt+Shift+O'))).toBeTruthy();
  });

  it('writes the site switch and the pause through settings', async () => {
    const changes: Settings[] = [];
    render(<App ports={ports(() => new Promise(() => undefined), changes)} initialEntity={null} />);
    const site = await screen.findByRole<HTMLInputElement>('switch', { name: T.siteSwitch('vnexpress.net') });
    expect(site.checked).toBe(true);
    fireEvent.click(site);
    await waitFor(() => expect(changes.at(-1)?.disabledSites).toEqual(['vnexpress.net']));
    fireEvent.click(screen.getByRole('switch', { name: T.pauseAll }));
    await waitFor(() => expect(changes.at(-1)?.paused).toBe(true));
  });

  it('offers the pause on a page where Bối cảnh cannot run, without a site switch', async () => {
    render(<App ports={ports(() => new Promise(() => undefined), [], null)} initialEntity={null} />);
    expect(await screen.findByText(T.notAPage)).toBeTruthy();
    expect(await screen.findByRole('switch', { name: T.pauseAll })).toBeTruthy();
    expect(screen.queryAllByRole('switch')).toHaveLength(1);
  });
});

describe('the popup while its tab reloads', () => {
  it('keeps the site switch when the tab does not answer for a moment after a change, and asks again', async () => {
    // The tab answers, then twice not (it is reloading), then again.
    const answers: Array<boolean> = [true, false, false, true];
    let asked = 0;
    let changed: ((s: Settings) => void) | null = null;
    const base = ports(() => new Promise(() => undefined));
    const reloading: PopupPorts = {
      ...base,
      pageInfo: async () => (answers[Math.min(asked++, answers.length - 1)] ? { host: 'vnexpress.net', active: true, lang: 'vi' } : null),
      watchSettings: (callback) => {
        changed = callback;
        return () => undefined;
      },
    };
    render(<App ports={reloading} initialEntity={null} />);
    await screen.findByRole('switch', { name: T.siteSwitch('vnexpress.net') });
    changed!({ ...DEFAULT_SETTINGS, disabledSites: ['vnexpress.net'] });
    // Asked again after the change (no answer), then again until the tab answers.
    await waitFor(() => expect(asked).toBe(4), { timeout: 3000 });
    const site = screen.getByRole<HTMLInputElement>('switch', { name: T.siteSwitch('vnexpress.net') });
    expect(site.checked).toBe(false);
  });
});

describe('the popup’s two answers to a keystroke', () => {
  // The seed dataset's files, as the popup and its worker read them.
  const { files } = buildDataset(join(import.meta.dirname, '../../../../data'));
  const file = (name: string) => files[`data/${name}`]!;
  const entities: PopupEntities = {
    entities: JSON.parse(file(DATA_FILES.entities)) as Record<string, EntitySummary>,
    index: loadSearchIndex(file(DATA_FILES.entityIndex)),
  };
  const whole = loadSearchIndex(file(DATA_FILES.searchIndex));
  const articles = JSON.parse(file(DATA_FILES.articles)) as CardData['articles'];

  it('lists the entities at once, then the full results with their quotes when the worker answers', async () => {
    let answer: (value: FullAnswer | null) => void = () => undefined;
    const searchAll = (query: string) =>
      new Promise<FullAnswer | null>((resolve) => {
        answer = (value) => resolve(value ?? answerQuery(whole, articles, query));
      });
    const { container } = render(<App ports={ports(async () => entities, [], 'vnexpress.net', searchAll)} initialEntity={null} />);
    await waitFor(() => expect(container.querySelector('.body[data-query]')).toBeNull());
    fireEvent.input(screen.getByRole('searchbox'), { target: { value: 'bau troi mo' } });
    const body = () => container.querySelector<HTMLElement>('.body')!;
    await waitFor(() => expect(body().dataset.query).toBe('bau troi mo'));
    expect(body().dataset.complete).toBe('false');
    const list = screen.getByRole('list', { name: T.resultsLabel });
    expect(list.querySelector('.result-name')?.textContent).toBe('Hiệp ước Bầu trời mở');
    expect(list.querySelector('.result-quote')).toBeNull();
    answer(null);
    await waitFor(() => expect(body().dataset.complete).toBe('true'));
    expect(screen.getByRole('list', { name: T.resultsLabel }).querySelector('.result-name')?.textContent).toBe('Hiệp ước Bầu trời mở');
    expect(container.querySelector('.result-quote')?.textContent).toMatch(/Bầu trời mở/iu);
  });

  it('never shows an answer for a query typed over', async () => {
    const pending: Array<{ query: string; resolve: (value: FullAnswer | null) => void }> = [];
    const searchAll = (query: string) => new Promise<FullAnswer | null>((resolve) => pending.push({ query, resolve }));
    const { container } = render(<App ports={ports(async () => entities, [], 'vnexpress.net', searchAll)} initialEntity={null} />);
    const box = screen.getByRole('searchbox');
    fireEvent.input(box, { target: { value: 'putin' } });
    await waitFor(() => expect(pending).toHaveLength(1));
    fireEvent.input(box, { target: { value: 'lavrov' } });
    await waitFor(() => expect(pending).toHaveLength(2));
    // The first query's answer comes last: the results stay those of "lavrov".
    pending[1]!.resolve(answerQuery(whole, articles, 'lavrov'));
    pending[0]!.resolve(answerQuery(whole, articles, 'putin'));
    const body = () => container.querySelector<HTMLElement>('.body')!;
    await waitFor(() => expect(body().dataset.complete).toBe('true'));
    expect(body().dataset.query).toBe('lavrov');
    expect(container.querySelector('.result-name')?.textContent).toBe('Sergei Lavrov');
  });
});
