/**
 * Where the article is. Readers want the names in the story explained, not the ones in
 * menus, "related news" lists and footers, so the scanner reads the article body when the
 * page has one, and the whole page less its navigation, banners and footers when it has not.
 *
 * Plain DOM only (no extension API): the evaluation runs it on a DOM built in Node.
 */

/**
 * Article bodies, most specific first. Schema.org markup, then the body containers of the
 * common Vietnamese news CMSs (VnExpress, Tuổi Trẻ, Thanh Niên, Dân trí, VietNamNet, Zing,
 * VOV, Báo Chính phủ, WordPress sites), then HTML's own `article` and `main`.
 */
const BODY_SELECTORS = [
  '[itemprop="articleBody"]',
  [
    '.fck_detail',
    '.detail-content',
    '.detail__content',
    '.detail-cmain',
    '.singular-content',
    '.dt-news__content',
    '.maincontent',
    '.main-content-detail',
    '.the-article-body',
    '.article-body',
    '.article__body',
    '.article-content',
    '.content-detail',
    '.detail-body',
    '.cms-body',
    '#main-detail',
    '.entry-content',
    '.post-content',
    '.news-content',
    '.knc-content',
    '.text-long',
  ].join(','),
  'article',
  'main, [role="main"]',
];

/** Page furniture: never read, wherever it sits. */
const FURNITURE = new Set(['nav', 'aside', 'footer']);
const FURNITURE_ROLES = new Set(['navigation', 'menu', 'menubar', 'complementary', 'contentinfo', 'banner', 'search']);

/** Less text than this and a container is a teaser or an empty shell, not the article. */
const MIN_BODY_CHARS = 200;

/**
 * The elements to read: the outermost matches of the most specific selector that finds
 * some text, or `body` when none does.
 */
export function articleRoots(doc: Document): Element[] {
  const body = doc.body;
  if (!body) return [];
  for (const selector of BODY_SELECTORS) {
    let found: Element[];
    try {
      found = [...doc.querySelectorAll(selector)];
    } catch {
      continue;
    }
    const outer = found.filter((el) => !found.some((other) => other !== el && other.contains(el)));
    if (outer.length > 0 && hasText(outer, MIN_BODY_CHARS)) return outer;
  }
  return [body];
}

/** Whether the elements hold at least `min` characters of text, reading no more than that. */
function hasText(elements: Element[], min: number): boolean {
  let count = 0;
  for (const el of elements) {
    const walker = el.ownerDocument.createTreeWalker(el, 0x4 /* SHOW_TEXT */);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      count += (node as Text).data.length;
      if (count >= min) return true;
    }
  }
  return false;
}

/**
 * Whether an element is page furniture (navigation, menus, sidebars, footers, the site's
 * banner). A `header` is furniture only outside an article, where it is the site's
 * masthead; inside one it holds the headline.
 */
export function isFurniture(el: Element): boolean {
  const name = el.localName;
  if (FURNITURE.has(name)) return true;
  const role = el.getAttribute('role');
  if (role && FURNITURE_ROLES.has(role)) return true;
  if (name === 'header') return !el.closest('article, [itemprop="articleBody"]');
  return false;
}
