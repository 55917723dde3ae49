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

/** What the card knows of the mention it was opened from. */
export interface MentionContext {
  /** The words on the page, exactly as written. */
  found: string;
  meant: RoleMeant | null;
  /** The link around the mention that a tap did not follow (href null: not a web address). */
  link?: { href: string | null; text: string } | null;
}

interface Props {
  view: CardView;
  mention: MentionContext;
  pinned: boolean;
  onClose: () => void;
  onPin: () => void;
  onMore: () => void;
  onHide: () => void;
  onFollowLink: () => void;
  /** A bottom sheet (a narrow screen) rather than a popover beside the mention. */
  sheet: boolean;
}

export function Popover({ view, mention, pinned, onClose, onPin, onMore, onHide, onFollowLink, sheet }: Props) {
  const headingId = `bc-heading-${view.id}`;
  const follow = (event: Event) => {
    // The page's own link is clicked instead, so that its handlers and target decide.
    event.preventDefault();
    onFollowLink();
  };
  return (
    <div
      class="bc-popover"
      role="dialog"
      aria-labelledby={headingId}
      aria-modal="false"
      tabIndex={-1}
      data-pinned={pinned}
      data-layout={sheet ? 'sheet' : 'popover'}
    >
      {sheet && <div class="bc-grabber" aria-hidden="true" />}
      <div class="bc-tools">
        <button type="button" class="bc-icon-button bc-pin" aria-pressed={pinned} aria-label={T.pin} title={T.pinHint} onClick={onPin}>
          <svg viewBox="0 0 16 16" aria-hidden="true" width="14" height="14">
            <path d="M10.5 1.5 14.5 5.5 12 6.5 9.5 9l.5 3.5-1 1-3-3-3.5 3.5-.5-.5L5.5 10l-3-3 1-1L7 6.5 9.5 4z" />
          </svg>
        </button>
        <button type="button" class="bc-icon-button bc-close" aria-label={T.close} title={T.close} onClick={onClose}>
          <svg viewBox="0 0 16 16" aria-hidden="true" width="14" height="14">
            <path d="M3.5 3.5l9 9m0-9-9 9" />
          </svg>
        </button>
      </div>
      {mention.meant && (
        <p class="bc-meant">{T.roleMeant(mention.meant.role, mention.meant.on ? formatMonthVi(mention.meant.on) : null, view.name)}</p>
      )}
      {/* First: the reader tapped a link, and may want it more than the card. */}
      {mention.link && (
        <p class="bc-follow">
          {mention.link.href ? (
            <a class="bc-link" href={mention.link.href} onClick={follow}>
              {T.followLink(mention.link.text)} <span aria-hidden="true">→</span>
            </a>
          ) : (
            <button type="button" class="bc-link" onClick={follow}>
              {T.followLink(mention.link.text)} <span aria-hidden="true">→</span>
            </button>
          )}
        </p>
      )}
      <EntityCard view={view} maxFacts={POPOVER_FACTS} headingId={headingId} />
      <p class="bc-why">
        {T.whyMatched} <q class="bc-found">{mention.found}</q>
      </p>
      <div class="bc-actions">
        <button type="button" class="bc-link" onClick={onMore}>
          {T.seeMore} →
        </button>
        <button type="button" class="bc-link bc-quiet" onClick={onHide}>
          {T.notThis}
        </button>
      </div>
    </div>
  );
}

/** "2021-06-16" → "6/2021": a role is held for months or years, the month says enough. */
function formatMonthVi(iso: string): string {
  return formatDateVi(iso.slice(0, 7));
}
