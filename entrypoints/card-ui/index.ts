/**
 * The card's UI (Preact, Floating UI, the components and their styles), built apart from the
 * content script and loaded by it the first time a card opens: the script every page pays
 * for stays small. It runs in the content script's isolated world and hands over its one
 * class there.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { CARD_UI_KEY, type CardUi } from '../content/card-ui-contract';
import { PopoverView } from './popover-view';

export default defineUnlistedScript(() => {
  const ui: CardUi = { PopoverView };
  (globalThis as Record<string, unknown>)[CARD_UI_KEY] = ui;
});
