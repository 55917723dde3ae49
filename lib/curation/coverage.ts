/**
 * The dataset's coverage, for curators: per entity its facts and their articles, dates,
 * aliases no article uses, open roles and description; then entities without facts,
 * articles that name no entity, and unknown names that recur across articles.
 */
import { fold } from '../normalize';
import { Matcher } from '../matcher';
import { findCandidates, type CandidateKind } from './candidates';
import type { LooseArticle, LooseEntity, LooseRole } from './loose-dataset';
import type { Span } from './mentions';

/** A name the matcher looks for: the entity it names, or null for a role phrase or short name (known words, not a mention alone). */
export interface KnownName {
  text: string;
  entityId: string | null;
}

export interface CoverageInput {
  articles: LooseArticle[];
  entities: LooseEntity[];
  names: KnownName[];
  /** The build's problems, one line each; empty when the dataset builds. */
  problems: string[];
}

export interface FactRow {
  passage: string;
  articleId: string;
  articleTitle: string | null;
  date: string | null;
  /** The passage's text, or null when the reference points nowhere. */
  text: string | null;
}

export interface EntityCoverage {
  id: string;
  name: string;
  kind: string;
  facts: FactRow[];
  /** Articles the facts come from, in dataset order. */
  articles: string[];
  firstDate: string | null;
  lastDate: string | null;
  /** Passages that name it, cited as facts or not. */
  mentionedIn: number;
  aliasesNeverSeen: string[];
  openRoles: LooseRole[];
  hasDescription: boolean;
}

export interface RecurringName {
  kind: CandidateKind;
  text: string;
  articles: string[];
  passages: number;
}

export interface Coverage {
  totals: { articles: number; passages: number; entities: number; facts: number };
  problems: string[];
  entities: EntityCoverage[];
  entitiesWithoutFacts: string[];
  articlesWithoutEntities: Array<{ id: string; title: string | null; date: string | null }>;
  recurringUnknown: RecurringName[];
}

/** Unknown names are listed once they are in this many articles. */
export const RECURRING_MIN_ARTICLES = 2;

export function computeCoverage(input: CoverageInput): Coverage {
  const { articles, entities } = input;
  const passageRef = (a: LooseArticle, id: string) => `${a.id}/${id}`;
  const byRef = new Map(articles.flatMap((a) => a.passages.map((p) => [passageRef(a, p.id), { article: a, text: p.text }] as const)));

  // Where each entity is named, and every span the dataset's names cover (for unknown names).
  const matcher = new Matcher(input.names.map((n, k) => ({ text: n.text, entity: k })));
  const mentioned = new Map<string, Set<string>>(entities.map((e) => [e.id, new Set()]));
  const articleEntities = new Map<string, Set<string>>(articles.map((a) => [a.id, new Set()]));
  const known = new Map<string, Map<string, Span[]>>();
  for (const a of articles) {
    const spans = new Map<string, Span[]>();
    for (const p of a.passages) {
      const matches = matcher.findAll(p.text);
      spans.set(
        p.id,
        matches.map((m) => ({ start: m.start, end: m.end })),
      );
      for (const m of matches) {
        const id = input.names[m.entity]!.entityId;
        if (id === null) continue;
        mentioned.get(id)?.add(passageRef(a, p.id));
        articleEntities.get(a.id)!.add(id);
      }
    }
    known.set(a.id, spans);
  }
  // A fact names its entity in its passage (the build checks it, mentionedAs included).
  for (const e of entities) {
    for (const ref of e.facts) {
      const hit = byRef.get(ref);
      if (!hit) continue;
      mentioned.get(e.id)!.add(ref);
      articleEntities.get(hit.article.id)!.add(e.id);
    }
  }

  const seen = seenForms(
    articles.flatMap((a) => a.passages.map((p) => p.text)),
    entities.flatMap((e) => [...e.aliases, ...e.shortNames]),
  );
  const entityRows = entities.map((e): EntityCoverage => {
    const facts = e.facts.map((ref): FactRow => {
      const hit = byRef.get(ref);
      const articleId = ref.split('/')[0]!;
      return {
        passage: ref,
        articleId,
        articleTitle: hit?.article.title ?? null,
        date: hit?.article.date ?? null,
        text: hit?.text ?? null,
      };
    });
    const factArticles = [...new Set(facts.filter((f) => f.text !== null).map((f) => f.articleId))];
    const dates = facts.flatMap((f) => (f.text !== null && f.date ? [f.date] : [])).sort();
    return {
      id: e.id,
      name: e.name,
      kind: e.kind,
      facts,
      articles: articles.map((a) => a.id).filter((id) => factArticles.includes(id)),
      firstDate: dates[0] ?? null,
      lastDate: dates[dates.length - 1] ?? null,
      mentionedIn: mentioned.get(e.id)!.size,
      aliasesNeverSeen: [...new Set([...e.aliases, ...e.shortNames])].filter((form) => !seen.has(form)),
      openRoles: e.roles.filter((r) => r.to === undefined),
      hasDescription: e.description !== null,
    };
  });

  return {
    totals: {
      articles: articles.length,
      passages: byRef.size,
      entities: entities.length,
      facts: entities.reduce((n, e) => n + e.facts.length, 0),
    },
    problems: input.problems,
    entities: entityRows,
    entitiesWithoutFacts: entities.filter((e) => e.facts.length === 0).map((e) => e.id),
    articlesWithoutEntities: articles
      .filter((a) => articleEntities.get(a.id)!.size === 0)
      .map((a) => ({ id: a.id, title: a.title, date: a.date })),
    recurringUnknown: recurring(articles, known),
  };
}

/** The name forms, among `forms`, that some text contains (as the matcher finds names). */
function seenForms(texts: readonly string[], forms: readonly string[]): Set<string> {
  const matcher = new Matcher(forms.map((text, k) => ({ text, entity: k })));
  const seen = new Set<string>();
  for (const text of texts) for (const m of matcher.findAll(text)) seen.add(forms[m.entity]!);
  return seen;
}

/** Unknown-name candidates found in at least RECURRING_MIN_ARTICLES articles, most articles first. */
function recurring(articles: readonly LooseArticle[], known: Map<string, Map<string, Span[]>>): RecurringName[] {
  const byKey = new Map<string, RecurringName>();
  for (const a of articles) {
    for (const c of findCandidates(a.passages, known.get(a.id)!)) {
      const key = `${c.kind}:${fold(c.text)}`;
      const row = byKey.get(key) ?? { kind: c.kind, text: c.text, articles: [], passages: 0 };
      row.articles.push(a.id);
      row.passages += c.passages.length;
      byKey.set(key, row);
    }
  }
  return [...byKey.values()]
    .filter((r) => r.articles.length >= RECURRING_MIN_ARTICLES)
    .sort((a, b) => b.articles.length - a.articles.length || b.passages - a.passages || a.text.localeCompare(b.text, 'vi'));
}
