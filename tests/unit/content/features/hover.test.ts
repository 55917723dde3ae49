// @vitest-environment happy-dom
/** Hover timing: a card opens after the pointer rests 150 ms, stays 300 ms after it leaves, and a scroll cancels it only if the mention moved away. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchHover, type HoverTarget } from '../../../../content/features/hover';
import type { Mention } from '../../../../content/scanner/mention-index';

// The delays a reader feels, written out rather than imported, so that changing them in the code fails here.
/** The pointer rests this long on a mention before its card opens. */
const INTENT = 150;
/** The card waits this long after the pointer leaves the mention, so that it can travel into the card. */
const GRACE = 300;

/** A page with one mention, under the pointer wherever `under` says. */
function fakeTarget() {
  const mention = { entityId: 'dmitry-peskov' } as unknown as Mention;
  const state = { under: true, inCard: false, opened: [] as Mention[], open: null as Mention | null };
  const target: HoverTarget = {
    mentionAt: () => (state.under ? mention : null),
    inCard: () => state.inCard,
    openMention: () => state.open,
    isPinned: () => false,
    togglePin: () => undefined,
    open: (m) => {
      state.open = m;
      state.opened.push(m);
    },
    close: () => {
      state.open = null;
    },
  };
  return { target, state, mention };
}

function rest(x: number, y: number): void {
  window.dispatchEvent(new PointerEvent('pointermove', { clientX: x, clientY: y, pointerType: 'mouse' }));
  // The pointer is judged on the next frame.
  vi.advanceTimersByTime(20);
}

/** Moves the pointer and runs the frame that judges it: the delays count from here. */
function moveTo(x: number, y: number): void {
  window.dispatchEvent(new PointerEvent('pointermove', { clientX: x, clientY: y, pointerType: 'mouse' }));
  vi.advanceTimersToNextFrame();
}

/** Fake timers for each test, and the signal that ends its hover watching. */
let controller: AbortController;
beforeEach(() => {
  vi.useFakeTimers();
  controller = new AbortController();
});
afterEach(() => {
  controller.abort();
  vi.useRealTimers();
});

describe('hover intent and scrolling', () => {
  it('opens the card when a late scroll event leaves the mention under the pointer', () => {
    const { target, state, mention } = fakeTarget();
    watchHover(target, controller.signal);
    rest(100, 100);
    // The scroll came before the pointer rested, its event after (as Firefox delivers it).
    window.dispatchEvent(new Event('scroll'));
    vi.advanceTimersByTime(INTENT + 10);
    expect(state.opened).toEqual([mention]);
  });

  it('opens nothing when the scroll carried the mention away from the pointer', () => {
    const { target, state } = fakeTarget();
    watchHover(target, controller.signal);
    rest(100, 100);
    state.under = false;
    window.dispatchEvent(new Event('scroll'));
    vi.advanceTimersByTime(INTENT + 10);
    expect(state.opened).toEqual([]);
  });

  it('opens nothing while the pointer only crosses the mention', () => {
    const { target, state } = fakeTarget();
    watchHover(target, controller.signal);
    rest(100, 100);
    state.under = false;
    rest(300, 100);
    vi.advanceTimersByTime(INTENT + 10);
    expect(state.opened).toEqual([]);
  });
});

describe('hover intent and grace', () => {
  /** A card opened on the mention, the pointer then moved off it towards the card. */
  function openThenLeave() {
    const page = fakeTarget();
    watchHover(page.target, controller.signal);
    moveTo(100, 100);
    vi.advanceTimersByTime(INTENT);
    expect(page.state.open, 'the card opened').toBe(page.mention);
    page.state.under = false;
    moveTo(100, 120);
    return page;
  }

  it('opens the card once the pointer has rested 150 ms on the mention, not before', () => {
    const { target, state, mention } = fakeTarget();
    watchHover(target, controller.signal);
    moveTo(100, 100);
    vi.advanceTimersByTime(INTENT - 1);
    expect(state.opened).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(state.opened).toEqual([mention]);
  });

  it('keeps the card open when the pointer reaches it 299 ms after leaving the mention', () => {
    const { state, mention } = openThenLeave();
    vi.advanceTimersByTime(GRACE - 1);
    expect(state.open, 'open 299 ms after leaving').toBe(mention);
    state.inCard = true;
    window.dispatchEvent(new PointerEvent('pointermove', { clientX: 100, clientY: 140, pointerType: 'mouse' }));
    vi.advanceTimersByTime(10 * GRACE);
    expect(state.open, 'open while the pointer is in the card').toBe(mention);
  });

  it('closes the card 300 ms after the pointer left the mention for elsewhere', () => {
    const { state, mention } = openThenLeave();
    vi.advanceTimersByTime(GRACE - 1);
    expect(state.open, 'open 299 ms after leaving').toBe(mention);
    vi.advanceTimersByTime(1);
    expect(state.open, 'closed 300 ms after leaving').toBeNull();
  });
});

describe('fingers do not hover', () => {
  it('leaves a card opened by a tap open when the finger goes down or leaves the page', () => {
    const { target, state, mention } = fakeTarget();
    watchHover(target, controller.signal);
    state.open = mention;
    state.under = false;
    // A tap elsewhere may be a scroll, or the second tap on a marked link: tap.ts decides on its click.
    window.dispatchEvent(new PointerEvent('pointerdown', { clientX: 10, clientY: 10, pointerType: 'touch' }));
    document.dispatchEvent(new PointerEvent('pointerout', { pointerType: 'touch', relatedTarget: null }));
    window.dispatchEvent(new PointerEvent('pointermove', { clientX: 10, clientY: 10, pointerType: 'touch' }));
    vi.advanceTimersByTime(10 * GRACE);
    expect(state.open).toBe(mention);
    // A mouse going down elsewhere still closes it.
    window.dispatchEvent(new PointerEvent('pointerdown', { clientX: 10, clientY: 10, pointerType: 'mouse' }));
    expect(state.open).toBeNull();
  });
});
