/**
 * Reading an article's publication date from what pages carry, at the precision they carry
 * it: ISO timestamps, months and years (`article:published_time`, JSON-LD `datePublished`,
 * `<time datetime>`), Vietnamese bylines ("Thứ Tư, 16/6/2021 10:05", "16 tháng 6 năm 2021",
 * "tháng 6/2021"), or a date in the address. The result is YYYY-MM-DD, YYYY-MM or YYYY, or
 * null: a month is enough to tell who held a role that changed hands in another month.
 */

const pad = (n: number) => String(n).padStart(2, '0');

function valid(year: number, month?: number, day?: number): string | null {
  if (year < 1900 || year > 2100) return null;
  if (month === undefined) return String(year);
  if (month < 1 || month > 12) return null;
  if (day === undefined) return `${year}-${pad(month)}`;
  if (day < 1 || day > 31) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** An ISO date at any precision, alone or before a time: "2021-06-16T08:00:00+07:00", "2021-02", "2021". */
const ISO = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?![\d/.])/u;
/** Day, month, year as Vietnamese write them: "16/6/2021", "16-06-2021", "16.06.2021". */
const VI_DAY = /(?:^|[^\d/.-])(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?!\d)/u;
/** "16 tháng 6 năm 2021", "ngày 16 tháng 06, 2021". */
const VI_DAY_WORDS = /(?:^|\D)(\d{1,2}) tháng (\d{1,2})(?: năm|,)? (\d{4})(?!\d)/iu;
/** A month: "tháng 6/2021", "tháng 6 năm 2021", "Tháng 06-2021". */
const VI_MONTH = /tháng (\d{1,2})(?: năm |[/.-])(\d{4})(?!\d)/iu;

/**
 * A date in an attribute or a byline. With `loose` (a byline's text, not a machine-readable
 * value), a bare "6/2021" counts as a month and "năm 2021" as a year.
 */
export function dateFromString(value: string, loose = false): string | null {
  const text = value.normalize('NFC').trim();
  const iso = ISO.exec(text);
  // A year alone only as the whole value: "2021" is a year, "2021 bài viết" is not a date.
  if (iso && (iso[2] !== undefined || text.length === 4)) {
    return valid(Number(iso[1]), iso[2] === undefined ? undefined : Number(iso[2]), iso[3] === undefined ? undefined : Number(iso[3]));
  }
  const day = VI_DAY.exec(text) ?? VI_DAY_WORDS.exec(text);
  if (day) return valid(Number(day[3]), Number(day[2]), Number(day[1]));
  const month = VI_MONTH.exec(text) ?? (loose ? /(?:^|[^\d/.-])(\d{1,2})[/-](\d{4})(?![\d/.-])/u.exec(text) : null);
  if (month) return valid(Number(month[2]), Number(month[1]));
  const year = loose ? /năm (\d{4})(?!\d)/iu.exec(text) : null;
  return year ? valid(Number(year[1])) : null;
}

/** "/2021/06/16/…", "/2021/06/…" (a month), or "…-20210616…" in an address. */
export function dateFromUrl(url: string): string | null {
  const path = /\/((?:19|20)\d{2})\/(0?[1-9]|1[0-2])\/(?:(0?[1-9]|[12]\d|3[01])(?:\/|$))?/u.exec(url);
  if (path) return valid(Number(path[1]), Number(path[2]), path[3] === undefined ? undefined : Number(path[3]));
  // Digits that begin with a plausible date (a time may follow: 20210616083000).
  const compact = /(?:^|[^\d])((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])/u.exec(url);
  if (compact) return valid(Number(compact[1]), Number(compact[2]), Number(compact[3]));
  return null;
}

/** The first `datePublished` in a JSON-LD block (objects, arrays and `@graph` included). */
export function dateFromJsonLd(json: string): string | null {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return null;
  }
  const queue: unknown[] = [data];
  for (let i = 0; i < queue.length && i < 200; i++) {
    const item = queue[i];
    if (Array.isArray(item)) queue.push(...item);
    else if (item && typeof item === 'object') {
      const record = item as Record<string, unknown>;
      if (typeof record.datePublished === 'string') {
        const date = dateFromString(record.datePublished);
        if (date) return date;
      }
      if (record['@graph']) queue.push(record['@graph']);
    }
  }
  return null;
}

/**
 * The date to use from what a page's sources gave, in order of trust: the first, made more
 * precise by a later one that agrees with it ("2021-06" then "2021-06-16").
 */
export function mostPrecise(dates: ReadonlyArray<string | null>): string | null {
  const found = dates.filter((d): d is string => d !== null);
  const first = found[0];
  if (first === undefined) return null;
  return found.find((d) => d.length > first.length && d.startsWith(first)) ?? first;
}
