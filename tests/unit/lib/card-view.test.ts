import { describe, expect, it } from 'vitest';
import type { CardData } from '../../../lib/artifacts';
import { cardView } from '../../../lib/card-view';
import { buildDataset } from '../../../scripts/build-data';
import { join } from 'node:path';

const data = JSON.parse(buildDataset(join(import.meta.dirname, '../../../data')).files['cards.json']!) as CardData;

describe('cardView', () => {
  it('quotes facts with their source article and date', () => {
    const view = cardView(data, 'open-skies', { today: '2026-11-22' })!;
    expect(view.facts[0]!.text).toBe(data.passages['arms-control-briefs/p13s1']!.text);
    expect(view.facts[0]!.source).toMatchObject({ title: null, date: null, file: '000_883efd4b74fc6156.txt' });
  });

  it('gives the role held on the article’s date', () => {
    const view = cardView(data, 'joe-biden', { today: '2026-11-22', asOf: '2021-06-16' })!;
    expect(view.role).toMatchObject({ title: 'Tổng thống Mỹ', heldOn: '2021-06-16', fromArticle: true });
  });

  it('gives the role held in an article dated by its month or year only', () => {
    expect(cardView(data, 'joe-biden', { today: '2026-11-22', asOf: '2021-02' })!.role).toMatchObject({
      title: 'Tổng thống Mỹ',
      heldOn: '2021-02',
      fromArticle: true,
    });
    expect(cardView(data, 'donald-trump', { today: '2026-11-22', asOf: '2019' })!.role).toMatchObject({
      heldOn: '2019',
      fromArticle: true,
      to: '2021-01-20',
    });
  });

  it('gives a past role with its dates when none is held today', () => {
    const view = cardView(data, 'jens-stoltenberg', { today: '2026-11-22' })!;
    expect(view.role).toMatchObject({ title: 'Tổng thư ký NATO', heldOn: null, to: '2024-10-01' });
  });

  it('shows New START as in force before 5/2/2026 and expired after', () => {
    expect(cardView(data, 'new-start', { today: '2026-02-04' })!.status).toEqual({ endsOn: '2026-02-05', ended: false });
    expect(cardView(data, 'new-start', { today: '2026-11-22' })!.status).toEqual({ endsOn: '2026-02-05', ended: true });
  });

  it('lists related entities and returns null for an unknown id', () => {
    expect(cardView(data, 'inf', { today: '2026-11-22' })!.related.map((r) => r.id)).toContain('new-start');
    expect(cardView(data, 'nobody', { today: '2026-11-22' })).toBeNull();
  });
});
