/**
 * The content script's side of the card: it loads the card UI (entrypoints/card-ui/) the
 * first time a card opens and passes every call on to it. Until then a page carries only
 * the matcher; a page where no card is ever opened never loads Preact or Floating UI.
 */
import type { VirtualElement } from '@floating-ui/dom';
import { browser } from 'wxt/browser';
import type { PopoverCallbacks, PopoverView, ShowOptions } from '../card-ui/popover-view';
import type { MentionContext } from '../../components/Popover';
import type { CardView } from '../../lib/card-view';
import { CARD_UI_FILE, CARD_UI_KEY, type CardUi } from './card-ui-contract';

export class PopoverHost {
  private view: PopoverView | null = null;
  private loading: Promise<PopoverView> | null = null;

  constructor(private readonly callbacks: PopoverCallbacks) {}

  /** Loads the card UI once; a failed load is tried again next time. */
  load(): Promise<PopoverView> {
    this.loading ??= (async () => {
      const url = browser.runtime.getURL(CARD_UI_FILE as '/card-ui.js');
      await import(/* @vite-ignore */ url);
      const ui = (globalThis as Record<string, unknown>)[CARD_UI_KEY] as CardUi | undefined;
      if (!ui) throw new Error(`${CARD_UI_FILE} did not load`);
      this.view = new ui.PopoverView(this.callbacks);
      return this.view;
    })();
    this.loading.catch(() => {
      this.loading = null;
    });
    return this.loading;
  }

  get element(): HTMLElement | null {
    return this.view?.element ?? null;
  }

  get isPinned(): boolean {
    return this.view?.isPinned ?? false;
  }

  contains(event: Event): boolean {
    return this.view?.contains(event) ?? false;
  }

  async show(anchor: VirtualElement, view: CardView, mention: MentionContext, options: ShowOptions): Promise<void> {
    (await this.load()).show(anchor, view, mention, options);
  }

  togglePin(): void {
    this.view?.togglePin();
  }

  async sayHidden(name: string, host: string): Promise<void> {
    (await this.load()).sayHidden(name, host);
  }

  hide(): void {
    this.view?.hide();
  }

  destroy(): void {
    this.view?.destroy();
  }
}
