/** Search results, grouped by entity, best first; matched words are marked. */
import { useState } from 'preact/hooks';
import type { EntitySummary } from '../../lib/artifacts';
import { QUOTES_PER_RESULT } from '../../lib/constants';
import { splitByTerms } from '../../lib/highlight-terms';
import type { Quote } from '../../lib/worker-search';
import type { EntityResult } from '../../lib/search';
import { FactSource } from '../EntityCard';
import { KIND_LABELS, T } from '../strings';

/** Entities shown at first; a large dataset can match hundreds, and nobody reads past a page or two. */
const FIRST_RESULTS = 20;

export function Marked({ text, terms }: { text: string; terms: string[] }) {
  return (
    <>
      {splitByTerms(text, terms).map((run, i) =>
        run.hit ? (
          <mark key={i} class="bc-hit">
            {run.text}
          </mark>
        ) : (
          run.text
        ),
      )}
    </>
  );
}

interface Props {
  results: EntityResult[];
  entities: Record<string, EntitySummary>;
  /** The passages quoted, by id: they come with the passage search, after the entities. */
  quotes: Record<string, Quote>;
  onOpen: (entityId: string) => void;
}

export function SearchResults({ results, entities, quotes, onOpen }: Props) {
  // Keyed by the query in the popup, so a new query starts again from the first results.
  const [shown, setShown] = useState(FIRST_RESULTS);
  return (
    <>
      <ul class="results" aria-label={T.resultsLabel}>
        {results.slice(0, shown).map((result) => {
          const card = result.entityId ? entities[result.entityId] : null;
          return (
            <li key={result.entityId ?? 'other'} class="result">
              {card ? (
                <button type="button" class="result-head" data-result onClick={() => onOpen(result.entityId!)}>
                  <span class="result-name">
                    <Marked text={card.name} terms={result.terms} />
                  </span>
                  <span class="result-kind">{KIND_LABELS[card.kind]}</span>
                </button>
              ) : (
                <p class="result-head result-other">{T.otherPassages}</p>
              )}
              {result.passages.slice(0, QUOTES_PER_RESULT).map((hit) => {
                const quote = quotes[hit.passageId];
                if (!quote) return null;
                return (
                  <div key={hit.passageId} class="result-passage">
                    <p class="result-quote">
                      “<Marked text={quote.text} terms={hit.terms} />”
                    </p>
                    <FactSource source={quote.source} />
                  </div>
                );
              })}
            </li>
          );
        })}
      </ul>
      {results.length > shown && (
        <button type="button" class="more-results bc-link" onClick={() => setShown((n) => n + FIRST_RESULTS)}>
          {T.moreResults(results.length - shown)}
        </button>
      )}
    </>
  );
}
