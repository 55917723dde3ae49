/** The entities found on the current page, with how often, in order of first appearance. */
import type { MentionsResponse } from '../../lib/messages';
import { KIND_LABELS, T } from '../strings';

interface Props {
  response: MentionsResponse | null;
  onReveal: (entityId: string) => void;
}

export function PageMentions({ response, onReveal }: Props) {
  // An inactive page is explained by the site control above, with what to do about it.
  if (!response?.active) return null;
  const counts = new Map<string, { name: string; kind: keyof typeof KIND_LABELS; count: number }>();
  for (const m of response.mentions) {
    const entry = counts.get(m.entityId);
    if (entry) entry.count++;
    else counts.set(m.entityId, { name: m.name, kind: m.kind, count: 1 });
  }
  return (
    <section class="on-page" aria-labelledby="on-page-heading">
      <h2 id="on-page-heading">{T.onThisPage}</h2>
      {counts.size === 0 && <p class="muted">{T.nothingOnPage}</p>}
      {counts.size > 0 && (
        <ul class="page-list">
          {[...counts].map(([id, entry]) => (
            <li key={id}>
              <button type="button" class="page-item" onClick={() => onReveal(id)}>
                <span class="result-name">{entry.name}</span>
                <span class="result-kind">{KIND_LABELS[entry.kind]}</span>
                <span class="count">{T.mentionCount(entry.count)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
