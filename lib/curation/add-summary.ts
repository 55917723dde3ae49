/**
 * What `npm run data:add` prints once the article is in: its passages, the known entities it
 * names with facts ready to paste into data/entities.yaml, the role phrases and whom they
 * meant on its date, and the names the dataset does not know.
 */
import type { Candidate } from './candidates';
import type { ArticleMentions } from './mentions';

export interface AddSummary {
  articleId: string;
  /** The files written, as shown to the curator. */
  files: string[];
  title: string | null;
  titleIsFirstLine: boolean;
  date: string;
  passages: number;
  stats: { articles: number; passages: number; entities: number };
  mentions: ArticleMentions;
  candidates: Candidate[];
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function formatAddSummary(s: AddSummary): string {
  const ref = (passage: string) => `${s.articleId}/${passage}`;
  const out: string[] = [];
  out.push(
    `Added ${s.files.join(' and ')}: article "${s.articleId}", ${plural(s.passages, 'passage')}${s.titleIsFirstLine ? ' (the first line is the title, p0s1)' : ''}.`,
  );
  out.push(
    `The dataset builds with it: ${plural(s.stats.articles, 'article')}, ${plural(s.stats.passages, 'passage')}, ${plural(s.stats.entities, 'entity', 'entities')}.`,
  );
  out.push('');
  const { entities, roles } = s.mentions;
  if (entities.length === 0) out.push('Known entities: none.');
  else {
    out.push(`Known entities (${entities.length}), with facts to paste under each one's facts: in data/entities.yaml:`);
    for (const e of entities) {
      out.push(`  ${e.id} (${e.name}): ${plural(e.passages.length, 'passage')}`);
      for (const p of e.passages) {
        out.push(`      - passage: ${ref(p.passage)}`);
        if (p.mentionedAs) out.push(`        mentionedAs: ${p.mentionedAs}`);
      }
    }
  }
  out.push('');
  if (roles.length === 0) out.push(`Role phrases: none resolved on ${s.date}.`);
  else {
    out.push(`Role phrases, resolved by the article's date (${s.date}):`);
    for (const r of roles) {
      const tenure = r.tenure[1] ? `from ${r.tenure[0]} to ${r.tenure[1]}` : `since ${r.tenure[0]}`;
      out.push(`  ${ref(r.passage)} "${r.text}" → ${r.entityId} (${r.entityName}), ${r.role} ${tenure}`);
    }
  }
  out.push('');
  if (s.candidates.length === 0) out.push('Names the dataset does not know: none found.');
  else {
    out.push(`Names the dataset does not know (${s.candidates.length}), candidates for new entities:`);
    for (const c of s.candidates) {
      const cue = c.cue ? ` after "${c.cue}"` : '';
      out.push(`  ${c.kind.padEnd(7)} "${c.text}"${cue}: ${c.passages.map(ref).join(', ')}`);
    }
  }
  return `${out.join('\n')}\n`;
}
