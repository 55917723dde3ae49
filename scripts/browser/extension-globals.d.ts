/** The part of the `chrome` API that tests call inside the extension's service worker (worker.evaluate). */
declare const chrome: {
  tabs: {
    query(query: { active?: boolean; lastFocusedWindow?: boolean }): Promise<Array<{ id?: number }>>;
    sendMessage(tabId: number, message: unknown): Promise<never>;
  };
  storage: {
    session: { set(items: Record<string, unknown>): Promise<void>; get(keys: null): Promise<Record<string, unknown>> };
    local: { set(items: Record<string, unknown>): Promise<void>; get(keys: string | null): Promise<Record<string, unknown>> };
  };
};
