/** What the lazily loaded card UI (entrypoints/card-ui/) hands the content script. */
import type { PopoverView } from '../card-ui/popover-view';

/** Where the card UI leaves itself, on the isolated world's global (the page never sees it). */
export const CARD_UI_KEY = '__boiCanhCardUi';
/** The built file, listed in web_accessible_resources so that the content script may import it. */
export const CARD_UI_FILE = '/card-ui.js';

export interface CardUi {
  PopoverView: typeof PopoverView;
}
