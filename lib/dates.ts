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

/** A partial date's first day: "2021" → "2021-01-01", "2021-02" → "2021-02-01". */
function firstDay(partial: string): string {
  return `${partial}-01-01`.slice(0, 10);
}

/** Days after, by partial date: a page asks about the same few dates for every role phrase. */
const daysAfter = new Map<string, string>();

/** The first day after a partial date's period: "2021-06-30" → "2021-07-01", "2021-12" → "2022-01-01". */
function dayAfter(partial: string): string {
  let known = daysAfter.get(partial);
  if (known === undefined) {
    known = computeDayAfter(partial);
    if (daysAfter.size > 256) daysAfter.clear();
    daysAfter.set(partial, known);
  }
  return known;
}

function computeDayAfter(partial: string): string {
  const [year = 0, month, day] = partial.split('-').map(Number);
  const next =
    day !== undefined && month !== undefined
      ? new Date(Date.UTC(year, month - 1, day + 1))
      : month !== undefined
        ? new Date(Date.UTC(year, month, 1))
        : new Date(Date.UTC(year + 1, 0, 1));
  return next.toISOString().slice(0, 10);
}

/**
 * Whether a tenure from `from` to `to` (partial dates; `to` exclusive, null while it lasts)
 * overlaps the period `when` names: a day, a month ("2021-02") or a year ("2021"). On a day,
 * the successor, not the one who left, holds a role on the day it changes hands; a month or a
 * year in which it changed hands was held by both.
 */
export function heldOn(from: string, to: string | null | undefined, when: string): boolean {
  return firstDay(from) < dayAfter(when) && (to == null || firstDay(to) > firstDay(when));
}
