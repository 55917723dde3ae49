/**
 * The popup's search worker: loads the whole search index (passages included) and the
 * articles, then answers the full search (lib/worker-search.ts) off the popup's main thread.
 * When queries arrive faster than they are answered, only the latest is answered.
 */
import type { ArticleInfo } from '../../lib/artifacts';
import { DATA_FILES } from '../../lib/constants';
import { answerQuery, type FullReply, type FullRequest } from '../../lib/worker-search';
import { loadSearchIndex } from '../../lib/search';
import { readDataFile, readDataText } from '../../utils/dataset-files';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<FullRequest>) => void) | null;
  postMessage: (reply: FullReply) => void;
};

const ready = Promise.all([
  readDataText(DATA_FILES.searchIndex).then(loadSearchIndex),
  readDataFile<Record<string, ArticleInfo>>(DATA_FILES.articles),
]);
let latest: FullRequest | null = null;
/** The id of the last request received: an older one still waiting is not answered. */
let newest = -1;
let scheduled = false;

function answerLatest(): void {
  scheduled = false;
  const request = latest;
  latest = null;
  if (!request) return;
  ready.then(
    ([index, articles]) => {
      // A newer query arrived while the files loaded: it is the one answered.
      if (request.id !== newest) return;
      try {
        scope.postMessage({ id: request.id, answer: answerQuery(index, articles, request.query) });
      } catch (error) {
        scope.postMessage({ id: request.id, error: String(error) });
      }
    },
    (error: unknown) => scope.postMessage({ id: request.id, error: `search index: ${String(error)}` }),
  );
}

scope.onmessage = (event) => {
  latest = event.data;
  newest = event.data.id;
  // Answered after the messages already queued: a burst of keystrokes is answered once.
  if (!scheduled) {
    scheduled = true;
    setTimeout(answerLatest, 0);
  }
};
