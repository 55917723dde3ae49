/**
 * The publication date of the article around a mention: a `<time datetime>` inside its
 * `<article>`, else the page's own metadata, else a date in the address; null when none.
 */
import { dateFromJsonLd, dateFromString, dateFromUrl } from '../../lib/page-date';

const META_SELECTORS = [
  'meta[property="article:published_time"]',
  'meta[itemprop="datePublished"]',
  'meta[name="pubdate"]',
  'meta[name="publishdate"]',
];

const pageDates = new WeakMap<Document, string | null>();
/** Per article element, read once: every segment of a long article asks. */
const articleDates = new WeakMap<Element, string | null>();

function readPageDate(document: Document): string | null {
  for (const selector of META_SELECTORS) {
    const content = document.querySelector(selector)?.getAttribute('content');
    const date = content ? dateFromString(content) : null;
    if (date) return date;
  }
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    const date = dateFromJsonLd(script.textContent ?? '');
    if (date) return date;
  }
  const time = document.querySelector('time[datetime]')?.getAttribute('datetime');
  return (time && dateFromString(time)) || dateFromUrl(document.location?.href ?? '');
}

function pageDate(document: Document): string | null {
  if (!pageDates.has(document)) pageDates.set(document, readPageDate(document));
  return pageDates.get(document) ?? null;
}

function readArticleDate(article: Element, document: Document): string | null {
  const time = article.querySelector('time[datetime]')?.getAttribute('datetime');
  const own = time ? dateFromString(time) : null;
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
