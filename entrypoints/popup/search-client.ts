/**
 * The popup's side of its search worker: starts it (it begins loading the whole index at
 * once) and asks it for each query. A query typed over before its answer came resolves null.
 */
import type { FullAnswer, FullReply, FullRequest } from '../../lib/worker-search';

export interface FullSearcher {
  search: (query: string) => Promise<FullAnswer | null>;
}

export function startFullSearcher(onError: (error: unknown) => void): FullSearcher {
  const worker = new Worker(new URL('./search-worker.ts', import.meta.url));
  let next = 0;
  let waiting: { id: number; resolve: (answer: FullAnswer | null) => void; reject: (error: Error) => void } | null = null;
  worker.onmessage = (event: MessageEvent<FullReply>) => {
    const reply = event.data;
    if (!waiting || reply.id !== waiting.id) return;
    const { resolve, reject } = waiting;
    waiting = null;
    if ('answer' in reply) resolve(reply.answer);
    else reject(new Error(reply.error));
  };
  /** A worker that failed to start answers nothing more: later queries fail at once. */
  let failed: Error | null = null;
  worker.onerror = (event) => {
    failed = new Error(`search worker: ${event.message}`);
    onError(failed);
    waiting?.reject(failed);
    waiting = null;
  };
  return {
    search: (query) =>
      new Promise((resolve, reject) => {
        if (failed) {
          reject(failed);
          return;
        }
        waiting?.resolve(null);
        const request: FullRequest = { id: next++, query };
        waiting = { id: request.id, resolve, reject };
        worker.postMessage(request);
      }),
  };
}
