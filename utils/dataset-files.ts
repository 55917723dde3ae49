/**
 * Reads the compiled dataset's files that ship in the extension (data/, see lib/constants.ts
 * DATA_FILES) from the extension's own pages and background: a local file read, never the
 * network. Each file is read once; a read that failed is tried again next time.
 */
import type { CardData } from '../lib/artifacts';
import { dataPath, shardFile, shardOf } from '../lib/shards';

const reads = new Map<string, Promise<unknown>>();

/** A data file's text (the search indexes are handed to MiniSearch as text). */
export function readDataText(file: string): Promise<string> {
  return fetch(dataPath(file)).then((response) => {
    if (!response.ok) throw new Error(`${dataPath(file)}: ${response.status}`);
    return response.text();
  });
}

export function readDataFile<T>(file: string): Promise<T> {
  let read = reads.get(file) as Promise<T> | undefined;
  if (!read) {
    read = readDataText(file).then((text) => JSON.parse(text) as T);
    read.catch(() => reads.delete(file));
    reads.set(file, read);
  }
  return read;
}

/** The card shard that holds an entity (lib/card-shards.ts); an id no shard holds gets an empty one. */
export function readCardShard(entityId: string): Promise<CardData> {
  return readDataFile<CardData>(shardFile(shardOf(entityId))).catch(() => ({ articles: {}, passages: {}, cards: {} }));
}
