/**
 * Reading an article's publication date from what pages carry: ISO timestamps
 * (`article:published_time`, JSON-LD `datePublished`, `<time datetime>`), Vietnamese
 * day/month/year, or a date in the address. The result is YYYY-MM-DD, or null.
 */

function valid(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** "2021-06-16T08:00:00+07:00", "2021-06-16", "16/6/2021", "16-06-2021 08:00". */
export function dateFromString(value: string): string | null {
  const text = value.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})/u.exec(text);
  if (iso) return valid(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const vi = /(?:^|\D)(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:\D|$)/u.exec(text);
  if (vi) return valid(Number(vi[3]), Number(vi[2]), Number(vi[1]));
  return null;
}

/** "/2021/06/16/…" or "…-20210616…" in an address. */
export function dateFromUrl(url: string): string | null {
  const path = /\/((?:19|20)\d{2})\/(\d{1,2})\/(\d{1,2})(?:\/|$)/u.exec(url);
  if (path) return valid(Number(path[1]), Number(path[2]), Number(path[3]));
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
