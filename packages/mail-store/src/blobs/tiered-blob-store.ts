import { blobIdOf } from './blob-id.js';
import type { BlobStore } from './blob-store.js';

/**
 * Two stores behind one port: blobs up to `smallMaxBytes` go to `small` (the metadata database,
 * see sqlite/small-blobs.ts), bigger ones to `large` (files, or object storage). Ids are the same
 * content addresses in both, so readers look in `small` first, then `large`; a blob written by an
 * older store to `large` whatever its size is still found. A stream is buffered up to the
 * threshold only: past it, the buffered prefix and the rest go to `large` as one stream.
 */
export function createTieredBlobStore(small: BlobStore, large: BlobStore, smallMaxBytes: number): BlobStore {
  const isSmall = (bytes: Uint8Array) => bytes.byteLength <= smallMaxBytes;
  return {
    async put(bytes) {
      return isSmall(bytes) ? small.put(bytes) : large.put(bytes);
    },
    async putStream(source, maxBytes) {
      const iterator = source[Symbol.asyncIterator]();
      const head: Uint8Array[] = [];
      let size = 0;
      for (;;) {
        const next = await iterator.next();
        if (next.done) return small.putStream(fromList(head), maxBytes);
        head.push(next.value);
        size += next.value.byteLength;
        if (size > smallMaxBytes) break;
      }
      async function* rest() {
        yield* head;
        for (;;) {
          const next = await iterator.next();
          if (next.done) return;
          yield next.value;
        }
      }
      return large.putStream(rest(), maxBytes);
    },
    async putMany(list) {
      const smalls = list.filter(isSmall);
      const larges = list.filter((bytes) => !isSmall(bytes));
      await Promise.all([
        smalls.length > 0 ? putAll(small, smalls) : undefined,
        larges.length > 0 ? putAll(large, larges) : undefined,
      ]);
      return list.map((bytes) => blobIdOf(bytes));
    },
    async has(id) {
      return (await small.has(id)) || large.has(id);
    },
    async read(id) {
      return (await small.read(id)) ?? large.read(id);
    },
    async open(id) {
      return (await small.open(id)) ?? large.open(id);
    },
    async delete(id, options) {
      // A blob is in one of them (the other answers false); both are asked in case of an old copy.
      const [a, b] = await Promise.all([small.delete(id, options), large.delete(id, options)]);
      return a || b;
    },
  };
}

async function* fromList(list: Uint8Array[]) {
  yield* list;
}

async function putAll(store: BlobStore, list: Uint8Array[]) {
  return store.putMany ? store.putMany(list) : Promise.all(list.map((bytes) => store.put(bytes)));
}
