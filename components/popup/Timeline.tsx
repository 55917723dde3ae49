/** An entity's passages by date: one entry per article, oldest first, each passage quoted. */
import { useState } from 'preact/hooks';
import { formatDateVi } from '../../lib/dates';
import type { TimelineEntry } from '../../lib/timeline';
import { T } from '../strings';

/** Passages shown per article before "show more": an entity named often should not bury the rest. */
const FIRST_PASSAGES = 3;

function Entry({ entry }: { entry: TimelineEntry }) {
  const { article, passages } = entry;
  const [open, setOpen] = useState(false);
  const shown = open ? passages : passages.slice(0, FIRST_PASSAGES);
  const listId = `timeline-${article.id}`;
  return (
    <li class="timeline-entry">
      <p class="timeline-date">
        {article.date ? <time dateTime={article.date}>{formatDateVi(article.date)}</time> : T.noDate}
        {' · '}
        <span class="timeline-title">{article.title ?? T.untitled}</span>
        {' · '}
        {T.passagesCount(passages.length)}
      </p>
      <ul class="timeline-passages" id={listId}>
        {shown.map((p) => (
          <li key={p.id}>
            <q>{p.text}</q>
          </li>
        ))}
      </ul>
      {passages.length > FIRST_PASSAGES && (
        <button type="button" class="bc-link timeline-more" aria-expanded={open} aria-controls={listId} onClick={() => setOpen(!open)}>
          {open ? T.fewerPassages : T.morePassages(passages.length - FIRST_PASSAGES)}
        </button>
      )}
    </li>
  );
}

export function Timeline({ entries }: { entries: TimelineEntry[] }) {
  if (entries.length === 0) return null;
  return (
    <section class="timeline" aria-labelledby="timeline-heading">
      <h3 id="timeline-heading">{T.timeline}</h3>
      <ol class="timeline-list" aria-label={T.timelineLabel}>
        {entries.map((entry) => (
          <Entry key={entry.article.id} entry={entry} />
        ))}
      </ol>
    </section>
  );
}
