/**
 * The matcher as it was first written, kept as a reference for the unit tests: its automaton
 * is built with a Map per state and a queue, its outputs as arrays per state, and every
 * alias's syllable keys up front. The shipped matcher (lib/matcher.ts) builds the same
 * automaton in typed arrays; the tests check that both find exactly the same occurrences,
 * in the same order.
 */
import { leftmostLongest, type Alias, type Match } from '../../../lib/matcher';
import { agreesWithKey, foldCodes, foldScratch, isWordCode, syllableKey, syllables, type SyllableKey } from '../../../lib/normalize';

const AGREED_CACHE = 4096;

interface CompiledAlias {
  text: string;
  syllables: string[];
  /** Each syllable's placement-independent key, computed once. */
  keys: SyllableKey[];
  /** Per syllable: must be written in capitals (an acronym). */
  capitals: boolean[];
  length: number;
  entity: number;
  /** Ends in an acronym: refused before a number ("START I" is not "Hiệp ước START"). */
  endsInAcronym: boolean;
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

export class ReferenceMatcher {
  /** Transitions out of the root, by folded code unit: one array read for most characters. */
  private readonly rootNext = new Int32Array(0x10000);
  /** Transitions out of every other state. */
  private readonly next: Array<Map<number, number>> = [new Map()];
  private readonly fail: number[] = [0];
  /**
   * The transitions of every state but the root, flattened for the hot loop: state k's edges
   * are edgeCode/edgeTarget[edgeStart[k] .. edgeStart[k + 1]) (most states have one or two).
   */
  private edgeStart = new Int32Array(1);
  private edgeCode = new Uint16Array(0);
  private edgeTarget = new Int32Array(0);
  private failTo = new Int32Array(1);
  /** Alias indexes ending at each state (own and inherited through failure links). */
  private readonly output: number[][] = [[]];
  private readonly compiled: CompiledAlias[] = [];

  constructor(readonly aliases: readonly Alias[]) {
    aliases.forEach((alias, index) => {
      const folded = foldCodes(alias.text);
      const parts = syllables(alias.text);
      this.compiled.push({
        text: alias.text,
        syllables: parts,
        keys: parts.map(syllableKey),
        capitals: parts.map(isAcronym),
        length: folded.length,
        entity: alias.entity,
        endsInAcronym: parts.length > 0 && isAcronym(parts[parts.length - 1]!),
      });
      if (folded.length === 0) return;
      let state = 0;
      for (let k = 0; k < folded.length; k++) {
        const code = folded.codes[k]!;
        let target = this.next[state]!.get(code);
        if (target === undefined) {
          target = this.next.length;
          this.next.push(new Map());
          this.fail.push(0);
          this.output.push([]);
          this.next[state]!.set(code, target);
          if (state === 0) this.rootNext[code] = target;
        }
        state = target;
      }
      this.output[state]!.push(index);
    });
    this.linkFailures();
    this.flatten();
  }

  private flatten(): void {
    const states = this.next.length;
    let edges = 0;
    for (const map of this.next) edges += map.size;
    this.edgeStart = new Int32Array(states + 1);
    this.edgeCode = new Uint16Array(edges);
    this.edgeTarget = new Int32Array(edges);
    let k = 0;
    this.next.forEach((map, state) => {
      this.edgeStart[state] = k;
      for (const [code, target] of map) {
        this.edgeCode[k] = code;
        this.edgeTarget[k] = target;
        k++;
      }
    });
    this.edgeStart[states] = k;
    this.failTo = Int32Array.from(this.fail);
    // The maps were for building; the flat arrays are what matching reads.
    this.next.length = 0;
  }

  private linkFailures(): void {
    const queue: number[] = [...this.next[0]!.values()];
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head]!;
      for (const [code, child] of this.next[state]!) {
        queue.push(child);
        let f = this.fail[state]!;
        while (f !== 0 && !this.next[f]!.has(code)) f = this.fail[f]!;
        const target = this.next[f]!.get(code);
        this.fail[child] = target !== undefined && target !== child ? target : 0;
        this.output[child]!.push(...this.output[this.fail[child]!]!);
      }
    }
  }

  /** Every accepted mention in `text`, in order, without overlaps. */
  find(text: string): Match[] {
    return leftmostLongest(this.findAll(text));
  }

  /** Every accepted alias occurrence, overlapping ones included. */
  findAll(text: string): Match[] {
    const { codes, starts, ends, length } = foldCodes(text, this.scratch);
    const candidates: Match[] = [];
    const { rootNext, edgeStart, edgeCode, edgeTarget, failTo } = this;
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
          state = edgeTarget[e]!;
          break;
        }
        state = failTo[state]!;
      }
      const out = this.output[state]!;
      if (out.length === 0) continue;
      // The match must end at a syllable boundary.
      if (i + 1 < length && isWordCode(code) && isWordCode(codes[i + 1]!)) continue;
      for (const aliasIndex of out) {
        const alias = this.compiled[aliasIndex]!;
        const s = i - alias.length + 1;
        // ...and start at one.
        if (s > 0 && isWordCode(codes[s - 1]!) && isWordCode(codes[s]!)) continue;
        const start = starts[s]!;
        const end = ends[i]!;
        if (alias.endsInAcronym && numberAt(text, end)) continue;
        if (this.agrees(text.slice(start, end), alias, aliasIndex)) {
          candidates.push({ start, end, entity: alias.entity, alias: aliasIndex });
        }
      }
    }
    return candidates;
  }

  /** Folding buffers reused from one text to the next. */
  private readonly scratch = foldScratch();

  /** What was decided for a written form of an alias: pages repeat their names. */
  private readonly agreed = new Map<string, boolean>();

  private agrees(written: string, alias: CompiledAlias, index: number): boolean {
    // Written exactly as curated: nothing to check.
    if (written === alias.text) return true;
    const key = `${index} ${written}`;
    let answer = this.agreed.get(key);
    if (answer === undefined) {
      answer = this.checkSyllables(written, alias);
      if (this.agreed.size >= AGREED_CACHE) this.agreed.clear();
      this.agreed.set(key, answer);
    }
    return answer;
  }

  private checkSyllables(written: string, alias: CompiledAlias): boolean {
    const parts = syllables(written);
    if (parts.length !== alias.syllables.length) return false;
    for (let k = 0; k < parts.length; k++) {
      const w = parts[k]!;
      if (alias.capitals[k] && w !== w.toUpperCase()) return false;
      if (!agreesWithKey(w, alias.keys[k]!)) return false;
    }
    return true;
  }
}

