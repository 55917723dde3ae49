/**
 * Collects the page's readable text as segments: runs of consecutive text nodes inside one
 * block element, joined so that a name split across inline tags ("Tổng thống <b>Putin</b>")
 * is still one string. Form fields, editable regions, code, page furniture (navigation,
 * sidebars, footers) and the extension's own UI are never read.
 */
import { isFurniture } from './article-scope';

/** Elements whose text is not prose, or not the reader's to have marked. */
const SKIPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'input',
  'select',
  'option',
  'button',
  'code',
  'pre',
  'kbd',
  'samp',
  'var',
  'svg',
  'math',
  'iframe',
  'object',
  'canvas',
  'video',
  'audio',
]);

/** Elements that start a new line of text: a name never runs across them. */
const BLOCKS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'caption',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'html',
  'legend',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);

// DOM constants written out, so this module also runs on a DOM built in Node (the evaluation's fast mode).
const ELEMENT_NODE = 1;
const SHOW_ELEMENT = 0x1;
const SHOW_TEXT = 0x4;

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

/** Whether a node is an element that starts its own block (a paragraph, a list, an article…). */
export function isBlockElement(node: Node): boolean {
  return node.nodeType === ELEMENT_NODE && BLOCKS.has((node as Element).localName);
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

/** Elements that break a line inside a block: a name never runs across them either. */
const BREAKS = 'br, hr, img';
const BREAK_NAMES = new Set(['br', 'hr', 'img']);
const DOCUMENT_POSITION_FOLLOWING = 4;

interface ElementState {
  /** Inside something never read. */
  skip: boolean;
  block: Element;
}

/**
 * Yields the segments under `root` in document order. The walk visits text nodes only (the
 * browser's own fast path) and learns about their ancestors once per parent element: reading
 * a page costs little more than touching its text.
 */
export function* segments(root: Node, ownHost: Element | null): Generator<Segment> {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, SHOW_TEXT);
  const states = new Map<Element, ElementState>();
  const rootElement = root.nodeType === ELEMENT_NODE ? (root as Element) : null;
  const stateOf = (el: Element): ElementState => {
    let state = states.get(el);
    if (state) return state;
    const parent = el === rootElement ? null : el.parentElement;
    if (!parent) {
      // The root (or the top of the document) is read: the caller checked it.
      state = { skip: false, block: el };
    } else {
      const above = stateOf(parent);
      state = {
        skip: above.skip || isSkipped(el, ownHost),
        block: BLOCKS.has(el.localName) ? el : above.block,
      };
    }
    states.set(el, state);
    return state;
  };
  /** Per block: whether it holds a line break at all (most paragraphs do not). */
  const breaks = new Map<Element, boolean>();
  const hasBreaks = (block: Element) => {
    let has = breaks.get(block);
    if (has === undefined) {
      has = block.querySelector(BREAKS) !== null;
      breaks.set(block, has);
    }
    return has;
  };

  let current: Segment | null = null;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node as Text;
    const parent = text.parentElement;
    if (!parent) continue;
    const state = stateOf(parent);
    if (state.skip) {
      // Text not read (a button, code, a field) also ends the run: no name spans it.
      if (current) yield current;
      current = null;
      continue;
    }
    const block = state.block;
    if (current && current.block === block && hasBreaks(block) && breakBetween(current.nodes[current.nodes.length - 1]!, text, doc)) {
      yield current;
      current = null;
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

/** Whether a line break (br, hr, img) stands between two text nodes of one block. */
function breakBetween(before: Text, after: Text, doc: Document): boolean {
  const walker = doc.createTreeWalker(after.parentNode!.getRootNode(), SHOW_ELEMENT);
  walker.currentNode = before;
  for (let el = walker.nextNode(); el; el = walker.nextNode()) {
    if (after.compareDocumentPosition(el) & DOCUMENT_POSITION_FOLLOWING) return false;
    if (BREAK_NAMES.has((el as Element).localName)) return true;
  }
  return false;
}

/** The text node and offset within it of a segment offset; `end` prefers the earlier node at a seam. */
export function locate(segment: Segment, offset: number, end: boolean): [Text, number] {
  let k = segment.nodes.length - 1;
  while (k > 0 && (end ? segment.starts[k]! >= offset : segment.starts[k]! > offset)) k--;
  return [segment.nodes[k]!, offset - segment.starts[k]!];
}
