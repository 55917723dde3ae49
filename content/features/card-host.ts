/**
 * The engine's side of the card: it loads the card UI (entrypoints/card-ui/) the first time
 * a card opens and passes every call on to it. A page where no card is ever opened never
 * loads Preact or Floating UI.
 */
import type { VirtualElement } from '@floating-ui/dom';
import type { MentionContext } from '../../components/Popover';
import type { PopoverCallbacks, PopoverView, ShowOptions } from '../../entrypoints/card-ui/popover-view';
import type { CardView } from '../../lib/card-view';
import { CARD_UI_SCRIPT, loadBuiltScript } from '../built-scripts';

export class CardHost {
  private view: PopoverView | null = null;
  private destroyed = false;

  constructor(private readonly callbacks: PopoverCallbacks) {}

  /** The card UI, loaded once (loadBuiltScript tries a failed load again next time), and this card's view of it. */
  async load(): Promise<PopoverView> {
    const ui = await loadBuiltScript(CARD_UI_SCRIPT);
    this.view ??= new ui.PopoverView(this.callbacks);
    return this.view;
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
    const popover = await this.load();
    if (!this.destroyed) popover.show(anchor, view, mention, options);
  }

  togglePin(): void {
    this.view?.togglePin();
  }

  async sayHidden(name: string, host: string): Promise<void> {
    const popover = await this.load();
    if (!this.destroyed) popover.sayHidden(name, host);
  }

  hide(): void {
    this.view?.hide();
  }

  destroy(): void {
    this.destroyed = true;
    this.view?.destroy();
  }
}
