/**
 * What every benchmark prints: medians of repeated runs and Markdown tables, so that the
 * output of `npm run bench` can be pasted into docs/performance.md as it is.
 */

export function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  // An even count takes the mean of the middle two, so two runs do not favour the faster.
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Median of the last `runs` timings of `run` (one warm-up run first, not counted). */
export function time(run: () => unknown, runs: number): number {
  run();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

export const ms = (value: number, digits = 1): string => (Number.isFinite(value) ? `${value.toFixed(digits)} ms` : '—');
export const ratio = (value: number, digits = 1): string => (Number.isFinite(value) ? `${value.toFixed(digits)}×` : '—');
/** Sizes in kB of 1,000 bytes, the unit of the gate and engine budgets (tests/e2e/budget.test.ts). */
export const kB = (bytes: number, digits = 1): string => `${(bytes / 1000).toFixed(digits)} kB`;
export const MB = (bytes: number, digits = 2): string => `${(bytes / 1e6).toFixed(digits)} MB`;

/** A Markdown table with columns padded for the terminal. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...rows.map(line)].join('\n');
}
