/**
 * Background: serves cards to content scripts (so that pages carry only the matcher), reading
 * one card shard per card, opens the popup on an entity, and keeps the toolbar badge's
 * mention count per tab.
 */
import { browser } from 'wxt/browser';
import type { Runtime } from 'webextension-polyfill';
import { defineBackground } from 'wxt/utils/define-background';
import { report as reportError } from '../utils/report';
import { cardView } from '../lib/card-view';
import { todayIso } from '../lib/dates';
import { router, type BackgroundProtocol } from '../lib/messages';
import { withSiteToggled } from '../lib/settings';
import { readCardShard } from '../utils/dataset-files';
import { askTab } from '../utils/messaging';
import { PENDING_ENTITY_KEY } from '../utils/popup-link';

import { setEntityHidden, updateSettings } from '../utils/settings-store';
import { COMMANDS } from '../lib/constants';

/** `action` in Manifest V3; Firefox's Manifest V2 build has `browserAction`. */
const action = browser.action ?? browser.browserAction;

const report = (where: string, error: unknown) => reportError(`background ${where}`, error);

async function openEntity(entityId: string, tabId: number | undefined): Promise<void> {
  await browser.storage.session.set({ [PENDING_ENTITY_KEY]: entityId });
  try {
    await action.openPopup();
  } catch {
    // Where the popup cannot be opened from here, show it in a tab beside the page.
    const params = new URLSearchParams({ entity: entityId, ...(tabId !== undefined ? { tabId: String(tabId) } : {}) });
    await browser.tabs.create({ url: `${browser.runtime.getURL('/popup.html')}?${params}` });
  }
}

/** Moves to the next or previous mention: the tab's content script does it. */
async function stepMention(tabId: number | undefined, direction: 1 | -1): Promise<void> {
  const id = tabId ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  if (id === undefined) return;
  await browser.tabs.sendMessage(id, { type: 'step-mention', direction }).catch(() => {
    // No content script on that page (a browser page, or one that was open before install).
  });
}

/**
 * The keyboard shortcut for the current site. The tab's id comes with the command; its host
 * comes from the tab's own content script, so no `tabs` permission is needed.
 */
async function toggleSite(tabId: number | undefined): Promise<void> {
  const id = tabId ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  if (id === undefined) return;
  // A page without the content script (a browser page, the store) has no site to switch.
  const info = await askTab(id, { type: 'get-page-info' }).catch(() => null);
  if (!info) return;
  await updateSettings((settings) => withSiteToggled(settings, info.host));
}

export default defineBackground(() => {
  browser.commands?.onCommand.addListener((command, tab) => {
    if (command === COMMANDS.toggleSite) toggleSite(tab?.id).catch((e) => report('toggle-site', e));
    else if (command === COMMANDS.nextMention || command === COMMANDS.previousMention) {
      stepMention(tab?.id, command === COMMANDS.nextMention ? 1 : -1).catch((e) => report('step-mention', e));
    }
  });
  browser.runtime.onMessage.addListener(
    router<BackgroundProtocol, Runtime.MessageSender>(
      {
        'get-card': (request) =>
          readCardShard(request.entityId).then((shard) =>
            cardView(shard, request.entityId, { today: todayIso(), asOf: request.asOf ?? null }),
          ),
        'hide-entity': (request) => setEntityHidden(request.host, request.entityId, true).then(() => undefined),
        'open-entity': (request, sender) =>
          openEntity(request.entityId, sender.tab?.id).then(
            () => undefined,
            (e) => void report('open-entity', e),
          ),
        'mention-count': (request, sender) => {
          const tabId = sender.tab?.id;
          if (tabId === undefined) return undefined;
          const text = request.count > 0 ? String(Math.min(request.count, 999)) : '';
          return Promise.all([action.setBadgeText({ tabId, text }), action.setBadgeBackgroundColor({ tabId, color: '#9a3412' })]).then(
            () => undefined,
            (e) => void report('badge', e),
          );
        },
      },
      report,
    ) as Parameters<typeof browser.runtime.onMessage.addListener>[0],
  );
});
