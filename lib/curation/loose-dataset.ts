/**
 * The dataset's files read leniently, for the curators' commands: what they say even where
 * the build would refuse them (an entity drafted without facts yet), so a report can show
 * what is missing. The build (lib/dataset.ts) stays the judge of what is valid.
 */
import { parse } from 'yaml';
import { articlePassages, type ArticlePassage } from './article-passages';

/** The files of a data folder as scripts read them. */
export interface RawArticle {
  metaFile: string;
  metaText: string;
  textFile: string;
  /** null when the text file is missing or not UTF-8. */
  text: string | null;
}

export interface RawFolder {
  articles: RawArticle[];
  entitiesFile: string;
  entitiesText: string;
}

export interface LooseArticle {
  id: string;
  metaFile: string;
  textFile: string;
  title: string | null;
  date: string | null;
  text: string;
  passages: ArticlePassage[];
}

export interface LooseRole {
  title: string;
  from: string;
  to?: string;
}

export interface LooseEntity {
  id: string;
  kind: string;
  name: string;
  /** Curated name forms (aliases, then short names), as written. */
  aliases: string[];
  shortNames: string[];
  prefixes: string[];
  roles: LooseRole[];
  description: string | null;
  /** Passage references of the facts. */
  facts: string[];
  romanisedFrom?: 'ru';
}

type Loose = Record<string, unknown>;
const record = (value: unknown): Loose => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Loose) : {});
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
/** A non-empty string; a bare number too (an unquoted year, 2008). */
const str = (value: unknown): string | null =>
  typeof value === 'number' ? String(value) : typeof value === 'string' && value.trim() !== '' ? value : null;
/** A name form: a bare string or { text, source }. */
const formText = (value: unknown): string | null => str(value) ?? str(record(value).text);
const forms = (value: unknown) => list(value).flatMap((f) => formText(f) ?? []);

/** YAML text parsed, or the one-line reason it cannot be. */
export function parseYaml(text: string, file: string): unknown {
  try {
    return parse(text);
  } catch (error) {
    throw new Error(`${file}: not valid YAML (${String((error as Error).message).split('\n')[0]})`);
  }
}

export function looseArticles(raw: RawFolder): LooseArticle[] {
  return raw.articles.flatMap((a): LooseArticle[] => {
    const meta = record(parseYaml(a.metaText, a.metaFile));
    const id = str(meta.id);
    if (!id || a.text === null) return [];
    const title = str(meta.title);
    const titleIsFirstLine = meta.titleIsFirstLine === true;
    return [
      {
        id,
        metaFile: a.metaFile,
        textFile: a.textFile,
        title,
        date: str(meta.date),
        text: a.text,
        passages: articlePassages(a.text, { title, titleIsFirstLine }),
      },
    ];
  });
}

export function looseEntities(raw: RawFolder): LooseEntity[] {
  const file = record(parseYaml(raw.entitiesText, raw.entitiesFile));
  return list(file.entities).flatMap((value): LooseEntity[] => {
    const e = record(value);
    const id = str(e.id);
    if (!id) return [];
    const name = record(e.name);
    return [
      {
        id,
        kind: str(e.kind) ?? 'unknown',
        name: str(name.vi) ?? id,
        aliases: forms(e.aliases),
        shortNames: forms(e.shortNames),
        prefixes: forms(e.prefixes),
        roles: list(e.roles).flatMap((r): LooseRole[] => {
          const role = record(r);
          const title = str(role.title);
          const from = str(role.from);
          if (!title || !from) return [];
          const to = str(role.to);
          return [to ? { title, from, to } : { title, from }];
        }),
        description: str(record(e.description).text),
        facts: list(e.facts).flatMap((f) => str(record(f).passage) ?? []),
        ...(e.romanisedFrom === 'ru' ? { romanisedFrom: 'ru' as const } : {}),
      },
    ];
  });
}

/** The role names (words for whoever holds a role), as written. */
export function looseRoleNames(raw: RawFolder): string[] {
  const file = record(parseYaml(raw.entitiesText, raw.entitiesFile));
  return list(file.roleNames).flatMap((group) => forms(record(group).names));
}
