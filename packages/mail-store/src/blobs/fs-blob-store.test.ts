import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { blobIdOf, toBlobId } from './blob-id.js';
import { createFsBlobStore } from './fs-blob-store.js';

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'colibri-blobs-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const bytes = (s: string) => new TextEncoder().encode(s);

describe('createFsBlobStore', () => {
  it('names a blob by the sha256 of its bytes and files it under ab/cd/', async () => {
    const store = createFsBlobStore(root);
    const id = await store.put(bytes('hello'));
    const hex = '2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824';
    expect(id).toBe(`G${hex}`);
    expect(toBlobId(id)).toBe(id);
    expect(readFileSync(path.join(root, '2c', 'f2', hex), 'utf8')).toBe('hello');
    expect(new TextDecoder().decode((await store.read(id))!)).toBe('hello');
  });

  it('makes a fan-out folder again when it is gone, though it made it once (puts skip the mkdir)', async () => {
    const store = createFsBlobStore(root);
    const first = await store.put(bytes('hello'));
    // Removed behind the store's back (an operator's clean-up): the folder it remembers is gone.
    rmSync(path.join(root, '2c'), { recursive: true, force: true });
    expect(await store.has(first)).toBe(false);
    expect(await store.put(bytes('hello'))).toBe(first);
    expect(new TextDecoder().decode((await store.read(first))!)).toBe('hello');
    const [again] = await store.putMany!([bytes('hello')]);
    expect(again).toBe(first);
    expect(readdirSync(path.join(root, 'tmp'))).toEqual([]);
  });

  it('sweepTemporaries removes what an interrupted write left an hour ago, never a write in flight', async () => {
    const store = createFsBlobStore(root);
    const tmp = path.join(root, 'tmp');
    writeFileSync(path.join(tmp, 'stream-died-long-ago'), 'half a message');
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    utimesSync(path.join(tmp, 'stream-died-long-ago'), twoHoursAgo, twoHoursAgo);
    writeFileSync(path.join(tmp, 'stream-in-flight'), 'being written');
    const kept = await store.put(bytes('a stored blob'));
    expect(await store.sweepTemporaries!()).toBe(1);
    expect(readdirSync(tmp)).toEqual(['stream-in-flight']);
    expect(await store.has(kept)).toBe(true);
  });

  it('putMany stores a batch like put would: same ids, duplicates once, no temporary files left', async () => {
    const store = createFsBlobStore(root);
    const existing = await store.put(bytes('already here'));
    const list = [bytes('one'), bytes('two'), bytes('one'), bytes('already here')];
    const ids = await store.putMany!(list);
    expect(ids).toEqual(list.map((b) => blobIdOf(b)));
    expect(ids[3]).toBe(existing);
    for (const [i, id] of ids.entries()) expect(await store.read(id)).toEqual(list[i]);
    expect(readdirSync(path.join(root, 'tmp'))).toEqual([]);
    // A blob deleted since (its folder remembered as made) is written again.
    await store.delete(ids[0]!);
    await store.putMany!([bytes('one')]);
    expect(await store.has(ids[0]!)).toBe(true);
  });

  it('lists every blob in id order with its last put, from a cursor, never temporary files', async () => {
    const store = createFsBlobStore(root);
    const ids = await Promise.all(Array.from({ length: 30 }, (_, i) => store.put(bytes(`listed ${i}`))));
    writeFileSync(path.join(root, 'tmp', 'half-written'), 'torn');
    writeFileSync(path.join(root, ids[0]!.slice(1, 3), 'stray.txt'), 'not a blob');
    const listed = [];
    for await (const entry of store.list()) listed.push(entry);
    const sorted = [...ids].sort();
    expect(listed.map((e) => e.blobId)).toEqual(sorted);
    const rest = [];
    for await (const entry of store.list({ after: sorted[9]! })) rest.push(entry.blobId);
    expect(rest).toEqual(sorted.slice(10));
    // The time of the last put: a put of the same bytes claims the file again.
    const first = sorted[0]!;
    const old = new Date(Date.now() - 60 * 60 * 1000);
    utimesSync(path.join(root, first.slice(1, 3), first.slice(3, 5), first.slice(1)), old, old);
    const modifiedAt = async () => {
      for await (const entry of store.list()) if (entry.blobId === first) return entry.modifiedAt.getTime();
      return null;
    };
    expect(await modifiedAt()).toBeLessThan(Date.now() - 30 * 60_000);
    await store.put(bytes(`listed ${ids.indexOf(first)}`));
    expect(await modifiedAt()).toBeGreaterThan(Date.now() - 60_000);
  });

  it('stores identical bytes once and never rewrites them', async () => {
    const store = createFsBlobStore(root);
    const id = await store.put(bytes('same'));
    const file = path.join(root, id.slice(1, 3), id.slice(3, 5), id.slice(1));
    const before = statSync(file);
    const again = await Promise.all([store.put(bytes('same')), store.put(bytes('same'))]);
    expect(again).toEqual([id, id]);
    const after = statSync(file);
    expect(after.ino).toBe(before.ino);
    // Only the mtime moves (the put claims the blob against garbage collection): same file.
    expect(after.size).toBe(before.size);
  });

  it('writes through a temporary file that never stays behind', async () => {
    const store = createFsBlobStore(root);
    await Promise.all(Array.from({ length: 20 }, (_, i) => store.put(bytes(`blob ${i}`))));
    expect(readdirSync(path.join(root, 'tmp'))).toEqual([]);
  });

  it('sweeps temporary files left by a crash, and never serves them', async () => {
    createFsBlobStore(root);
    const torn = path.join(root, 'tmp', 'half-written');
    writeFileSync(torn, 'torn');
    const old = new Date(Date.now() - 2 * 60 * 60 * 1000);
    utimesSync(torn, old, old);
    const recent = path.join(root, 'tmp', 'in-flight');
    writeFileSync(recent, 'someone else is writing');
    createFsBlobStore(root);
    expect(readdirSync(path.join(root, 'tmp'))).toEqual(['in-flight']);
  });

  it('putStream hashes while writing, dedups, and leaves no temporary file', async () => {
    const store = createFsBlobStore(root);
    async function* chunks() {
      yield bytes('hel');
      yield bytes('lo');
    }
    const { blobId, size } = await store.putStream(chunks(), 100);
    expect(blobId).toBe(blobIdOf(bytes('hello')));
    expect(size).toBe(5);
    expect(await store.putStream(chunks(), 100)).toEqual({ blobId, size });
    expect(new TextDecoder().decode((await store.read(blobId))!)).toBe('hello');
    expect(readdirSync(path.join(root, 'tmp'))).toEqual([]);
  });

  it('putStream refuses more than maxBytes with TooLargeError and removes its temporary file', async () => {
    const store = createFsBlobStore(root);
    async function* big() {
      for (let i = 0; i < 10; i++) yield new Uint8Array(1000);
    }
    await expect(store.putStream(big(), 5000)).rejects.toMatchObject({ code: 'tooLarge' });
    expect(readdirSync(path.join(root, 'tmp'))).toEqual([]);
  });

  it('delete with idleMs keeps a blob put (or put again) within that period', async () => {
    const store = createFsBlobStore(root);
    const id = await store.put(bytes('young'));
    const hex = id.slice(1);
    const file = path.join(root, hex.slice(0, 2), hex.slice(2, 4), hex);
    expect(await store.delete(id, { idleMs: 60_000 })).toBe(false);
    const old = new Date(Date.now() - 120_000);
    utimesSync(file, old, old);
    // A put that finds the bytes stored claims them again (the in-flight import's protection).
    await store.put(bytes('young'));
    expect(await store.delete(id, { idleMs: 60_000 })).toBe(false);
    utimesSync(file, old, old);
    expect(await store.delete(id, { idleMs: 60_000 })).toBe(true);
    expect(await store.has(id)).toBe(false);
    expect(readdirSync(path.join(root, 'tmp'))).toEqual([]);
  });
});
