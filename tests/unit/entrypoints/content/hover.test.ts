// @vitest-environment happy-dom
/** Hover intent around scrolling: a scroll event cancels a pending card only if its mention moved away from the pointer. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { INTENT_MS, watchHover, type HoverTarget } from '../../../../entrypoints/content/hover';
import type { Mention } from '../../../../entrypoints/content/scanner';

/** A page with one mention, under the pointer wherever `under` says. */
function fakeTarget() {
  const mention = { entityId: 'dmitry-peskov' } as unknown as Mention;
  const state = { under: true, opened: [] as Mention[], open: null as Mention | null };
  const target: HoverTarget = {
    mentionAt: () => (state.under ? mention : null),
    inCard: () => false,
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

describe('hover intent and scrolling', () => {
  let controller: AbortController;
  beforeEach(() => {
    vi.useFakeTimers();
    controller = new AbortController();
  });
  afterEach(() => {
    controller.abort();
    vi.useRealTimers();
  });

  it('opens the card when a late scroll event leaves the mention under the pointer', () => {
    const { target, state, mention } = fakeTarget();
    watchHover(target, controller.signal);
    rest(100, 100);
    // The scroll came before the pointer rested, its event after (as Firefox delivers it).
    window.dispatchEvent(new Event('scroll'));
    vi.advanceTimersByTime(INTENT_MS + 10);
    expect(state.opened).toEqual([mention]);
  });

  it('opens nothing when the scroll carried the mention away from the pointer', () => {
    const { target, state } = fakeTarget();
    watchHover(target, controller.signal);
    rest(100, 100);
    state.under = false;
    window.dispatchEvent(new Event('scroll'));
    vi.advanceTimersByTime(INTENT_MS + 10);
    expect(state.opened).toEqual([]);
  });

  it('opens nothing while the pointer only crosses the mention', () => {
    const { target, state } = fakeTarget();
    watchHover(target, controller.signal);
    rest(100, 100);
    state.under = false;
    rest(300, 100);
    vi.advanceTimersByTime(INTENT_MS + 10);
    expect(state.opened).toEqual([]);
  });
});
