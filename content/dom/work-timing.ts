/**
 * Each slice of the content script's work is a User Timing measure, `boi-canh:slice`, on the
 * page's timeline: the benchmark (npm run bench) sums them to get what Bối cảnh costs a page.
 */
import { SLICE_MEASURE } from '../../lib/constants';

export function measureSlice(start: number): void {
  try {
    performance.measure(SLICE_MEASURE, { start, end: performance.now() });
  } catch {
    // A page that replaced `performance` gets no measures; the work goes on.
  }
}
