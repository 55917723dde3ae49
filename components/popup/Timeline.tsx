/** An entity's passages by date: one entry per article, oldest first, each passage quoted. */
import { formatDateVi } from '../../lib/dates';
import type { TimelineEntry } from '../../lib/timeline';
import { T } from '../strings';

export function Timeline({ entries }: { entries: TimelineEntry[] }) {
  if (entries.length === 0) return null;
  return (
    <section class="timeline" aria-labelledby="timeline-heading">
      <h3 id="timeline-heading">{T.timeline}</h3>
      <ol class="timeline-list" aria-label={T.timelineLabel}>
        {entries.map(({ article, passages }) => (
          <li key={article.id} class="timeline-entry">
            <p class="timeline-date">
              {article.date ? <time dateTime={article.date}>{formatDateVi(article.date)}</time> : T.noDate}
              {' · '}
              <span class="timeline-title">{article.title ?? T.untitled}</span>
              {' · '}
              {T.passagesCount(passages.length)}
            </p>
            <ul class="timeline-passages">
              {passages.map((p) => (
                <li key={p.id}>
                  <q>{p.text}</q>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </section>
  );
}
