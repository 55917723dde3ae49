/**
 * The publication date of the article around a mention, at the precision the page gives it
 * (a day, a month or a year): a `<time>` or a byline inside its `<article>`, else the page's
 * own metadata, a `<time>`, a byline, or a date in the address; null when none.
 */
import { dateFromJsonLd, dateFromString, dateFromUrl, mostPrecise } from '../../lib/page-date';

const META_SELECTORS = [
  'meta[property="article:published_time"]',
  'meta[itemprop="datePublished"]',
  'meta[name="pubdate"]',
  'meta[name="publishdate"]',
];

/** Where CMSs print the date: a byline, a "date"/"time" box, or schema.org's datePublished. */
const BYLINE = '[itemprop="datePublished"],[class*="date" i],[class*="time" i],[class*="byline" i],[class*="publish" i],[class*="meta" i]';
/** Byline boxes read at most: a date sits near the headline. */
const BYLINES_READ = 12;
/** Longer text is not a byline but a block of the article or a list. */
const BYLINE_MAX_CHARS = 160;

const pageDates = new WeakMap<Document, string | null>();
/** Per article element, read once: every segment of a long article asks. */
const articleDates = new WeakMap<Element, string | null>();

/** A `<time>`'s machine date, else its text; then the bylines' text. */
function ownDate(scope: ParentNode): string | null {
  const time = scope.querySelector('time');
  const fromTime = time ? (dateFromString(time.getAttribute('datetime') ?? '') ?? dateFromString(time.textContent ?? '', true)) : null;
  const bylines = [...scope.querySelectorAll(BYLINE)].slice(0, BYLINES_READ);
  const fromBylines = bylines.map((el) => {
    const content = el.getAttribute('content') ?? el.getAttribute('datetime');
    if (content) return dateFromString(content);
    const text = el.textContent ?? '';
    return text.length <= BYLINE_MAX_CHARS ? dateFromString(text, true) : null;
  });
  return mostPrecise([fromTime, ...fromBylines]);
}

function readPageDate(document: Document): string | null {
  const fromMeta = META_SELECTORS.map((selector) => {
    const content = document.querySelector(selector)?.getAttribute('content');
    return content ? dateFromString(content) : null;
  });
  const fromJsonLd = [...document.querySelectorAll('script[type="application/ld+json"]')].map((script) =>
    dateFromJsonLd(script.textContent ?? ''),
  );
  const body = document.body;
  return mostPrecise([...fromMeta, ...fromJsonLd, body ? ownDate(body) : null, dateFromUrl(document.location?.href ?? '')]);
}

function pageDate(document: Document): string | null {
  if (!pageDates.has(document)) pageDates.set(document, readPageDate(document));
  return pageDates.get(document) ?? null;
}

function readArticleDate(article: Element, document: Document): string | null {
  const own = ownDate(article);
  if (own) return own;
  // A page with several articles dates only those that carry their own date.
  return document.querySelectorAll('article').length > 1 ? null : pageDate(document);
}

export function articleDate(near: Node): string | null {
  const document = near.ownerDocument;
  if (!document) return null;
  const article = (near.nodeType === 1 ? (near as Element) : near.parentElement)?.closest('article');
  if (!article) return pageDate(document);
  if (!articleDates.has(article)) articleDates.set(article, readArticleDate(article, document));
  return articleDates.get(article) ?? null;
}
