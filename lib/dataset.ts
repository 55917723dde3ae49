/**
 * Validates the dataset and compiles it into the artefacts the extension reads.
 *
 * Input is what the files hold (already parsed); output is the matcher data, the cards and
 * the search documents. Every problem found is reported with its file and line, all at
 * once, so that one build shows everything there is to fix.
 */
import { aliasProblem, expandAliases } from './aliases';
import type { ArticleInfo, Card, CardData, MatcherData, PassageInfo, RoleTenures } from './artifacts';
import { articleMetaSchema, entitiesFileSchema, type ArticleMeta, type EntitySource, type NameForm } from './dataset-schema';
import { Matcher, type Alias } from './matcher';
import { fold } from './normalize';
import { articlePassages } from './passages';
import { electPhrases, isOneOfSeveral, memberPhrases, parseTitle, placeForms, relationWords, roleKey, rolePhrases } from './role-phrases';
import { countryOf, titleVariants } from './variants';
import type { SearchDoc } from './search';

export interface DatasetProblem {
  file: string;
  line: number;
  message: string;
}

export class DatasetError extends Error {
  constructor(readonly problems: DatasetProblem[]) {
    super(problems.map((p) => `${p.file}:${p.line}: ${p.message}`).join('\n'));
    this.name = 'DatasetError';
  }
}

export interface ArticleInput {
  metaFile: string;
  meta: unknown;
  textFile: string;
  text: string;
}

export interface DatasetInput {
  articles: ArticleInput[];
  entitiesFile: string;
  entities: unknown;
  /** The line at which a value sits in a parsed file (the nearest existing parent's if it is missing). */
  locate: (file: string, path: ReadonlyArray<PropertyKey>) => number;
}

export interface CompiledDataset {
  matcher: MatcherData;
  cards: CardData;
  searchDocs: SearchDoc[];
}

const formText = (form: NameForm) => (typeof form === 'string' ? form : form.text);

export function compileDataset(input: DatasetInput): CompiledDataset {
  const problems: DatasetProblem[] = [];
  const at = (file: string, path: ReadonlyArray<PropertyKey>, message: string) =>
    problems.push({ file, line: input.locate(file, path), message });

  // Articles and their passages.
  const articles: Record<string, ArticleInfo> = {};
  const passages: Record<string, PassageInfo> = {};
  /** Where each passage sits, for messages about it. */
  const passageLines = new Map<string, { file: string; line: number }>();
  for (const article of input.articles) {
    const parsed = articleMetaSchema.safeParse(article.meta);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) at(article.metaFile, issue.path, describeIssue(issue));
      continue;
    }
    const meta: ArticleMeta = parsed.data;
    if (!article.textFile.endsWith(meta.source)) {
      at(article.metaFile, ['source'], `source "${meta.source}" is not the text file beside it (${article.textFile})`);
    }
    if (articles[meta.id]) {
      at(article.metaFile, ['id'], `article id "${meta.id}" is used twice`);
      continue;
    }
    if (meta.titleIsFirstLine && article.text.split(/\r?\n/u, 1)[0]?.trim() !== meta.title) {
      at(article.metaFile, ['title'], 'title differs from the first line of the text, which titleIsFirstLine says it is');
    }
    articles[meta.id] = {
      id: meta.id,
      title: meta.title,
      date: meta.date,
      source: meta.source,
      ...(meta.dateNote ? { dateNote: meta.dateNote } : {}),
    };
    // The title is passage p0s1 (when it is the first line), so facts and aliases can cite the headline too.
    for (const passage of articlePassages(article.text, meta)) {
      const id = `${meta.id}/${passage.id}`;
      passages[id] = { id, articleId: meta.id, text: passage.text, entityIds: [] };
      passageLines.set(id, { file: article.textFile, line: passage.line });
    }
  }

  // Entities: shape first.
  const file = input.entitiesFile;
  const parsedEntities = entitiesFileSchema.safeParse(input.entities);
  if (!parsedEntities.success) {
    for (const issue of parsedEntities.error.issues) at(file, issue.path, describeIssue(issue));
    throw new DatasetError(problems);
  }
  const entities: EntitySource[] = parsedEntities.data.entities;
  const roleNames = parsedEntities.data.roleNames;

  const seenIds = new Map<string, number>();
  entities.forEach((entity, i) => {
    const first = seenIds.get(entity.id);
    if (first !== undefined) at(file, ['entities', i, 'id'], `entity id "${entity.id}" is already used by entry ${first + 1}`);
    else seenIds.set(entity.id, i);
  });

  // Every bare name form must be found in the dataset's text; others carry a source.
  const bareForms: Array<{ text: string; path: PropertyKey[] }> = [];
  entities.forEach((entity, i) => {
    for (const group of ['aliases', 'shortNames', 'prefixes'] as const) {
      entity[group].forEach((form, k) => {
        const path = ['entities', i, group, k];
        if (group === 'aliases') {
          const problem = aliasProblem(formText(form));
          if (problem) at(file, path, `${entity.id}: ${problem}`);
        }
        if (typeof form === 'string') bareForms.push({ text: form, path });
      });
    }
  });
  roleNames.forEach((group, k) => {
    group.names.forEach((form, j) => {
      if (typeof form === 'string') bareForms.push({ text: form, path: ['roleNames', k, 'names', j] });
    });
  });
  const formMatcher = new Matcher(bareForms.map((f, k) => ({ text: f.text, entity: k })));
  const foundForms = new Set<number>();
  for (const passage of Object.values(passages)) {
    for (const m of formMatcher.findAll(passage.text)) foundForms.add(m.entity);
  }
  bareForms.forEach((form, k) => {
    if (!foundForms.has(k)) {
      at(file, form.path, `"${form.text}" appears in no passage of the dataset; write it as { text, source } to say where it comes from`);
    }
  });

  // Phrases resolved on the page rather than fixed to one entity: role phrases ("Tổng thống
  // Nga", "người đứng đầu Điện Kremlin": the holder then), written by grammar from every role
  // the entities hold (lib/role-phrases.ts) and from the curated role names; counterparts
  // ("người đồng cấp Nga": the same office there); a relation before a named person
  // ("người phát ngôn" + "của Tổng thống Putin"); and short names alone ("Perry": the
  // person, once the page has named them in full).
  const roles: RoleTenures[] = [];
  const roleTitles: string[][] = [];
  const roleAt = new Map<string, number>();
  entities.forEach((e, i) => {
    for (const r of e.roles) {
      const key = roleKey(r.title);
      let k = roleAt.get(key);
      if (k === undefined) {
        k = roles.length;
        roleAt.set(key, k);
        roles.push({ title: r.title, holders: [], ...(isOneOfSeveral(r.title) ? { several: true as const } : {}) });
        roleTitles.push([]);
      }
      roles[k]!.holders.push([i, r.from, r.to ?? null]);
      if (!roleTitles[k]!.includes(r.title)) roleTitles[k]!.push(r.title);
    }
  });
  const curatedRoleAt = roleNames.map((group, k) => {
    const at_ = roleAt.get(roleKey(group.role));
    if (at_ === undefined) at(file, ['roleNames', k, 'role'], `role "${group.role}" is held by no entity (add it to an entity's roles)`);
    return at_;
  });
  // Relations alone, each resolved by the office of the person named right after it.
  const relationRoles: Array<{ role: number; words: readonly string[] }> = [];
  roles.forEach((role, target) => {
    const parsed = parseTitle(role.title);
    if (parsed.kind !== 'relation') return;
    const principal = roleAt.get(roleKey(parsed.principal));
    if (principal === undefined) return;
    let alone = relationRoles.find((r) => r.words.includes(parsed.relation));
    if (!alone) {
      alone = { role: roles.length, words: relationWords(parsed.relation) };
      relationRoles.push(alone);
      roles.push({ title: parsed.relation, holders: [], relation: [] });
    }
    roles[alone.role]!.relation!.push([principal, target]);
  });
  // The elect of an office ("Tổng thống đắc cử Mỹ"): whoever takes it next.
  const electRoles: Array<{ role: number; phrases: string[] }> = [];
  roles.slice().forEach((role) => {
    const phrases = electPhrases(role.title);
    if (phrases.length === 0) return;
    electRoles.push({ role: roles.length, phrases });
    roles.push({ title: phrases[0]!, holders: role.holders, elect: true });
  });
  // Members of a kind of office ("nhà ngoại giao Nga"): whichever holder of one is named nearby.
  const memberRoles = new Map<string, { role: number; phrases: string[] }>();
  roles.slice().forEach((role, k) => {
    for (const member of memberPhrases(role.title)) {
      let entry = memberRoles.get(member.key);
      if (!entry) {
        entry = { role: roles.length, phrases: member.phrases };
        memberRoles.set(member.key, entry);
        roles.push({ title: member.phrases[0]!, holders: [], several: true });
      }
      roles[entry.role]!.holders.push(...roles[k]!.holders);
    }
  });
  const countries = [...new Set(entities.flatMap((e) => e.roles.map((r) => countryOf(r.title))).filter((c) => c !== null))];
  const counterpartsAt = roles.length;
  for (const country of countries) roles.push({ title: `người đồng cấp ${country}`, holders: [], counterpartIn: country });

  // Expanded aliases, each claimed by one entity or role only. A curated alias claimed twice
  // is an error; a generated one that meets another owner's alias gives way (it is dropped).
  const owners = new Map<string, { owner: number; generated: boolean }>();
  const ownerName = (owner: number) => (owner < entities.length ? entities[owner]!.id : `"${roles[owner - entities.length]!.title}"`);
  const candidates: Array<{ text: string; owner: number; generated: boolean; path: PropertyKey[] }> = [];
  entities.forEach((entity, i) => {
    const expanded = expandAliases({
      kind: entity.kind,
      aliases: entity.aliases.map(formText),
      shortNames: entity.shortNames.map(formText),
      prefixes: entity.prefixes.map(formText),
      titles: [...new Set(entity.roles.map((r) => r.title))],
      ...(entity.romanisedFrom ? { romanisedFrom: entity.romanisedFrom } : {}),
    });
    for (const alias of expanded) candidates.push({ ...alias, owner: i, path: ['entities', i, 'aliases'] });
    entity.shortNames.forEach((form, k) => {
      const name = formText(form);
      if (aliasProblem(name)) return; // too short or too common to stand alone even then
      candidates.push({ text: name, owner: entities.length + roles.length, generated: true, path: ['entities', i, 'shortNames', k] });
      roles.push({ title: name, holders: [], nameOf: i });
    });
  });
  roleTitles.forEach((titles, k) => {
    for (const title of titles) {
      for (const phrase of rolePhrases(title)) {
        candidates.push({ text: phrase, owner: entities.length + k, generated: phrase !== title, path: ['entities'] });
      }
    }
  });
  for (const { role, phrases } of [...electRoles, ...memberRoles.values()]) {
    for (const phrase of phrases) candidates.push({ text: phrase, owner: entities.length + role, generated: true, path: ['entities'] });
  }
  for (const { role, words } of relationRoles) {
    for (const word of words) candidates.push({ text: word, owner: entities.length + role, generated: true, path: ['entities'] });
  }
  roleNames.forEach((group, k) => {
    const role = curatedRoleAt[k];
    if (role === undefined) return;
    for (const form of group.names) {
      const name = formText(form);
      for (const variant of titleVariants(name)) {
        candidates.push({ text: variant, owner: entities.length + role, generated: variant !== name, path: ['roleNames', k, 'names'] });
      }
    }
  });
  countries.forEach((country, j) => {
    // "người đồng cấp Nga", "người đồng cấp phía Nga", "người đồng cấp của nước Mỹ"…
    for (const name of placeForms(country, true).flatMap((p) => (/^(?:phía|xứ) /u.test(p) ? [p] : [p, `của ${p}`]))) {
      candidates.push({
        text: `người đồng cấp ${name}`,
        owner: entities.length + counterpartsAt + j,
        generated: true,
        path: ['roleNames'],
      });
    }
  });
  const contested = new Set<string>();
  for (const generated of [false, true]) {
    for (const c of candidates) {
      if (c.generated !== generated) continue;
      const key = fold(c.text);
      const claim = owners.get(key);
      if (claim === undefined) owners.set(key, { owner: c.owner, generated });
      else if (claim.owner === c.owner) continue;
      else if (!generated) {
        const what = c.owner < entities.length ? `alias "${c.text}" of ${ownerName(c.owner)}` : `role name "${c.text}"`;
        at(file, c.path, `${what} is also claimed by ${ownerName(claim.owner)}`);
      } else if (claim.generated) contested.add(key);
    }
  }
  const aliases: Alias[] = [];
  const taken = new Set<string>();
  for (const c of candidates) {
    const key = fold(c.text);
    if (owners.get(key)?.owner !== c.owner || contested.has(key) || taken.has(key)) continue;
    taken.add(key);
    aliases.push({ text: c.text, entity: c.owner });
  }

  // Which entities each passage mentions, nested names included ("NATO" in "Tổng thư ký NATO Jens Stoltenberg").
  const matcher = new Matcher(aliases.filter((a) => a.entity < entities.length));
  const mentioned = new Map<string, Set<number>>();
  for (const passage of Object.values(passages)) {
    mentioned.set(passage.id, new Set(matcher.findAll(passage.text).map((m) => m.entity)));
  }

  // References.
  entities.forEach((entity, i) => {
    const checkExists = (ref: string, path: PropertyKey[]) => {
      if (passages[ref]) return true;
      at(file, path, `${entity.id}: passage "${ref}" does not exist${suggestArticle(ref, articles)}`);
      return false;
    };
    entity.description.passages.forEach((ref, k) => {
      checkExists(ref, ['entities', i, 'description', 'passages', k]);
    });
    if (entity.endsOn) checkExists(entity.endsOn.passage, ['entities', i, 'endsOn', 'passage']);
    entity.facts.forEach((fact, k) => {
      const path = ['entities', i, 'facts', k];
      if (!checkExists(fact.passage, [...path, 'passage'])) return;
      const passage = passages[fact.passage]!;
      if (fact.mentionedAs !== undefined) {
        if (!fold(passage.text).includes(fold(fact.mentionedAs))) {
          at(file, [...path, 'mentionedAs'], `${entity.id}: passage ${fact.passage} does not contain "${fact.mentionedAs}"`);
        }
        mentioned.get(passage.id)!.add(i);
      } else if (!mentioned.get(passage.id)!.has(i)) {
        const where = passageLines.get(fact.passage)!;
        at(
          file,
          [...path, 'passage'],
          `${entity.id}: passage ${fact.passage} (${where.file}:${where.line}) does not mention it; add mentionedAs with the words that do`,
        );
      }
    });
    entity.roles.forEach((role, k) => {
      if (role.to !== undefined && role.to < role.from)
        at(file, ['entities', i, 'roles', k, 'to'], `${entity.id}: role ends before it starts`);
    });
  });

  if (problems.length > 0) throw new DatasetError(problems);

  for (const [passageId, set] of mentioned) {
    passages[passageId]!.entityIds = [...set].sort((a, b) => a - b).map((i) => entities[i]!.id);
  }

  const related = relatedEntities(passages);
  const cards: Record<string, Card> = {};
  for (const entity of entities) {
    cards[entity.id] = {
      id: entity.id,
      kind: entity.kind,
      name: entity.name.vi,
      nameEn: entity.name.en,
      description: entity.description.text,
      descriptionPassages: entity.description.passages,
      aliases: entity.aliases.map(formText),
      roles: entity.roles,
      ...(entity.endsOn ? { endsOn: entity.endsOn } : {}),
      facts: entity.facts.map((f) => f.passage),
      related: related.get(entity.id) ?? [],
    };
  }

  return {
    matcher: {
      entities: entities.map((e) => ({ id: e.id, name: e.name.vi, kind: e.kind })),
      aliases: aliases.map((a) => [a.text, a.entity]),
      roles,
    },
    cards: { articles, passages, cards },
    searchDocs: [
      ...entities.map(
        (e): SearchDoc => ({
          id: `entity:${e.id}`,
          type: 'entity',
          entityIds: [e.id],
          names: [e.name.vi, e.name.en].join(' · '),
          // Names, aliases and the roles held: "ngoai truong nga" finds Sergei Lavrov.
          aliases: [...e.aliases.map(formText), ...e.shortNames.map(formText), ...new Set(e.roles.map((r) => r.title))].join(' · '),
          text: e.description.text,
        }),
      ),
      ...Object.values(passages).map(
        (p): SearchDoc => ({ id: `passage:${p.id}`, type: 'passage', entityIds: p.entityIds, names: '', aliases: '', text: p.text }),
      ),
    ],
  };
}

/**
 * For each entity, the others sharing passages with it, most shared first. One pass over the
 * passages: asking per entity would read every passage once per entity.
 */
function relatedEntities(passages: Record<string, PassageInfo>): Map<string, string[]> {
  const counts = new Map<string, Map<string, number>>();
  for (const passage of Object.values(passages)) {
    for (const id of passage.entityIds) {
      let mine = counts.get(id);
      if (!mine) {
        mine = new Map();
        counts.set(id, mine);
      }
      for (const other of passage.entityIds) if (other !== id) mine.set(other, (mine.get(other) ?? 0) + 1);
    }
  }
  const related = new Map<string, string[]>();
  for (const [id, mine] of counts) {
    related.set(
      id,
      [...mine].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([other]) => other),
    );
  }
  return related;
}

function suggestArticle(ref: string, articles: Record<string, ArticleInfo>): string {
  const articleId = ref.split('/')[0]!;
  return articles[articleId] ? '' : ` (no article "${articleId}"; articles: ${Object.keys(articles).join(', ')})`;
}

function describeIssue(issue: { path: PropertyKey[]; message: string }): string {
  const where = issue.path.length ? `${issue.path.map(String).join('.')}: ` : '';
  return `${where}${issue.message}`;
}
