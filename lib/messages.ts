/**
 * The messages between the extension's parts, as one typed protocol, and the one router
 * that answers them. Each protocol maps a message type to what it carries and what its
 * answer is; senders and receivers are typed from the same table.
 */
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

/** Sent to a tab's content script (its top frame answers). */
export type ContentProtocol = {
  'get-mentions': { request: object; response: MentionsResponse };
  'get-page-info': { request: object; response: PageInfo };
  /** Scroll to the entity's next mention and open its card there. */
  'reveal-entity': { request: { entityId: string }; response: boolean };
  /** Move to the next (1) or previous (-1) mention and open its card with focus (the keyboard shortcuts). */
  'step-mention': { request: { direction: 1 | -1 }; response: boolean };
};

/** Sent to the background. */
export type BackgroundProtocol = {
  'get-card': { request: { entityId: string; asOf?: string | null }; response: CardView | null };
  /** Open the popup on an entity ("see more" in a card). */
  'open-entity': { request: { entityId: string }; response: undefined };
  /** A card's "not this": hide the entity on the site (settings are written by the extension, not by pages). */
  'hide-entity': { request: { host: string; entityId: string }; response: undefined };
  /** The number of mentions marked in the sender's tab, for the toolbar badge. */
  'mention-count': { request: { count: number }; response: undefined };
};

type Protocol = Record<string, { request: object; response: unknown }>;

/** One message of a protocol, by its type. */
export type Message<P extends Protocol, K extends keyof P = keyof P> = K extends keyof P ? { type: K } & P[K]['request'] : never;
export type Answer<P extends Protocol, K extends keyof P> = P[K]['response'];

/**
 * A handler per message type. Returning undefined leaves the message unanswered (another
 * part may answer it: a frame leaves the tab's questions to the top frame).
 */
export type Handlers<P extends Protocol, Sender> = {
  [K in keyof P]?: (message: Message<P, K>, sender: Sender) => Answer<P, K> | Promise<Answer<P, K>> | undefined;
};

/**
 * The `runtime.onMessage` listener that dispatches to the handlers. It answers through
 * `sendResponse` and returns true, the one form both Chromium and Firefox accept (Chromium
 * ignores a returned promise). A failing handler is reported and its sender gets undefined.
 */
export function router<P extends Protocol, Sender>(
  handlers: Handlers<P, Sender>,
  report: (where: string, error: unknown) => void,
): (message: unknown, sender: Sender, sendResponse: (answer?: unknown) => void) => true | undefined {
  return (message, sender, sendResponse) => {
    const type = (message as { type?: unknown } | null)?.type;
    if (typeof type !== 'string' || !Object.hasOwn(handlers, type)) return undefined;
    const handler = handlers[type] as (message: unknown, sender: Sender) => unknown;
    let answer: unknown;
    try {
      answer = handler(message, sender);
    } catch (error) {
      report(`message ${type}`, error);
      return undefined;
    }
    if (answer === undefined) return undefined;
    Promise.resolve(answer).then(sendResponse, (error: unknown) => {
      report(`message ${type}`, error);
      sendResponse(undefined);
    });
    return true;
  };
}
