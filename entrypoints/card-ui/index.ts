/**
 * The card's UI (Preact, Floating UI, the components and their styles), built apart from the
 * engine and loaded by it the first time a card opens (content/built-scripts.ts): pages that
 * are read but where no card opens never pay for it. It runs in the content script's
 * isolated world and hands over its one class there.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { CARD_UI_SCRIPT, handOver } from '../../content/built-scripts';
import { PopoverView } from './popover-view';

export default defineUnlistedScript(() => handOver(CARD_UI_SCRIPT, { PopoverView }));
