/** The card shown beside a mention on the page. */
import type { CardView } from '../lib/card-view';
import { formatDateVi } from '../lib/dates';
import { EntityCard } from './EntityCard';
import { T } from './strings';

/** Facts shown in the popover; the popup shows them all. */
export const POPOVER_FACTS = 3;

/** A role phrase on the page ("Ngoại trưởng Nga") and the day its holder was read for. */
export interface RoleMeant {
  role: string;
  /** The article's date (YYYY-MM-DD), or null when the holder was known from the names on the page. */
  on: string | null;
}

interface Props {
  view: CardView;
  meant?: RoleMeant | null;
  onClose: () => void;
  onMore: () => void;
}

export function Popover({ view, meant, onClose, onMore }: Props) {
  const headingId = `bc-heading-${view.id}`;
  return (
    <div class="bc-popover" role="dialog" aria-labelledby={headingId}>
      <button type="button" class="bc-close" aria-label={T.close} title={T.close} onClick={onClose}>
        ×
      </button>
      {meant && <p class="bc-meant">{T.roleMeant(meant.role, meant.on ? formatMonthVi(meant.on) : null, view.name)}</p>}
      <EntityCard view={view} maxFacts={POPOVER_FACTS} headingId={headingId} />
      <button type="button" class="bc-link" onClick={onMore}>
        {T.seeMore} →
      </button>
    </div>
  );
}

/** "2021-06-16" → "6/2021": a role is held for months or years, the month says enough. */
function formatMonthVi(iso: string): string {
  return formatDateVi(iso.slice(0, 7));
}
