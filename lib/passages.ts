/**
 * Splits an article into passages (sentences) with stable ids.
 *
 * A passage id is `p<paragraph>s<sentence>`, both counted from 1 over the article's body
 * (its title line excluded), so ids stay put as long as the text above them does. A sentence
 * ends at . ! ? or … followed by a space and a capital, digit or opening quote, never inside
 * a quotation: a quoted speech of several sentences stays one passage, so a fact never
 * quotes half of someone's words.
 */

export interface Passage {
  /** `p<paragraph>s<sentence>`, unique within the article. */
  id: string;
  paragraph: number;
  sentence: number;
  text: string;
}

const OPENING = new Set(['“', '‘', '«', '„']);
const CLOSING = new Set(['”', '’', '»']);
const STRAIGHT = new Set(['"']);
const TERMINAL = /[.!?…]/u;
/** Abbreviations that end in a full stop without ending a sentence. */
const ABBREVIATIONS = /(?:^|\s)(?:TP|Tp|GS|PGS|TS|ThS|BS|Q|P|St|Mr|Mrs|Ms|Dr|Jr|U\.S|v\.v)\.$/u;

export function splitSentences(paragraph: string): string[] {
  const text = paragraph.trim();
  const sentences: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    let closedQuote = false;
    if (OPENING.has(ch)) depth++;
    else if (CLOSING.has(ch)) {
      depth = Math.max(0, depth - 1);
      closedQuote = depth === 0;
    } else if (STRAIGHT.has(ch)) {
      // A straight quote opens after a space or at the start, and closes otherwise.
      const prev = text[i - 1];
      if (depth > 0 && prev !== undefined && !/[\s(:]/u.test(prev)) {
        depth--;
        closedQuote = depth === 0;
      } else depth++;
    }
    // A sentence ends at a stop outside quotes, or where a quote that ends in a stop closes.
    const ends = depth === 0 && (TERMINAL.test(ch) || (closedQuote && TERMINAL.test(text[i - 1] ?? '')));
    if (!ends) continue;
    let end = i + 1;
    while (end < text.length && /[.!?…)\]"”’»]/u.test(text[end]!)) end++;
    const rest = text.slice(end);
    const gap = /^\s+/u.exec(rest);
    if (!gap) continue;
    const nextChar = rest[gap[0].length];
    if (nextChar === undefined || !/[\p{Lu}\p{N}“"‘«(]/u.test(nextChar)) continue;
    if (ABBREVIATIONS.test(text.slice(from, end))) continue;
    sentences.push(text.slice(from, end).trim());
    from = end + gap[0].length;
    i = from - 1;
  }
  const last = text.slice(from).trim();
  if (last) sentences.push(last);
  return sentences;
}

/** Paragraphs are the non-empty lines of the body. */
export function splitPassages(body: string): Passage[] {
  const passages: Passage[] = [];
  const paragraphs = body.split(/\r?\n/u).filter((line) => line.trim() !== '');
  paragraphs.forEach((paragraph, p) => {
    splitSentences(paragraph).forEach((text, s) => {
      passages.push({ id: `p${p + 1}s${s + 1}`, paragraph: p + 1, sentence: s + 1, text });
    });
  });
  return passages;
}

/** A passage of an article, with where it stands in the article's text file. */
export interface ArticlePassage {
  /** `p<paragraph>s<sentence>` within the article. */
  id: string;
  text: string;
  /** The line of the text file it is on (from 1), for messages. */
  line: number;
}

/**
 * An article's passages as the dataset numbers them: with `titleIsFirstLine` the first line is
 * the headline, passage p0s1, and paragraphs are counted from the line after it.
 */
export function articlePassages(text: string, rule: { title: string | null; titleIsFirstLine: boolean }): ArticlePassage[] {
  const lines = text.split(/\r?\n/u);
  const bodyStart = rule.titleIsFirstLine ? 1 : 0;
  const head: ArticlePassage[] = rule.titleIsFirstLine && rule.title ? [{ id: 'p0s1', text: rule.title, line: 1 }] : [];
  const bodyLines = lines.slice(bodyStart);
  const paragraphLines = bodyLines.flatMap((line, i) => (line.trim() ? [bodyStart + i + 1] : []));
  const body = splitPassages(bodyLines.join('\n')).map((p) => ({ id: p.id, text: p.text, line: paragraphLines[p.paragraph - 1] ?? 1 }));
  return [...head, ...body];
}
