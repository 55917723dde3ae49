/**
 * Finds every alias of every entity in a text in one pass.
 *
 * Aliases are folded (see normalize.ts) and compiled into an Aho–Corasick automaton; the
 * text is folded once with an offset map, scanned once, and each hit is then checked:
 * - it starts and ends on syllable boundaries (never inside a longer word);
 * - the marks written on the page agree with the alias, syllable by syllable
 *   (missing marks tolerated, wrong ones not: "My" is not "Mỹ" when the page has marks);
 * - an acronym (NATO, INF, START) is written in capitals, or in title case where that cannot
 *   be an ordinary word ("Nato"; "Start" and "Inf" only inside a longer name: "Hiệp ước
 *   New Start"), and an alias ending in one is not
 *   followed by a number (that is another treaty of a series: "START I", "SALT II").
 * Overlapping hits resolve leftmost-longest: "Tổng thống Nga Vladimir Putin" is one mention.
 */
import { agreesWithKey, foldCodes, foldScratch, isWordCode, syllableKey, syllables, type SyllableKey } from './normalize';

/** Written forms remembered per matcher; more than a page's worth of distinct names. */
const AGREED_CACHE = 4096;

export interface Alias {
  /** The alias as curated (with its marks and capitals). */
  text: string;
  /** Index of the entity it names. */
  entity: number;
}

export interface Match {
  /** Offsets into the original text, end exclusive. */
  start: number;
  end: number;
  entity: number;
  /** Index of the alias that matched. */
  alias: number;
  /** For a role phrase resolved to its holder (roles.ts): the index of the role it meant. */
  role?: number;
}

/** What checking a written form against an alias needs, computed on the alias's first such check. */
interface AliasSyllables {
  syllables: string[];
  /** Each syllable's placement-independent key. */
  keys: SyllableKey[];
  /** Per syllable: must be written in capitals (an acronym). */
  capitals: boolean[];
}

/** A Roman numeral or a one- or two-digit number right after a match: "START I", "SALT-2". */
const NUMBER_AFTER = /(?:[ \u00a0]*-[ \u00a0]*|[ \u00a0]+)(?:[IVX]+|\d{1,2})(?![\p{L}\p{N}])/uy;

function numberAt(text: string, at: number): boolean {
  NUMBER_AFTER.lastIndex = at;
  return NUMBER_AFTER.test(text);
}

/** An acronym syllable: two or more letters, all capitals ("NATO", "START", "INF"). */
function isAcronym(syllable: string): boolean {
  return syllable.length >= 2 && /^\p{Lu}+$/u.test(syllable);
}

/** Shortest acronym that may be written in title case: "Inf", "Eu" are too like other words. */
const TITLE_CASE_MIN_LETTERS = 4;
/** Acronyms whose title-case spelling is an ordinary word, so never read as the acronym. */
const WORD_ACRONYMS = new Set(['start', 'salt', 'stop', 'care', 'nest', 'star', 'seal', 'base', 'core', 'fast', 'save', 'safe']);

/**
 * Whether `written` is the acronym `acronym` in title case, and unambiguous so: "Nato" for
 * "NATO" anywhere; a short one or one that spells a word ("Inf", "Start") only where the
 * other words of a longer name vouch for it (`vouched`: "Hiệp ước Inf", "New Start").
 */
function titleCaseAcronym(acronym: string, written: string, vouched: boolean): boolean {
  if (written !== acronym.charAt(0) + acronym.slice(1).toLowerCase()) return false;
  return vouched || (acronym.length >= TITLE_CASE_MIN_LETTERS && !WORD_ACRONYMS.has(acronym.toLowerCase()));
}

/** "Not yet known" and the two answers, for facts about an alias computed on its first hit. */
const UNKNOWN = 0;
const NO = 1;
const YES = 2;

/**
 * The automaton lives in typed arrays only, and its states are numbered breadth-first with
 * each state's children consecutive: the edge at index e leads to state e + 1, so transitions
 * need no target table, and the failure links are computed in one pass in state order.
 * Building it takes a few array passes over the folded aliases, cheap even in the page's cold
 * code; what only some hits need (syllable keys, acronyms) is computed on an alias's first hit.
 */
export class Matcher {
  /** Transitions out of the root, by folded code unit: one array read for most characters. */
  private readonly rootNext = new Int32Array(0x10000);
  /** State k's edges are edgeCode[edgeStart[k] .. edgeStart[k + 1]); edge e leads to state e + 1. */
  private readonly edgeStart: Int32Array;
  private readonly edgeCode: Uint16Array;
  private readonly failTo: Int32Array;
  /** The first alias ending at each state (-1: none); aliasNext chains the others, in index order. */
  private readonly outFirst: Int32Array;
  private readonly aliasNext: Int32Array;
  /** The nearest state down the failure links where an alias ends (0: none). */
  private readonly outLink: Int32Array;
  /** Each alias's folded length. */
  private readonly aliasLength: Int32Array;
  /** Per alias: whether it ends in an acronym (refused before a number), once known. */
  private readonly endsInAcronym: Uint8Array;
  private readonly syllableInfo: Array<AliasSyllables | undefined>;

  /**
   * `trie` is the automaton's shape as `trie()` wrote it for the same aliases (at build
   * time): given, the aliases are neither folded nor inserted, which is most of the build's
   * cost in a page's cold code.
   */
  constructor(
    readonly aliases: readonly Alias[],
    trie?: MatcherTrie,
  ) {
    const count = aliases.length;
    this.aliasLength = new Int32Array(count);
    const rootNext = this.rootNext;
    const { edgeStart, edgeCode, ends } = trie ? this.readTrie(trie, count) : this.insertAliases();
    const states = edgeStart.length - 1;
    for (let e = edgeStart[0]!; e < edgeStart[1]!; e++) rootNext[edgeCode[e]!] = e + 1;

    // Failure links, parents before children: the longest proper suffix that is a state.
    const failTo = new Int32Array(states);
    for (let parent = 1; parent < states; parent++) {
      for (let e = edgeStart[parent]!, last = edgeStart[parent + 1]!; e < last; e++) {
        const code = edgeCode[e]!;
        let f = failTo[parent]!;
        let target = 0;
        for (;;) {
          if (f === 0) {
            target = rootNext[code]!;
            break;
          }
          let g = edgeStart[f]!;
          const stop = edgeStart[f + 1]!;
          while (g < stop && edgeCode[g] !== code) g++;
          if (g < stop) {
            target = g + 1;
            break;
          }
          f = failTo[f]!;
        }
        failTo[e + 1] = target;
      }
    }

    // Outputs: each state's own aliases in index order, then those down its failure links.
    const outFirst = new Int32Array(states).fill(-1);
    const aliasNext = new Int32Array(count).fill(-1);
    for (let index = count - 1; index >= 0; index--) {
      if (ends[index] === 0) continue;
      const state = ends[index]!;
      aliasNext[index] = outFirst[state]!;
      outFirst[state] = index;
    }
    const outLink = new Int32Array(states);
    for (let state = 1; state < states; state++) {
      const f = failTo[state]!;
      outLink[state] = outFirst[f]! >= 0 ? f : outLink[f]!;
    }

    this.edgeStart = edgeStart;
    this.edgeCode = edgeCode;
    this.failTo = failTo;
    this.outFirst = outFirst;
    this.aliasNext = aliasNext;
    this.outLink = outLink;
    this.endsInAcronym = new Uint8Array(count);
    this.syllableInfo = new Array<AliasSyllables | undefined>(count);
  }

  /** The aliases folded and inserted into a trie, then numbered breadth-first (each state's children consecutive). */
  private insertAliases(): BreadthFirstTrie {
    const { aliases } = this;
    const count = aliases.length;
    let total = 0;
    for (const alias of aliases) total += alias.text.length;
    // A folded alias is never longer than its text: at most total + 1 states.
    const capacity = total + 1;
    const label = new Uint16Array(capacity);
    const firstChild = new Int32Array(capacity); // 0: none (the root is nobody's child)
    const nextSibling = new Int32Array(capacity);
    const ends = new Int32Array(count); // each alias's final state (0: empty once folded)
    const scratch = foldScratch();
    const rootNext = this.rootNext;
    let states = 1;
    for (let index = 0; index < count; index++) {
      const { codes, length } = foldCodes(aliases[index]!.text, scratch);
      this.aliasLength[index] = length;
      let state = 0;
      for (let k = 0; k < length; k++) {
        const code = codes[k]!;
        let child = state === 0 ? rootNext[code]! : firstChild[state]!;
        if (state !== 0) while (child !== 0 && label[child] !== code) child = nextSibling[child]!;
        if (child === 0) {
          child = states++;
          label[child] = code;
          nextSibling[child] = firstChild[state]!;
          firstChild[state] = child;
          if (state === 0) rootNext[code] = child;
        }
        state = child;
      }
      ends[index] = state;
    }

    // Breadth-first numbering: renumbered[old] is the new number; a state's children get consecutive numbers.
    const order = new Int32Array(states);
    const renumbered = new Int32Array(states);
    const edgeStart = new Int32Array(states + 1);
    const edgeCode = new Uint16Array(states - 1);
    let tail = 1;
    for (let head = 0; head < tail; head++) {
      edgeStart[head] = tail - 1;
      for (let child = firstChild[order[head]!]!; child !== 0; child = nextSibling[child]!) {
        renumbered[child] = tail;
        edgeCode[tail - 1] = label[child]!;
        order[tail++] = child;
      }
    }
    edgeStart[states] = states - 1;
    for (let index = 0; index < count; index++) ends[index] = renumbered[ends[index]!]!;
    return { edgeStart, edgeCode, ends };
  }

  /** The breadth-first trie as `trie()` wrote it; each alias's folded length is its end state's depth. */
  private readTrie(trie: MatcherTrie, count: number): BreadthFirstTrie {
    const states = trie.degrees.length;
    const edgeStart = new Int32Array(states + 1);
    const edgeCode = new Uint16Array(states - 1);
    const depth = new Int32Array(states);
    for (let e = 0; e < states - 1; e++) edgeCode[e] = trie.edges.charCodeAt(e);
    let next = 0;
    for (let state = 0; state < states; state++) {
      edgeStart[state] = next;
      const degree = trie.degrees.charCodeAt(state) - DEGREE_BASE;
      for (let e = next; e < next + degree; e++) depth[e + 1] = depth[state]! + 1;
      next += degree;
    }
    edgeStart[states] = next;
    const ends = new Int32Array(count);
    const written = count === 0 ? [] : trie.ends.split(',');
    if (written.length !== count || next !== states - 1) throw new Error('the matcher trie does not fit its aliases');
    for (let index = 0; index < count; index++) {
      ends[index] = Number.parseInt(written[index]!, 36);
      this.aliasLength[index] = depth[ends[index]!]!;
    }
    return { edgeStart, edgeCode, ends };
  }

  /** This automaton's shape (see `MatcherTrie`). */
  trie(): MatcherTrie {
    const { edgeStart, edgeCode, outFirst, aliasNext } = this;
    const states = edgeStart.length - 1;
    let degrees = '';
    for (let state = 0; state < states; state++) degrees += String.fromCharCode(DEGREE_BASE + edgeStart[state + 1]! - edgeStart[state]!);
    let edges = '';
    for (const code of edgeCode) edges += String.fromCharCode(code);
    const ends = new Array<string>(this.aliases.length).fill('0');
    for (let state = 0; state < states; state++) {
      for (let alias = outFirst[state]!; alias >= 0; alias = aliasNext[alias]!) ends[alias] = state.toString(36);
    }
    return { degrees, edges, ends: ends.join(',') };
  }

  /** Every accepted mention in `text`, in order, without overlaps. */
  find(text: string): Match[] {
    return leftmostLongest(this.findAll(text));
  }

  /** Every accepted alias occurrence, overlapping ones included. */
  findAll(text: string): Match[] {
    const { codes, starts, ends, length } = foldCodes(text, this.scratch);
    const candidates: Match[] = [];
    const { rootNext, edgeStart, edgeCode, failTo, outFirst, aliasNext, outLink, aliasLength, aliases } = this;
    let state = 0;
    for (let i = 0; i < length; i++) {
      const code = codes[i]!;
      for (;;) {
        if (state === 0) {
          state = rootNext[code]!;
          break;
        }
        let e = edgeStart[state]!;
        const last = edgeStart[state + 1]!;
        while (e < last && edgeCode[e] !== code) e++;
        if (e < last) {
          state = e + 1;
          break;
        }
        state = failTo[state]!;
      }
      let out = outFirst[state]! >= 0 ? state : outLink[state]!;
      if (out === 0) continue;
      // The match must end at a syllable boundary.
      if (i + 1 < length && isWordCode(code) && isWordCode(codes[i + 1]!)) continue;
      for (; out !== 0; out = outLink[out]!) {
        for (let aliasIndex = outFirst[out]!; aliasIndex >= 0; aliasIndex = aliasNext[aliasIndex]!) {
          const s = i - aliasLength[aliasIndex]! + 1;
          // ...and start at one.
          if (s > 0 && isWordCode(codes[s - 1]!) && isWordCode(codes[s]!)) continue;
          const start = starts[s]!;
          const end = ends[i]!;
          if (this.acronymAtEnd(aliasIndex) && numberAt(text, end)) continue;
          if (this.agrees(text.slice(start, end), aliasIndex)) {
            candidates.push({ start, end, entity: aliases[aliasIndex]!.entity, alias: aliasIndex });
          }
        }
      }
    }
    return candidates;
  }

  /** Folding buffers reused from one text to the next. */
  private readonly scratch = foldScratch();

  /** What was decided for a written form of an alias: pages repeat their names. */
  private readonly agreed = new Map<string, boolean>();

  private acronymAtEnd(index: number): boolean {
    let known = this.endsInAcronym[index]!;
    if (known === UNKNOWN) {
      const parts = syllables(this.aliases[index]!.text);
      known = parts.length > 0 && isAcronym(parts[parts.length - 1]!) ? YES : NO;
      this.endsInAcronym[index] = known;
    }
    return known === YES;
  }

  private agrees(written: string, index: number): boolean {
    // Written exactly as curated: nothing to check.
    if (written === this.aliases[index]!.text) return true;
    const key = `${index} ${written}`;
    let answer = this.agreed.get(key);
    if (answer === undefined) {
      answer = this.checkSyllables(written, index);
      if (this.agreed.size >= AGREED_CACHE) this.agreed.clear();
      this.agreed.set(key, answer);
    }
    return answer;
  }

  private checkSyllables(written: string, index: number): boolean {
    let alias = this.syllableInfo[index];
    if (alias === undefined) {
      const parts = syllables(this.aliases[index]!.text);
      alias = { syllables: parts, keys: parts.map(syllableKey), capitals: parts.map(isAcronym) };
      this.syllableInfo[index] = alias;
    }
    const parts = syllables(written);
    if (parts.length !== alias.syllables.length) return false;
    for (let k = 0; k < parts.length; k++) {
      const w = parts[k]!;
      if (alias.capitals[k] && w !== w.toUpperCase() && !titleCaseAcronym(alias.syllables[k]!, w, parts.length > 1)) return false;
      if (!agreesWithKey(w, alias.keys[k]!)) return false;
    }
    return true;
  }
}

/** Keeps, among overlapping matches, the one that starts first, then the longest. */
export function leftmostLongest(matches: Match[]): Match[] {
  const sorted = [...matches].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Match[] = [];
  let reach = -1;
  for (const m of sorted) {
    if (m.start >= reach) {
      kept.push(m);
      reach = m.end;
    }
  }
  return kept;
}

/** The automaton's states numbered breadth-first: edges, where each state's start, and each alias's end state. */
interface BreadthFirstTrie {
  edgeStart: Int32Array;
  edgeCode: Uint16Array;
  ends: Int32Array;
}

/**
 * The automaton's shape, written at build time so that a page need not fold and insert every
 * alias (lib/compact-matcher.ts ships it): per breadth-first state, its number of children
 * (as a character, `DEGREE_BASE` + degree); every edge's folded code unit, in order; and each
 * alias's end state in base 36. The failure links and outputs are still computed in the page.
 */
export interface MatcherTrie {
  degrees: string;
  edges: string;
  ends: string;
}

/** Printable from 0 children: the degree characters stay readable in the shipped JSON. */
const DEGREE_BASE = 48;
