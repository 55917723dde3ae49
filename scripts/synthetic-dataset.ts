/**
 * A generated dataset for benchmarks: as many passages as asked, made of the real dataset's
 * words in their real proportions, with the real entities and generated ones named in them.
 * Deterministic (a fixed seed), so that figures compare from run to run.
 */
import type { SearchDoc } from '../lib/search';

/** A small, fast, seedable generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương'];
const MIDDLE = ['Văn', 'Thị', 'Đức', 'Minh', 'Quốc', 'Thanh', 'Hữu', 'Ngọc'];
const GIVEN = [
  'An',
  'Bình',
  'Cường',
  'Dũng',
  'Hà',
  'Hải',
  'Hùng',
  'Lan',
  'Long',
  'Mai',
  'Nam',
  'Phong',
  'Quang',
  'Sơn',
  'Thảo',
  'Tuấn',
  'Việt',
  'Yến',
];
const TREATY_WORDS = ['Thương mại', 'Hợp tác', 'Biển', 'Năng lượng', 'Khí hậu', 'Hàng không', 'Nghề cá', 'Đầu tư', 'Biên giới', 'Y tế'];

export interface SyntheticDataset {
  docs: SearchDoc[];
  passages: Map<string, string>;
  stats: { passages: number; entities: number; words: number };
}

/**
 * `realDocs` are the real dataset's search documents: their entities are kept, their
 * passages give the vocabulary and its frequencies.
 */
export function syntheticDataset(realDocs: SearchDoc[], passageCount: number, entityCount = 500, seed = 20260101): SyntheticDataset {
  const rand = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const words = realDocs.filter((d) => d.type === 'passage').flatMap((d) => d.text.split(/\s+/u).filter((w) => w !== ''));

  const entities = realDocs
    .filter((d) => d.type === 'entity')
    .map((d) => ({ id: d.entityIds[0]!, name: d.names.split(' · ')[0]!, doc: d }));
  for (let i = 0; entities.length < entityCount; i++) {
    const person = rand() < 0.7;
    const name = person ? `${pick(SURNAMES)} ${pick(MIDDLE)} ${pick(GIVEN)}` : `Hiệp ước ${pick(TREATY_WORDS)} ${pick(GIVEN)}`;
    const id = `generated-${i}`;
    const description = Array.from({ length: 20 }, () => pick(words)).join(' ');
    entities.push({
      id,
      name,
      doc: {
        id: `entity:${id}`,
        type: 'entity',
        entityIds: [id],
        names: name,
        aliases: name.split(' ').slice(-2).join(' '),
        text: description,
      },
    });
  }

  const docs: SearchDoc[] = entities.map((e) => e.doc);
  const passages = new Map<string, string>();
  let wordCount = 0;
  for (let i = 0; i < passageCount; i++) {
    const length = 15 + Math.floor(rand() * 25);
    const parts = Array.from({ length }, () => pick(words));
    const named = rand() < 0.6 ? [pick(entities), ...(rand() < 0.3 ? [pick(entities)] : [])] : [];
    for (const e of named) parts.splice(Math.floor(rand() * parts.length), 0, e.name);
    const text = parts.join(' ');
    wordCount += parts.length;
    const id = `generated/p${i}s1`;
    passages.set(id, text);
    docs.push({ id: `passage:${id}`, type: 'passage', entityIds: [...new Set(named.map((e) => e.id))], names: '', aliases: '', text });
  }
  return { docs, passages, stats: { passages: passageCount, entities: entities.length, words: wordCount } };
}
