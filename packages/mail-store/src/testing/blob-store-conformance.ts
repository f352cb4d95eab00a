import { createHash, randomBytes } from 'node:crypto';
import { buffer } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import type { BlobStore } from '../blobs/blob-store.js';
import type { BlobId } from '../model.js';
import { useFreshPerTest } from './fresh-per-test.js';

/**
 * Opens a fresh, empty blob store of the backend under test. `elapse(ms)` makes every blob look
 * put `ms` earlier (the idle rule of `delete`); `storedCount()` counts the blobs stored, so that
 * "stored once" is checked; `cleanup` closes the store and removes its data.
 */
export type BlobStoreFactory = () => Promise<{
  blobs: BlobStore;
  elapse(ms: number): Promise<void>;
  storedCount(): Promise<number>;
  cleanup(): Promise<void>;
}>;

const bytes = (s: string) => new TextEncoder().encode(s);
const idOf = (b: Uint8Array) => `G${createHash('sha256').update(b).digest('hex')}` as BlobId;
async function* chunked(b: Uint8Array, size: number) {
  for (let at = 0; at < b.byteLength; at += size) yield b.subarray(at, at + size);
}
const minute = 60_000;

/**
 * The `BlobStore` port's conformance suite (STYLE 17): the same tests for the filesystem store
 * and every other backend, through the port only. Call it at the top level of a vitest file.
 */
export function describeBlobStoreConformance(name: string, factory: BlobStoreFactory): void {
  describe(`BlobStore conformance: ${name}`, () => {
    const f = useFreshPerTest(factory);

    it('lists every stored blob once, in id order, from a cursor', async () => {
      const { blobs } = f();
      const ids = await Promise.all(Array.from({ length: 12 }, (_, i) => blobs.put(bytes(`listed ${i}`))));
      await blobs.put(bytes('listed 3')); // stored once, listed once
      const listed: BlobId[] = [];
      for await (const entry of blobs.list()) {
        expect(entry.modifiedAt.getTime()).toBeGreaterThan(Date.now() - 10 * minute);
        listed.push(entry.blobId);
      }
      const sorted = [...ids].sort();
      expect(listed).toEqual(sorted);
      const rest: BlobId[] = [];
      for await (const entry of blobs.list({ after: sorted[4]! })) rest.push(entry.blobId);
      expect(rest).toEqual(sorted.slice(5));
    });

    it('names bytes by their sha256 and gives them back by read and by stream', async () => {
      const { blobs } = f();
      const content = randomBytes(300_000);
      const id = await blobs.put(content);
      expect(id).toBe(idOf(content));
      expect(await blobs.has(id)).toBe(true);
      expect(Buffer.from((await blobs.read(id))!).equals(content)).toBe(true);
      const opened = await blobs.open(id);
      expect(opened?.size).toBe(content.byteLength);
      expect((await buffer(opened!.stream)).equals(content)).toBe(true);
      expect(await blobs.put(new Uint8Array(0))).toBe(idOf(new Uint8Array(0)));
      expect(await blobs.read(idOf(new Uint8Array(0)))).toEqual(new Uint8Array(0));
    });

    it('stores identical bytes once, whether put one by one, at once or streamed', async () => {
      const { blobs, storedCount } = f();
      const id = await blobs.put(bytes('same'));
      expect(await Promise.all([blobs.put(bytes('same')), blobs.put(bytes('same'))])).toEqual([id, id]);
      expect(await blobs.putStream(chunked(bytes('same'), 2), 100)).toEqual({ blobId: id, size: 4 });
      if (blobs.putMany) {
        const list = [bytes('one'), bytes('same'), bytes('one')];
        expect(await blobs.putMany(list)).toEqual(list.map(idOf));
      }
      expect(await storedCount()).toBe(blobs.putMany ? 2 : 1);
    });

    it('putStream hashes while storing, across chunks, and reports the size', async () => {
      const { blobs } = f();
      const content = randomBytes(1_000_000);
      const stored = await blobs.putStream(chunked(content, 64 * 1024), 2_000_000);
      expect(stored).toEqual({ blobId: idOf(content), size: content.byteLength });
      expect(Buffer.from((await blobs.read(stored.blobId))!).equals(content)).toBe(true);
      expect(await blobs.putStream(chunked(new Uint8Array(0), 1), 10)).toEqual({
        blobId: idOf(new Uint8Array(0)),
        size: 0,
      });
    });

    it('putStream refuses more than maxBytes with TooLargeError and stores nothing', async () => {
      const { blobs, storedCount } = f();
      await expect(blobs.putStream(chunked(new Uint8Array(10_000), 1000), 5000)).rejects.toMatchObject({
        code: 'tooLarge',
      });
      expect(await storedCount()).toBe(0);
    });

    it('answers null or false for a blob never stored and for a malformed id', async () => {
      const { blobs } = f();
      const missing = idOf(bytes('never stored'));
      expect(await blobs.has(missing)).toBe(false);
      expect(await blobs.read(missing)).toBeNull();
      expect(await blobs.open(missing)).toBeNull();
      expect(await blobs.delete(missing)).toBe(false);
      for (const bad of ['G../../etc/passwd', '../x', `g${'0'.repeat(64)}`] as BlobId[]) {
        expect(await blobs.has(bad)).toBe(false);
        expect(await blobs.read(bad)).toBeNull();
        expect(await blobs.open(bad)).toBeNull();
        expect(await blobs.delete(bad)).toBe(false);
      }
    });

    it('deletes a blob, answering whether it existed, and can store it again', async () => {
      const { blobs, storedCount } = f();
      const id = await blobs.put(bytes('gone'));
      const kept = await blobs.put(bytes('kept'));
      expect(await blobs.delete(id)).toBe(true);
      expect(await blobs.has(id)).toBe(false);
      expect(await blobs.read(id)).toBeNull();
      expect(await blobs.open(id)).toBeNull();
      expect(await blobs.delete(id)).toBe(false);
      expect(await blobs.has(kept)).toBe(true);
      expect(await storedCount()).toBe(1);
      expect(await blobs.put(bytes('gone'))).toBe(id);
      expect(await blobs.read(id)).toEqual(bytes('gone'));
    });

    it('delete with idleMs keeps a blob put within that period: every put of it claims it', async () => {
      const { blobs, elapse } = f();
      const id = await blobs.put(bytes('young'));
      expect(await blobs.delete(id, { idleMs: minute })).toBe(false);
      await elapse(2 * minute);
      // A put that finds the bytes stored claims them (the in-flight import's protection), ...
      await blobs.put(bytes('young'));
      expect(await blobs.delete(id, { idleMs: minute })).toBe(false);
      await elapse(2 * minute);
      // ... and so does a streamed put, and a batch.
      await blobs.putStream(chunked(bytes('young'), 2), 100);
      expect(await blobs.delete(id, { idleMs: minute })).toBe(false);
      if (blobs.putMany) {
        await elapse(2 * minute);
        await blobs.putMany([bytes('young')]);
        expect(await blobs.delete(id, { idleMs: minute })).toBe(false);
      }
      expect(await blobs.has(id)).toBe(true);
      await elapse(2 * minute);
      expect(await blobs.delete(id, { idleMs: minute })).toBe(true);
      expect(await blobs.has(id)).toBe(false);
    });
  });
}
