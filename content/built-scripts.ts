/**
 * The content script's two lazily loaded parts, built as scripts of their own: the engine,
 * which the gate imports when a page is to be read, and the card's UI, which the engine
 * imports when the first card opens. Each runs in the content script's isolated world and
 * leaves what it hands over on that world's global (the page never sees it).
 */
import type { PopoverView } from '../entrypoints/card-ui/popover-view';
import { CARD_UI_FILE, ENGINE_FILE } from '../lib/constants';
import { ext } from './api';
import type { startEngine } from './engine/engine';

interface BuiltScript<T> {
  /** The built file, listed in web_accessible_resources so that content scripts may import it. */
  file: string;
  /** Where it leaves what it hands over. */
  key: string;
  /** Only for typing what it hands over. */
  hands?: T;
}

export const ENGINE_SCRIPT: BuiltScript<{ startEngine: typeof startEngine }> = { file: `/${ENGINE_FILE}`, key: '__boiCanhEngine' };
export const CARD_UI_SCRIPT: BuiltScript<{ PopoverView: typeof PopoverView }> = { file: `/${CARD_UI_FILE}`, key: '__boiCanhCardUi' };

/** What a built script calls to hand itself over. */
export function handOver<T>(script: BuiltScript<T>, value: T): void {
  (globalThis as Record<string, unknown>)[script.key] = value;
}

const loading = new Map<string, Promise<unknown>>();

/** Imports a built script once; a failed import is tried again next time. */
export function loadBuiltScript<T>(script: BuiltScript<T>): Promise<T> {
  let load = loading.get(script.file) as Promise<T> | undefined;
  if (!load) {
    load = import(/* @vite-ignore */ ext().runtime.getURL(script.file)).then(() => {
      const value = (globalThis as Record<string, unknown>)[script.key] as T | undefined;
      if (!value) throw new Error(`${script.file} did not load`);
      return value;
    });
    load.catch(() => loading.delete(script.file));
    loading.set(script.file, load);
  }
  return load;
}
