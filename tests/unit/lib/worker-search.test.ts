/** The popup's two searches on the seed dataset: the entities alone at once, and the worker's full answer. */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { CardData } from '../../../lib/artifacts';
import { DATA_FILES, QUOTES_PER_RESULT } from '../../../lib/constants';
import { loadSearchIndex, search } from '../../../lib/search';
import { answerQuery } from '../../../lib/worker-search';
import { buildDataset } from '../../../scripts/build-data';

const { files } = buildDataset(join(import.meta.dirname, '../../../data'));
const cards = JSON.parse(files['cards.json']!) as CardData;
const whole = loadSearchIndex(files[`data/${DATA_FILES.searchIndex}`]!);
const entities = loadSearchIndex(files[`data/${DATA_FILES.entityIndex}`]!);
const passageText = (id: string) => cards.passages[id]?.text;

describe('the worker’s full answer', () => {
  it.each(['bau troi mo', 'Vladimir Putin', 'nga', 'ngoại trưởng', 'gia hạn', 'mở'])(
    '"%s": the same results as one search over everything, each quoting its best passages',
    (query) => {
      const answer = answerQuery(whole, cards.articles, query);
      const full = search(whole, query, { passageText });
      expect(answer.results.map((r) => r.entityId)).toEqual(full.map((r) => r.entityId));
      expect(answer.results.map((r) => r.score)).toEqual(full.map((r) => r.score));
      answer.results.forEach((result, i) => {
        expect(result.passages).toEqual(full[i]!.passages.slice(0, QUOTES_PER_RESULT));
        for (const hit of result.passages) {
          const quote = answer.quotes[hit.passageId]!;
          expect(quote.text).toBe(cards.passages[hit.passageId]!.text);
          expect(quote.source.articleId).toBe(cards.passages[hit.passageId]!.articleId);
        }
      });
    },
  );
});

describe('the entities alone, the popup’s first answer', () => {
  it.each([
    ['bau troi mo', 'open-skies'],
    ['hiep uoc inf', 'inf'],
    ['Vladimir Putin', 'vladimir-putin'],
    ['stoltenbreg', 'jens-stoltenberg'],
    ['ngoai truong nga', 'sergei-lavrov'],
  ])('"%s" finds %s first, as the full search does', (query, id) => {
    expect(search(entities, query)[0]?.entityId).toBe(id);
    expect(search(whole, query, { passageText })[0]?.entityId).toBe(id);
  });

  it('holds no passage', () => {
    expect(entities.documentCount).toBe(Object.keys(cards.cards).length);
  });
});
