/**
 * When the scanner works: in slices of a few milliseconds, each started when the page is
 * idle, and not at all while the tab is hidden, unless someone waits for the marks (the
 * popup asking). Every slice is measured for the benchmark (dom/work-timing.ts).
 */
import { measureSlice } from '../dom/work-timing';

/** Longest stretch of work before yielding to the page. */
const SLICE_MS = 8;

function idle(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: 50 });
    else setTimeout(resolve, 0);
  });
}

export class SliceSchedule {
  /** Start of the slice under way. */
  private sliceStart = 0;
  /** How many wait for the marks: while any does, a hidden tab works on. */
  private waiters = 0;
  private wake: (() => void) | null = null;

  constructor(private readonly signal: AbortSignal) {}

  /** Starts a slice of work now. */
  begin(): void {
    this.sliceStart = performance.now();
  }

  /** Ends the slice under way (its measure goes on the page's timeline). */
  end(): void {
    measureSlice(this.sliceStart);
  }

  /** Whether the slice under way has used its time. */
  spent(): boolean {
    return performance.now() - this.sliceStart > SLICE_MS;
  }

  /**
   * Someone is waiting for the marks: work on even while the tab is hidden, until the returned
   * release is called. Counted, so that the work pauses again exactly when no one waits.
   */
  hurry(): () => void {
    this.waiters++;
    this.wake?.();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.waiters--;
    };
  }

  /**
   * Yields to the page: until it is idle, and, while the tab is hidden, until it is shown
   * again (or someone waits for the marks, or the work is called off).
   */
  async next(): Promise<void> {
    await idle();
    while (document.visibilityState === 'hidden' && this.waiters === 0 && !this.signal.aborted) {
      await new Promise<void>((resolve) => {
        const done = () => {
          this.wake = null;
          document.removeEventListener('visibilitychange', done);
          this.signal.removeEventListener('abort', done);
          resolve();
        };
        this.wake = done;
        document.addEventListener('visibilitychange', done);
        this.signal.addEventListener('abort', done);
      });
    }
  }
}
