// @vitest-environment happy-dom
/** Taps: which taps open a card, which a link keeps, and which the page keeps. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TAP_SLOP_PX, watchTaps, type TapCard } from '../../../../content/features/tap';
import type { Mention } from '../../../../content/scanner/mention-index';

/** A page with a marked name in plain text, one inside a link, a link without one, and a button. */
function page() {
  document.body.innerHTML = `
    <p id="text">Tổng thống Vladimir Putin cho biết</p>
    <p><a id="mark-link" href="/tag/peskov"><span id="in-link">Dmitry Peskov</span></a></p>
    <p><a id="plain-link" href="/other">Tin khác</a></p>
    <button id="button"><span id="in-button">New START</span></button>`;
  const el = (id: string) => document.getElementById(id)!;
  const putin = { entity: 0 } as unknown as Mention;
  const peskov = { entity: 1 } as unknown as Mention;
  const newStart = { entity: 2 } as unknown as Mention;
  /** Which mention lies under which point: the element ids stand in for the hit-test. */
  const under = new Map<string, Mention>([
    ['text', putin],
    ['in-link', peskov],
    ['in-button', newStart],
  ]);
  const state = {
    at: null as string | null,
    /** Points whose hit-test finds the element `at`; all of them unless said. */
    hits: (_x: number, _y: number) => true,
    open: null as Mention | null,
    opened: [] as Array<{ mention: Mention; link: Element | null }>,
    closes: 0,
    pinned: false,
    inCard: false,
    enabled: true,
  };
  const card: TapCard = {
    mentionAt: (x, y) => (state.at && state.hits(x, y) ? (under.get(state.at) ?? null) : null),
    inCard: () => state.inCard,
    openMention: () => state.open,
    isPinned: () => state.pinned,
    open: (mention, _x, _y, link) => {
      state.open = mention;
      state.opened.push({ mention, link });
    },
    close: () => {
      state.open = null;
      state.closes++;
    },
  };
  /** A finger's tap on an element: pointerdown, then the click the browser makes of it. Gives whether the click was let through. */
  const tap = (id: string, pointerType = 'touch') => {
    state.at = id;
    window.dispatchEvent(new PointerEvent('pointerdown', { pointerType, clientX: 10, clientY: 10 }));
    const click = new MouseEvent('click', { bubbles: true, cancelable: true, clientX: 10, clientY: 10 });
    let reachedPage = false;
    el(id).addEventListener('click', () => (reachedPage = true), { once: true });
    const notPrevented = el(id).dispatchEvent(click);
    return { notPrevented, reachedPage };
  };
  return { state, card, tap, putin, peskov, el };
}

let controller: AbortController;
beforeEach(() => {
  controller = new AbortController();
});
afterEach(() => controller.abort());

describe('a tap on a mark', () => {
  it('opens its card, and the tap still reaches the page', () => {
    const { state, card, tap, putin } = page();
    watchTaps(card, () => state.enabled, controller.signal);
    expect(tap('text')).toEqual({ notPrevented: true, reachedPage: true });
    expect(state.opened).toEqual([{ mention: putin, link: null }]);
  });

  it('opens nothing for a mouse or a pen: they hover', () => {
    const { state, card, tap } = page();
    watchTaps(card, () => state.enabled, controller.signal);
    tap('text', 'mouse');
    tap('text', 'pen');
    expect(state.opened).toEqual([]);
  });

  it('opens nothing when "Tap to explain" is off, and closes a card that was open', () => {
    const { state, card, tap, putin } = page();
    watchTaps(card, () => state.enabled, controller.signal);
    state.enabled = false;
    state.open = putin;
    tap('text');
    expect(state.opened).toEqual([]);
    expect(state.open).toBeNull();
  });

  it('counts a fingertip just off the line as on the mark', () => {
    const { state, card, tap, putin } = page();
    watchTaps(card, () => state.enabled, controller.signal);
    // The text is hit only TAP_SLOP_PX below where the finger landed.
    state.hits = (_x, y) => y === 10 + TAP_SLOP_PX;
    tap('text');
    expect(state.opened.map((o) => o.mention)).toEqual([putin]);
    state.open = null;
    state.opened = [];
    state.hits = (_x, y) => y === 10 + TAP_SLOP_PX + 1;
    tap('text');
    expect(state.opened).toEqual([]);
  });

  it('keeps its card open when tapped again (plain text)', () => {
    const { state, card, tap } = page();
    watchTaps(card, () => state.enabled, controller.signal);
    tap('text');
    tap('text');
    expect(state.opened).toHaveLength(1);
    expect(state.closes).toBe(0);
  });
});

describe('a marked name inside a link', () => {
  it('opens the card on the first tap, which neither follows the link nor reaches the page, and offers the link', () => {
    const { state, card, tap, peskov, el } = page();
    watchTaps(card, () => state.enabled, controller.signal);
    expect(tap('in-link')).toEqual({ notPrevented: false, reachedPage: false });
    expect(state.opened).toEqual([{ mention: peskov, link: el('mark-link') }]);
  });

  it('follows the link on the second tap, and the card closes', () => {
    const { state, card, tap } = page();
    watchTaps(card, () => state.enabled, controller.signal);
    tap('in-link');
    expect(tap('in-link')).toEqual({ notPrevented: true, reachedPage: true });
    expect(state.opened).toHaveLength(1);
    expect(state.open).toBeNull();
  });

  it('is followed at once when "Tap to explain" is off', () => {
    const { state, card, tap } = page();
    watchTaps(card, () => state.enabled, controller.signal);
    state.enabled = false;
    expect(tap('in-link')).toEqual({ notPrevented: true, reachedPage: true });
    expect(state.opened).toEqual([]);
  });
});

describe('taps that stay the page’s', () => {
  it('a link with no mark is followed, and closes the open card', () => {
    const { state, card, tap, putin } = page();
    watchTaps(card, () => state.enabled, controller.signal);
    state.open = putin;
    expect(tap('plain-link')).toEqual({ notPrevented: true, reachedPage: true });
    expect(state.open).toBeNull();
    expect(state.opened).toEqual([]);
  });

  it('a button is pressed, even over marked text', () => {
    const { state, card, tap } = page();
    watchTaps(card, () => state.enabled, controller.signal);
    expect(tap('in-button')).toEqual({ notPrevented: true, reachedPage: true });
    expect(state.opened).toEqual([]);
  });

  it('a tap inside the card is the card’s own', () => {
    const { state, card, tap, putin } = page();
    watchTaps(card, () => state.enabled, controller.signal);
    state.open = putin;
    state.inCard = true;
    tap('plain-link');
    expect(state.open).toBe(putin);
  });

  it('a tap outside leaves a pinned card open', () => {
    const { state, card, tap, putin } = page();
    watchTaps(card, () => state.enabled, controller.signal);
    state.open = putin;
    state.pinned = true;
    tap('plain-link');
    expect(state.open).toBe(putin);
  });

  it('a click the page already handled is left alone', () => {
    const { state, card, el } = page();
    watchTaps(card, () => state.enabled, controller.signal);
    state.at = 'text';
    window.dispatchEvent(new PointerEvent('pointerdown', { pointerType: 'touch' }));
    const click = new MouseEvent('click', { bubbles: true, cancelable: true });
    click.preventDefault();
    el('text').dispatchEvent(click);
    expect(state.opened).toEqual([]);
  });

  it('nothing is watched once the period ends', () => {
    const { state, card, tap } = page();
    watchTaps(card, () => state.enabled, controller.signal);
    controller.abort();
    expect(tap('in-link')).toEqual({ notPrevented: true, reachedPage: true });
    expect(state.opened).toEqual([]);
  });
});
