/** Dates as the dataset keeps them (ISO, possibly partial) and as Vietnamese readers write them. */

/** "2021-06-16" → "16/6/2021", "2012-05" → "5/2012", "2008" → "2008". */
export function formatDateVi(iso: string): string {
  const [year, month, day] = iso.split('-');
  if (day) return `${Number(day)}/${Number(month)}/${year}`;
  if (month) return `${Number(month)}/${year}`;
  return year ?? iso;
}

/** Today as YYYY-MM-DD in local time. */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Whether a partial date has begun by `day`: "2012-05" has begun by "2012-05-01". */
export function hasBegun(partial: string, day: string): boolean {
  return partial <= day.slice(0, partial.length);
}

/**
 * Whether a tenure from `from` to `to` (partial dates; `to` exclusive, null while it lasts)
 * covers `day`: the successor, not the one who left, holds a role on the day it changes hands.
 */
export function heldOn(from: string, to: string | null | undefined, day: string): boolean {
  return hasBegun(from, day) && (to == null || day.slice(0, to.length) < to);
}
