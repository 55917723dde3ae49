/**
 * Runs inside a page (bundled and injected by the Firefox driver): finds elements by ARIA role
 * and accessible name, or by CSS, through open shadow roots, as Playwright's `getByRole` and
 * `locator` do in Chromium. Roles and names come from dom-accessibility-api, the library
 * Testing Library uses (Chromium's tests use Playwright's own engine, which follows the same
 * ARIA rules). It runs in the page's own world: a page that breaks the DOM's built-ins could
 * mislead it (the hostile-page tests use it only around the extension's own elements).
 */
import { computeAccessibleName, getRole } from 'dom-accessibility-api';
import type { QueryStep } from './query-steps';

/** Every element under `root`, in document order, entering open shadow roots. */
function deepElements(root: ParentNode): Element[] {
  const out: Element[] = [];
  const visit = (parent: ParentNode) => {
    for (const child of Array.from(parent.children)) {
      out.push(child);
      if (child.shadowRoot) visit(child.shadowRoot);
      visit(child);
    }
  };
  if (root instanceof Element && root.shadowRoot) visit(root.shadowRoot);
  visit(root);
  return out;
}

/**
 * Splits a selector where `splitsAt(i)` says, only outside brackets, parentheses and quotes;
 * the character split at is dropped, and empty parts too.
 */
function splitOutside(selector: string, splitsAt: (i: number) => boolean): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote = '';
  let current = '';
  for (let i = 0; i < selector.length; i++) {
    const c = selector[i]!;
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '[' || c === '(') depth++;
    else if (c === ']' || c === ')') depth--;
    else if (depth === 0 && splitsAt(i)) {
      parts.push(current.trim());
      current = '';
      continue;
    }
    current += c;
  }
  parts.push(current.trim());
  return parts.filter(Boolean);
}

/** Splits a selector list at its commas. */
const selectorList = (selector: string) => splitOutside(selector, (i) => selector[i] === ',');

/**
 * Splits a selector at its descendant combinators (whitespace not beside ">", "+" or "~"):
 * each part is looked for inside the last part's elements, shadow roots included, as
 * Playwright's CSS engine does.
 */
const descendantParts = (selector: string) =>
  splitOutside(selector, (i) => {
    if (!/\s/.test(selector[i]!)) return false;
    const before = selector.slice(0, i).trimEnd().slice(-1);
    const after = selector.slice(i).trimStart()[0] ?? '';
    return before !== '' && !'>+~'.includes(before) && !'>+~'.includes(after);
  });

function deepCss(root: ParentNode, selector: string): Element[] {
  const found = new Set<Element>();
  for (const one of selectorList(selector)) for (const el of deepCssOne(root, one)) found.add(el);
  return [...found];
}

function deepCssOne(root: ParentNode, selector: string): Element[] {
  let scopes: ParentNode[] = [root];
  let found: Element[] = [];
  for (const part of descendantParts(selector)) {
    const next = new Set<Element>();
    for (const scope of scopes) {
      // ":scope" means the element searched from, which only querySelectorAll knows.
      const matches = part.includes(':scope')
        ? Array.from(scope.querySelectorAll(part))
        : deepElements(scope).filter((el) => el.matches(part));
      for (const el of matches) next.add(el);
    }
    found = [...next];
    scopes = found;
  }
  return found;
}

/**
 * Not hidden from assistive technology, as Playwright's role queries judge it: no
 * `aria-hidden="true"` on it or above it, not `display: none` (itself or above), not
 * `visibility: hidden`. A box of zero size still counts.
 */
function exposed(el: Element): boolean {
  for (let node: Element | null = el; node; node = parentOf(node)) {
    if (node.getAttribute('aria-hidden') === 'true') return false;
  }
  return el.checkVisibility({ visibilityProperty: true });
}

function parentOf(el: Element): Element | null {
  if (el.parentElement) return el.parentElement;
  const root = el.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

/** Has a box on the page and is not `visibility: hidden`, as Playwright judges visibility. */
export function visible(el: Element): boolean {
  const rect = el.getBoundingClientRect();
  if (rect.width === 0 && rect.height === 0 && el.getClientRects().length === 0) return false;
  return getComputedStyle(el).visibility !== 'hidden' && (rect.width > 0 || rect.height > 0);
}

function nameMatches(el: Element, wanted: QueryStep & { kind: 'role' }): boolean {
  if (wanted.name === undefined) return true;
  const name = computeAccessibleName(el).replace(/\s+/g, ' ').trim();
  if (typeof wanted.name === 'string') return name.toLowerCase().includes(wanted.name.replace(/\s+/g, ' ').trim().toLowerCase());
  return new RegExp(wanted.name.source, wanted.name.flags).test(name);
}

function levelOf(el: Element): number | null {
  const aria = el.getAttribute('aria-level');
  if (aria) return Number(aria);
  const m = /^H([1-6])$/.exec(el.tagName);
  return m ? Number(m[1]) : null;
}

function step(roots: Element[] | Document[], query: QueryStep): Element[] {
  if (query.kind === 'nth') {
    const el = query.index < 0 ? roots[roots.length + query.index] : roots[query.index];
    return el instanceof Element ? [el] : [];
  }
  const found = new Set<Element>();
  for (const root of roots) {
    if (query.kind === 'css') {
      for (const el of deepCss(root, query.selector)) found.add(el);
      continue;
    }
    // A text is looked for in the element searched from too, as Playwright's getByText does.
    const candidates = query.kind === 'text' && root instanceof Element ? [root, ...deepElements(root)] : deepElements(root);
    for (const el of candidates) {
      if (query.kind === 'role') {
        if (
          getRole(el) === query.role &&
          (query.level === undefined || levelOf(el) === query.level) &&
          exposed(el) &&
          nameMatches(el, query)
        )
          found.add(el);
      } else if (holdsText(el, squash(query.text))) {
        found.add(el);
      }
    }
  }
  return inDocumentOrder([...found], roots);
}

/** `elements` in the order a walk of `roots` (shadow roots included) meets them. */
function inDocumentOrder(elements: Element[], roots: Element[] | Document[]): Element[] {
  if (elements.length < 2) return elements;
  const position = new Map<Element, number>();
  let k = 0;
  for (const root of roots) {
    if (root instanceof Element) position.set(root, k++);
    for (const el of deepElements(root)) if (!position.has(el)) position.set(el, k++);
  }
  return elements.sort((a, b) => (position.get(a) ?? 0) - (position.get(b) ?? 0));
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();

/** Holds the text (whitespace squashed, case ignored) while none of its child elements does: the smallest element with it, as Playwright's getByText finds. */
function holdsText(el: Element, wanted: string): boolean {
  if (el.localName === 'script' || el.localName === 'style' || el.localName === 'head') return false;
  if (!squash(el.textContent ?? '').includes(wanted)) return false;
  return !Array.from(el.children).some((child) => squash(child.textContent ?? '').includes(wanted));
}

/** The elements `steps` lead to, from the document or from the element `scope`. */
export function queryAll(steps: QueryStep[], scope?: Element | null): Element[] {
  let current: Element[] | Document[] = scope ? [scope] : [document];
  for (const query of steps) current = step(current, query);
  return current as Element[];
}

(globalThis as unknown as { __boiCanhQuery: unknown }).__boiCanhQuery = { queryAll, visible };
