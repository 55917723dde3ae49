/** The coverage report as Markdown: tables a reviewer reads in a pull request or an editor. */
import type { Coverage } from './coverage';
import { dateLabel, LABELS, roleLabel } from './report-labels';

/** A table cell: one line, pipes and Markdown's active characters escaped. */
function cell(text: string): string {
  return text.replace(/\r?\n/gu, ' ').replace(/([\\|*_`[\]<>#])/gu, '\\$1');
}

function table(head: readonly string[], rows: ReadonlyArray<readonly string[]>): string[] {
  return [
    `| ${head.map(cell).join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ];
}

export function coverageMarkdown(c: Coverage): string {
  const out: string[] = [`# ${LABELS.title}`, '', `## ${LABELS.summary}`, ''];
  out.push(
    ...table(
      [LABELS.articles, LABELS.passages, LABELS.entities, LABELS.facts, LABELS.builds],
      [
        [
          String(c.totals.articles),
          String(c.totals.passages),
          String(c.totals.entities),
          String(c.totals.facts),
          c.problems.length ? LABELS.no : LABELS.yes,
        ],
      ],
    ),
  );
  if (c.problems.length) out.push('', `## ${LABELS.problems}`, '', ...c.problems.map((p) => `- ${cell(p)}`));

  out.push('', `## ${LABELS.entities}`, '');
  out.push(
    ...table(
      [
        LABELS.entity,
        LABELS.kind,
        LABELS.factCount,
        LABELS.fromArticles,
        LABELS.firstDate,
        LABELS.lastDate,
        LABELS.mentionedIn,
        LABELS.description,
        LABELS.openRoles,
        LABELS.unseenAliases,
      ],
      c.entities.map((e) => [
        `${e.name} (${e.id})`,
        e.kind,
        String(e.facts.length),
        e.articles.join(', '),
        e.firstDate ? dateLabel(e.firstDate) : '',
        e.lastDate ? dateLabel(e.lastDate) : '',
        String(e.mentionedIn),
        e.hasDescription ? LABELS.yes : LABELS.no,
        e.openRoles.map(roleLabel).join('; '),
        e.aliasesNeverSeen.join('; '),
      ]),
    ),
  );
  out.push('', `## ${LABELS.factsByEntity}`);
  for (const e of c.entities) {
    out.push('', `### ${cell(e.name)} (${e.id})`, '');
    if (e.facts.length === 0) out.push(LABELS.none);
    else
      out.push(
        ...table(
          [LABELS.passage, LABELS.article, LABELS.date, LABELS.text],
          e.facts.map((f) => [f.passage, f.articleTitle ?? f.articleId, dateLabel(f.date), f.text ?? LABELS.missingPassage]),
        ),
      );
  }

  out.push('', `## ${LABELS.withoutFacts}`, '');
  out.push(...(c.entitiesWithoutFacts.length ? c.entitiesWithoutFacts.map((id) => `- ${id}`) : [LABELS.none]));
  out.push('', `## ${LABELS.withoutEntities}`, '');
  out.push(
    ...(c.articlesWithoutEntities.length
      ? c.articlesWithoutEntities.map((a) => `- ${a.id}${a.title ? `: ${cell(a.title)}` : ''} (${dateLabel(a.date)})`)
      : [LABELS.none]),
  );
  out.push('', `## ${LABELS.recurring}`, '', LABELS.recurringNote, '');
  if (c.recurringUnknown.length === 0) out.push(LABELS.none);
  else
    out.push(
      ...table(
        [LABELS.name, LABELS.kind, LABELS.articleCount, LABELS.passageCount, LABELS.articles],
        c.recurringUnknown.map((r) => [r.text, r.kind, String(r.articles.length), String(r.passages), r.articles.join(', ')]),
      ),
    );
  return `${out.join('\n')}\n`;
}
