/** Messages between the extension's parts, and their answers. */
import type { EntityKind } from './artifacts';
import type { CardView } from './card-view';

/** Why the content script is not working on a page. */
export type InactiveReason = 'paused' | 'site-disabled' | 'not-vietnamese' | 'no-highlight-api' | 'editable-page';

export interface PageMention {
  entityId: string;
  /** The entity's display name. */
  name: string;
  kind: EntityKind;
  /** The text exactly as it stands on the page. */
  text: string;
}

/** The answer to `get-mentions`, as the architecture brief fixes it. */
export interface MentionsResponse {
  active: boolean;
  reason?: InactiveReason;
  mentions: PageMention[];
}

export interface PageInfo {
  host: string;
  active: boolean;
  reason?: InactiveReason;
  lang: string | null;
}

/** Sent to a tab's content script. */
export type ContentRequest =
  | { type: 'get-mentions' }
  | { type: 'get-page-info' }
  /** Scroll to the entity's next mention and open its card there. */
  | { type: 'reveal-entity'; entityId: string }
  /** Move to the next (1) or previous (-1) mention and open its card with focus (the keyboard shortcuts). */
  | { type: 'step-mention'; direction: 1 | -1 };

/** Sent to the background. */
export type BackgroundRequest =
  | { type: 'get-card'; entityId: string; asOf?: string | null }
  /** Open the popup on an entity ("see more" in a card). */
  | { type: 'open-entity'; entityId: string }
  /** A card's "not this": hide the entity on the site (settings are written by the extension, not by pages). */
  | { type: 'hide-entity'; host: string; entityId: string }
  /** The number of mentions marked in the sender's tab, for the toolbar badge. */
  | { type: 'mention-count'; count: number };

export type CardResponse = CardView | null;
