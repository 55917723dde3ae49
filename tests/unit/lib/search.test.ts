import { describe, expect, it } from 'vitest';
import { loadSearchIndex, search } from '../../../lib/search';
import { buildDataset } from '../../../scripts/build-data';
import { join } from 'node:path';

// The real dataset, through the same JSON round trip the popup makes.
const { files } = buildDataset(join(import.meta.dirname, '../../../data'));
const index = loadSearchIndex(files['search-index.json']!);
const first = (query: string) => search(index, query)[0]?.entityId;

describe('search', () => {
  it.each([
    ['bau troi mo', 'open-skies'],
    ['Hiệp ước Bầu trời mở', 'open-skies'],
    ['Hiệp ước Bầu trời mở'.normalize('NFD'), 'open-skies'],
    ['hiep uoc inf', 'inf'],
    ['new start', 'new-start'],
    ['START-3', 'new-start'],
    ['putin', 'vladimir-putin'],
    ['Stoltenbreg', 'jens-stoltenberg'],
    ['lavrop', 'sergei-lavrov'],
    ['ngoai truong nga', 'sergei-lavrov'],
    ['peskov', 'dmitry-peskov'],
    ['thuong dinh geneva', 'geneva-summit-2021'],
    ['doi thoai on dinh chien luoc', 'strategic-stability-dialogue'],
    ['stolt', 'jens-stoltenberg'],
  ])('%s → %s first', (query, expected) => {
    expect(first(query)).toBe(expected);
  });

  it('groups passages under the entities they mention', () => {
    const [top] = search(index, 'gia hạn');
    expect(top?.entityId).toBe('new-start');
    expect(top?.passages[0]?.passageId).toBe('arms-control-briefs/p12s1');
  });

  it('finds nothing for nothing', () => {
    expect(search(index, '')).toEqual([]);
    expect(search(index, ' – ')).toEqual([]);
    expect(search(index, 'xyzzyq')).toEqual([]);
  });
});
