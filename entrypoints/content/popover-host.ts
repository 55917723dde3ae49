/**
 * Mounts the popover in an open shadow root on a host element appended to <html>, outside
 * the page's own content: nothing in the page moves, page CSS stays out (the host is reset
 * with an inline `all: initial`), and ours stays in. Positioned with Floating UI beside the
 * line of the mention under the pointer.
 */
import { autoUpdate, computePosition, flip, offset, shift, size, type VirtualElement } from '@floating-ui/dom';
import { h, render } from 'preact';
import cardCss from '../../components/card.css?inline';
import { Popover, type RoleMeant } from '../../components/Popover';
import popoverCss from '../../components/popover.css?inline';
import type { CardView } from '../../lib/card-view';

export const HOST_TAG = 'boi-canh-popover';

/** Inline and !important: a page rule such as `* { display: none !important }` cannot beat it. */
const HOST_STYLE = [
  'all: initial', 'position: fixed', 'top: 0', 'left: 0', 'width: 0', 'height: 0',
  'z-index: 2147483647', 'display: block', 'contain: layout style',
].map((rule) => `${rule} !important`).join(';');

export interface PopoverCallbacks {
  onClose: () => void;
  onMore: (entityId: string) => void;
}

export class PopoverHost {
  private host: HTMLElement | null = null;
  private container: HTMLElement | null = null;
  private stopPositioning: (() => void) | null = null;
  private entityId: string | null = null;

  constructor(private readonly callbacks: PopoverCallbacks) {}

  get element(): HTMLElement | null {
    return this.host;
  }

  get isOpen(): boolean {
    return this.entityId !== null;
  }

  /** Whether an event happened inside the popover. */
  contains(event: Event): boolean {
    return this.host !== null && event.composedPath().includes(this.host);
  }

  private mount(): HTMLElement {
    if (this.host?.isConnected && this.container) return this.container;
    const host = document.createElement(HOST_TAG);
    host.setAttribute('style', HOST_STYLE);
    const shadow = host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = `${cardCss}\n${popoverCss}`;
    const container = document.createElement('div');
    container.className = 'bc-theme';
    shadow.append(style, container);
    document.documentElement.append(host);
    this.host = host;
    this.container = container;
    return container;
  }

  show(anchor: VirtualElement, view: CardView, meant: RoleMeant | null = null): void {
    const container = this.mount();
    this.stopPositioning?.();
    this.entityId = view.id;
    render(
      h(Popover, { view, meant, onClose: this.callbacks.onClose, onMore: () => this.callbacks.onMore(view.id) }),
      container,
    );
    const floating = container.firstElementChild as HTMLElement;
    const update = () =>
      void computePosition(anchor, floating, {
        strategy: 'fixed',
        placement: 'bottom-start',
        middleware: [
          offset(6),
          flip({ padding: 8 }),
          shift({ padding: 8 }),
          size({ padding: 8, apply: ({ availableHeight }) => floating.style.setProperty('max-height', `${Math.max(160, availableHeight)}px`) }),
        ],
      }).then(({ x, y }) => {
        floating.style.left = `${x}px`;
        floating.style.top = `${y}px`;
      });
    this.stopPositioning = autoUpdate(anchor, floating, update);
  }

  hide(): void {
    this.stopPositioning?.();
    this.stopPositioning = null;
    this.entityId = null;
    if (this.container) render(null, this.container);
  }

  destroy(): void {
    this.hide();
    this.host?.remove();
    this.host = null;
    this.container = null;
  }
}
