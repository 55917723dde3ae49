/**
 * The matcher data as the content script ships it: the same table in fewer bytes, expanded at
 * start by `decodeMatcher`, pure and cheap (one pass, no DOM).
 *
 * Most aliases are other aliases of the same owner with words around them ("ông Putin",
 * "Tổng thống Nga V. Putin"), so each is written as a template over its siblings: `{k}` stands
 * for the owner's alias k. The entities go in the same text, each just before its aliases, so
 * that its name (usually one of them) is a reference too.
 *
 * An initial is `{k^}`, the first letter of the owner's alias k ("V. {1}" is `{0^}. {1}`).
 *
 * `table` holds one line per run of aliases with the same owner, in the original order:
 * - `id|kind|name|alias|alias…` declares the next entity and gives its aliases;
 * - `~index|alias|alias…` gives more aliases of an owner: an entity already declared, or a role
 *   (an index from `entities.length`).
 * Decoding gives back exactly the same entities and the same aliases in the same order. The
 * characters `|`, `~`, `{`, `}` and line breaks are reserved: the encoder refuses them in ids,
 * kinds, names and aliases.
 *
 * `trie` ships the automaton's shape beside the table (lib/matcher.ts, `MatcherTrie`): with
 * 1,000 entities, folding and inserting every alias in a page's cold code took about 20 ms,
 * linking the shipped shape about 8.
 */
import type { EntityKind, MatcherData, PageMatcherData, RoleTenures } from './artifacts';
import { Matcher, type Alias, type MatcherTrie } from './matcher';

export interface CompactMatcher {
  table: string;
  roles: RoleTenures[];
  /** The automaton's shape for these aliases, so that a page builds it without folding them (lib/matcher.ts). */
  trie: MatcherTrie;
}

const RESERVED = /[|~{}\n\r]/u;
const REFERENCE = /\{(\d+)(\^?)\}/gu;

export function decodeMatcher(compact: CompactMatcher): MatcherData {
  const entities: MatcherData['entities'] = [];
  const aliases: MatcherData['aliases'] = [];
  for (const line of compact.table ? compact.table.split('\n') : []) {
    const fields = line.split('|');
    const head = fields[0]!;
    const declares = !head.startsWith('~');
    const owner = declares ? entities.length : Number(head.slice(1));
    const templates = fields.slice(declares ? 3 : 1);
    const texts: string[] = [];
    // An initial is the first character of a template that starts with it: no recursion.
    const expand = (template: string): string =>
      template.replace(REFERENCE, (_, k: string, initial: string) => (initial ? templates[Number(k)]![0]! : text(Number(k))));
    const text = (k: number): string => (texts[k] ??= expand(templates[k]!));
    if (declares) entities.push({ id: head, name: expand(fields[2]!), kind: fields[1] as EntityKind });
    for (let k = 0; k < templates.length; k++) aliases.push([text(k), owner]);
  }
  return { entities, aliases, roles: compact.roles };
}

/**
 * The table as a page opens it: the entities at once, and each alias's text only when it is
 * first read (the automaton comes from `trie` and needs none; a text is read when its alias is
 * hit). Expanding all 6,004 texts of a 1,000-entity table took 8–10 ms of the page's cold code.
 */
export function openMatcher(compact: CompactMatcher): { data: PageMatcherData; aliases: Alias[] } {
  const entities: MatcherData['entities'] = [];
  const aliases: Alias[] = [];
  for (const line of compact.table ? compact.table.split('\n') : []) {
    const fields = line.split('|');
    const head = fields[0]!;
    const declares = !head.startsWith('~');
    const owner = declares ? entities.length : Number(head.slice(1));
    const run = new TemplateRun(fields.slice(declares ? 3 : 1));
    if (declares) entities.push({ id: head, name: run.expand(fields[2]!), kind: fields[1] as EntityKind });
    for (let k = 0; k < run.templates.length; k++) aliases.push(new TemplateAlias(run, k, owner));
  }
  return { data: { entities, roles: compact.roles }, aliases };
}

/** One line's templates, each expanded once, when first asked for. */
class TemplateRun {
  private readonly texts: string[] = [];
  constructor(readonly templates: readonly string[]) {}
  text(k: number): string {
    this.texts[k] ??= this.expand(this.templates[k]!);
    return this.texts[k];
  }
  expand(template: string): string {
    return template.replace(REFERENCE, (_, k: string, initial: string) =>
      initial ? this.templates[Number(k)]![0]! : this.text(Number(k)),
    );
  }
}

class TemplateAlias implements Alias {
  constructor(
    private readonly run: TemplateRun,
    private readonly k: number,
    readonly entity: number,
  ) {}
  get text(): string {
    return this.run.text(this.k);
  }
}

export function encodeMatcher(data: MatcherData): CompactMatcher {
  const check = (what: string, value: string) => {
    if (RESERVED.test(value))
      throw new Error(`${what} "${value}" holds a character the compact matcher table reserves (| ~ { } or a line break)`);
  };
  for (const e of data.entities) {
    check('entity id', e.id);
    check('entity kind', e.kind);
    check('entity name', e.name);
  }
  const runs: Array<{ owner: number; texts: string[] }> = [];
  for (const [text, owner] of data.aliases) {
    check('alias', text);
    if (!Number.isInteger(owner) || owner < 0) throw new Error(`alias "${text}" has no valid owner (${owner})`);
    const last = runs[runs.length - 1];
    if (last && last.owner === owner) last.texts.push(text);
    else runs.push({ owner, texts: [text] });
  }

  const lines: string[] = [];
  let declared = 0;
  const declare = (texts: string[]) => {
    const e = data.entities[declared++]!;
    const templates = templatesOf(texts);
    const k = texts.indexOf(e.name);
    lines.push([e.id, e.kind, k >= 0 ? `{${k}}` : e.name, ...templates].join('|'));
  };
  for (const { owner, texts } of runs) {
    if (owner < data.entities.length && owner >= declared) {
      while (declared < owner) declare([]);
      declare(texts);
    } else {
      lines.push([`~${owner}`, ...templatesOf(texts)].join('|'));
    }
  }
  while (declared < data.entities.length) declare([]);
  const trie = new Matcher(data.aliases.map(([text, entity]) => ({ text, entity }))).trie();
  return { table: lines.join('\n'), roles: data.roles, trie };
}

/**
 * Each text as a template over the others: the longest shorter sibling found in what is still
 * literal becomes `{k}`, and so on. Only strictly shorter siblings are referred to, so
 * references cannot loop. Then an initial ("V." before a name) that a sibling's template
 * starts with becomes `{k^}`.
 */
function templatesOf(texts: readonly string[]): string[] {
  const byLength = texts.map((_, k) => k).sort((a, b) => texts[b]!.length - texts[a]!.length);
  const parts = texts.map((text) => {
    let parts: Array<string | number> = [text];
    for (const k of byLength) {
      const sibling = texts[k]!;
      if (sibling.length >= text.length || sibling.length === 0) continue;
      parts = parts.flatMap((part) => {
        if (typeof part !== 'string') return [part];
        const at = part.indexOf(sibling);
        if (at < 0) return [part];
        return [part.slice(0, at), k, part.slice(at + sibling.length)].filter((p) => p !== '');
      });
    }
    return parts;
  });
  const INITIAL = /^\p{Lu}\./u;
  // The first characters an initial may refer to: those of templates that keep theirs.
  const firsts = parts.map((p) => (typeof p[0] === 'string' && !INITIAL.test(p[0]) ? p[0][0] : undefined));
  return parts.map((p) =>
    p
      .map((part) => {
        if (typeof part !== 'string') return `{${part}}`;
        const k = INITIAL.test(part) ? firsts.indexOf(part[0]) : -1;
        return k >= 0 ? `{${k}^}${part.slice(1)}` : part;
      })
      .join(''),
  );
}
