/**
 * Collects the page's readable text as segments: runs of consecutive text nodes inside one
 * block element, joined so that a name split across inline tags ("Tổng thống <b>Putin</b>")
 * is still one string. Form fields, editable regions, code, page furniture (navigation,
 * sidebars, footers) and the extension's own UI are never read.
 */
import { isFurniture } from './article-scope';

/** Elements whose text is not prose, or not the reader's to have marked. */
const SKIPPED = new Set([
  'script', 'style', 'noscript', 'template', 'textarea', 'input', 'select', 'option', 'button',
  'code', 'pre', 'kbd', 'samp', 'var', 'svg', 'math', 'iframe', 'object', 'canvas', 'video', 'audio',
]);

/** Elements that start a new line of text: a name never runs across them. */
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'dd', 'details', 'dialog', 'div',
  'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'header', 'hgroup', 'html', 'legend', 'li', 'main', 'nav', 'ol', 'p', 'section', 'summary', 'table',
  'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);

// DOM constants written out, so this module also runs on a DOM built in Node (the evaluation's fast mode).
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const SHOW_ELEMENT = 0x1;
const SHOW_TEXT = 0x4;
const FILTER_ACCEPT = 1;
const FILTER_REJECT = 2;
const FILTER_SKIP = 3;

export interface Segment {
  block: Element;
  nodes: Text[];
  /** Offset of each node's text within `text`. */
  starts: number[];
  text: string;
}

function isEditable(el: Element): boolean {
  const value = el.getAttribute('contenteditable');
  return value !== null && value.toLowerCase() !== 'false';
}

export function isSkipped(el: Element, ownHost: Element | null): boolean {
  return SKIPPED.has(el.localName) || el === ownHost || isEditable(el) || isFurniture(el);
}

/** The nearest block-level ancestor, or `root` itself. */
export function blockOf(node: Node, root: Node): Element {
  let el = node.nodeType === ELEMENT_NODE ? (node as Element) : node.parentElement;
  while (el && el !== root && !BLOCKS.has(el.localName)) el = el.parentElement;
  return el ?? (root as Element);
}

/** True when a node sits inside text that is never scanned (a form field, editable region, code, furniture). */
export function isInsideSkipped(node: Node, ownHost: Element | null): boolean {
  const start = node.nodeType === ELEMENT_NODE ? (node as Element) : node.parentElement;
  for (let el = start; el; el = el.parentElement) if (isSkipped(el, ownHost)) return true;
  return false;
}

/** Yields the segments under `root` in document order. */
export function* segments(root: Node, ownHost: Element | null): Generator<Segment> {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, SHOW_TEXT | SHOW_ELEMENT, {
    acceptNode(node) {
      if (node.nodeType === TEXT_NODE) return FILTER_ACCEPT;
      const el = node as Element;
      if (isSkipped(el, ownHost)) return FILTER_REJECT;
      return el.localName === 'br' || el.localName === 'hr' || el.localName === 'img' ? FILTER_ACCEPT : FILTER_SKIP;
    },
  });
  let current: Segment | null = null;
  const blockCache = new Map<Element, Element>();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType !== TEXT_NODE) {
      // A line break ends the run of text.
      if (current) yield current;
      current = null;
      continue;
    }
    const text = node as Text;
    const parent = text.parentElement;
    if (!parent) continue;
    let block = blockCache.get(parent);
    if (!block) {
      block = blockOf(parent, root);
      blockCache.set(parent, block);
    }
    if (!current || current.block !== block) {
      if (current) yield current;
      current = { block, nodes: [], starts: [], text: '' };
    }
    current.starts.push(current.text.length);
    current.nodes.push(text);
    current.text += text.data;
  }
  if (current) yield current;
}

/** The text node and offset within it of a segment offset; `end` prefers the earlier node at a seam. */
export function locate(segment: Segment, offset: number, end: boolean): [Text, number] {
  let k = segment.nodes.length - 1;
  while (k > 0 && (end ? segment.starts[k]! >= offset : segment.starts[k]! > offset)) k--;
  return [segment.nodes[k]!, offset - segment.starts[k]!];
}
