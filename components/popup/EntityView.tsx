/**
 * One entity in full: its card with every fact, how else it is written, related entities
 * (named in the same passages), and every passage that mentions it as a timeline.
 */
import type { CardView } from '../../lib/card-view';
import type { TimelineEntry } from '../../lib/timeline';
import { EntityCard } from '../EntityCard';
import { KIND_LABELS, T } from '../strings';
import { Timeline } from './Timeline';

interface Props {
  view: CardView;
  timeline: TimelineEntry[];
  onOpen: (entityId: string) => void;
  onBack: () => void;
}

export function EntityView({ view, timeline, onOpen, onBack }: Props) {
  return (
    <section class="entity-view" aria-labelledby="entity-heading">
      <button type="button" class="back bc-link" onClick={onBack}>
        ← {T.back}
      </button>
      <EntityCard view={view} headingId="entity-heading" />
      {view.aliases.length > 1 && (
        <p class="aliases">
          <strong>{T.alsoWritten}:</strong> {view.aliases.join(' · ')}
        </p>
      )}
      {view.related.length > 0 && (
        <nav class="related" aria-label={T.related}>
          <strong>{T.related}:</strong>
          <ul>
            {view.related.map((r) => (
              <li key={r.id}>
                <button type="button" class="chip" onClick={() => onOpen(r.id)} title={KIND_LABELS[r.kind]}>
                  {r.name}
                </button>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <Timeline entries={timeline} />
    </section>
  );
}
