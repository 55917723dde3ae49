/**
 * Which file holds an entity's card: a stable hash of its id, so that the background and the
 * popup find it without an index, and a card reads one small file however large the dataset.
 */
import { CARD_SHARDS, DATA_DIR } from './constants';

/** FNV-1a over the id's UTF-16 code units: fast, stable, and spread well over short ids. */
export function shardOf(entityId: string, shards = CARD_SHARDS): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < entityId.length; i++) {
    hash ^= entityId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % shards;
}

/** The shard's file name under the data folder: cards/07.json. */
export function shardFile(shard: number): string {
  return `cards/${String(shard).padStart(2, '0')}.json`;
}

/** The path of a data file inside the extension, for runtime.getURL or fetch. */
export function dataPath(file: string): string {
  return `/${DATA_DIR}/${file}`;
}
