import { blobIdOf } from './blob-id.js';
import type { BlobStore, StoredBlob } from './blob-store.js';

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
    stageInTransaction(bytes) {
      return isSmall(bytes) ? (small.stageInTransaction?.(bytes) ?? null) : null;
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
    list(options) {
      return mergeById(small.list(options), large.list(options));
    },
    async sweepTemporaries() {
      // Rows are written in one statement: only the large tier has temporaries.
      return (await large.sweepTemporaries?.()) ?? 0;
    },
    async delete(id, options) {
      // A blob is in one of them (the other answers false); both are asked in case of an old copy.
      const [a, b] = await Promise.all([small.delete(id, options), large.delete(id, options)]);
      return a || b;
    },
  };
}

/** Two listings in id order as one; a blob in both (an older copy) once, with its latest put. */
async function* mergeById(
  a: AsyncIterable<StoredBlob>,
  b: AsyncIterable<StoredBlob>,
): AsyncGenerator<StoredBlob> {
  const left = a[Symbol.asyncIterator]();
  const right = b[Symbol.asyncIterator]();
  let x = await left.next();
  let y = await right.next();
  while (!x.done || !y.done) {
    if (y.done || (!x.done && x.value.blobId < y.value.blobId)) {
      yield x.value!;
      x = await left.next();
    } else if (x.done || y.value.blobId < x.value.blobId) {
      yield y.value;
      y = await right.next();
    } else {
      yield x.value.modifiedAt >= y.value.modifiedAt ? x.value : y.value;
      x = await left.next();
      y = await right.next();
    }
  }
}

async function* fromList(list: Uint8Array[]) {
  yield* list;
}

async function putAll(store: BlobStore, list: Uint8Array[]) {
  return store.putMany ? store.putMany(list) : Promise.all(list.map((bytes) => store.put(bytes)));
}
