/**
 * The shape of the hand-kept dataset files: article metadata (`data/articles/*.yaml`) and
 * curated entities (`data/entities.yaml`). Validation beyond shape (references, aliases,
 * collisions) lives in dataset.ts.
 */
import { z } from 'zod';

export const ENTITY_KINDS = ['person', 'treaty', 'organization', 'event', 'process'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

const text = z.string().trim().min(1);
const isoDate = z.iso.date();
/** A date to the precision the source gives: 2008, 2008-08 or 2008-08-22. */
const partialDate = z.string().regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/u, 'a date is YYYY, YYYY-MM or YYYY-MM-DD');
/** Where a curated item comes from: a citation or an address. */
const source = z.string().trim().min(3);
/** `<article id>/p<paragraph>s<sentence>`. */
export const passageRef = z.string().regex(/^[a-z0-9-]+\/p\d+s\d+$/u, 'a passage reference looks like article-id/p3s1');

/**
 * A name form. A bare string must appear in the dataset's text (the build checks); a form
 * found elsewhere carries its source.
 */
const nameForm = z.union([text, z.strictObject({ text, source })]);

export const articleMetaSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/u, 'an article id is lower-case letters, digits and hyphens'),
  /** The text file beside this one, kept exactly as received. */
  source: z.string().regex(/\.txt$/u),
  title: text.nullable(),
  /** The first line of the text file is the title, not a paragraph. */
  titleIsFirstLine: z.boolean().default(false),
  date: isoDate.nullable(),
  dateNote: text.optional(),
  /** Where the article came from: an address or an outlet. */
  origin: text.optional(),
});

const role = z.strictObject({
  /** The role as Vietnamese outlets write it, e.g. "Tổng thống Nga". */
  title: text,
  from: partialDate,
  to: partialDate.optional(),
  source,
});

const fact = z.strictObject({
  passage: passageRef,
  /**
   * Where the passage names the entity by a phrase the matcher does not know (a role or
   * a paraphrase), the exact phrase; the build checks that the passage contains it.
   */
  mentionedAs: text.optional(),
});

export const entitySchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/u, 'an entity id is lower-case letters, digits and hyphens'),
  kind: z.enum(ENTITY_KINDS),
  name: z.strictObject({ vi: text, en: text, source }),
  /** Forms that name the entity on their own. */
  aliases: z.array(nameForm).min(1),
  /** Short forms that name it only after a prefix ("ông Block", not "Block"). */
  shortNames: z.array(nameForm).default([]),
  /** Titles and honorifics written before a name or short name ("Tổng thống Nga", "ông"). */
  prefixes: z.array(nameForm).default([]),
  /** One line, supported by the passages it cites. */
  description: z.strictObject({ text, passages: z.array(passageRef).min(1) }),
  roles: z.array(role).default([]),
  /** The language the names are romanised from, when their spellings vary by rule (Sergei/Sergey). */
  romanisedFrom: z.enum(['ru']).optional(),
  /** The date the entity stops being in force, with the passage that says so. */
  endsOn: z.strictObject({ date: isoDate, passage: passageRef }).optional(),
  facts: z.array(fact).min(1),
});

/**
 * Words a page uses for whoever holds a role, without naming them ("Tổng thống Nga",
 * "ông chủ Nhà Trắng"). `role` is a title used in the entities' `roles`, whose dates say
 * who held it when.
 */
export const roleNamesSchema = z.strictObject({ role: text, names: z.array(nameForm).min(1) });

export const entitiesFileSchema = z.strictObject({
  entities: z.array(entitySchema).min(1),
  roleNames: z.array(roleNamesSchema).default([]),
});

export type ArticleMeta = z.infer<typeof articleMetaSchema>;
export type EntitySource = z.infer<typeof entitySchema>;
export type NameForm = z.infer<typeof nameForm>;
export type Role = z.infer<typeof role>;
