/** Search results, grouped by entity, best first; matched words are marked. */
import { useState } from 'preact/hooks';
import type { CardData } from '../../lib/artifacts';
import { splitByTerms } from '../../lib/highlight-terms';
import type { EntityResult } from '../../lib/search';
import { FactSource } from '../EntityCard';
import { KIND_LABELS, T } from '../strings';

/** Passages shown under each entity in the results. */
const PASSAGES_PER_RESULT = 2;
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
  data: CardData;
  onOpen: (entityId: string) => void;
}

export function SearchResults({ results, data, onOpen }: Props) {
  // Keyed by the query in the popup, so a new query starts again from the first results.
  const [shown, setShown] = useState(FIRST_RESULTS);
  return (
    <>
      <ul class="results" aria-label={T.resultsLabel}>
        {results.slice(0, shown).map((result) => {
          const card = result.entityId ? data.cards[result.entityId] : null;
          return (
            <li key={result.entityId ?? 'other'} class="result">
              {card ? (
                <button type="button" class="result-head" data-result onClick={() => onOpen(card.id)}>
                  <span class="result-name">
                    <Marked text={card.name} terms={result.terms} />
                  </span>
                  <span class="result-kind">{KIND_LABELS[card.kind]}</span>
                </button>
              ) : (
                <p class="result-head result-other">{T.otherPassages}</p>
              )}
              {result.passages.slice(0, PASSAGES_PER_RESULT).map((hit) => {
                const passage = data.passages[hit.passageId];
                const article = passage && data.articles[passage.articleId];
                if (!passage || !article) return null;
                return (
                  <div key={hit.passageId} class="result-passage">
                    <p class="result-quote">
                      “<Marked text={passage.text} terms={hit.terms} />”
                    </p>
                    <FactSource source={{ articleId: article.id, title: article.title, date: article.date, file: article.source }} />
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
