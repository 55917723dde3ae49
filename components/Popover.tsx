/** The card shown beside a mention on the page. */
import type { CardView } from '../lib/card-view';
import { EntityCard } from './EntityCard';
import { T } from './strings';

/** Facts shown in the popover; the popup shows them all. */
export const POPOVER_FACTS = 3;

interface Props {
  view: CardView;
  onClose: () => void;
  onMore: () => void;
}

export function Popover({ view, onClose, onMore }: Props) {
  const headingId = `bc-heading-${view.id}`;
  return (
    <div class="bc-popover" role="dialog" aria-labelledby={headingId}>
      <button type="button" class="bc-close" aria-label={T.close} title={T.close} onClick={onClose}>
        ×
      </button>
      <EntityCard view={view} maxFacts={POPOVER_FACTS} headingId={headingId} />
      <button type="button" class="bc-link" onClick={onMore}>
        {T.seeMore} →
      </button>
    </div>
  );
}
