import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buffer } from 'node:stream/consumers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { blobIdOf } from '../src/blobs/blob-id.js';
import type { BlobStore } from '../src/blobs/blob-store.js';
import { createFsBlobStore } from '../src/blobs/fs-blob-store.js';
import { createTieredBlobStore } from '../src/blobs/tiered-blob-store.js';
import { openDatabase, type Db } from '../src/sqlite/open-database.js';
import { createSmallBlobStore } from '../src/sqlite/small-blobs.js';

// The embedded blob layout: rows of the SQLite file up to a threshold, files beyond it.
const threshold = 1024;
let dir: string;
let db: Db;
let blobs: BlobStore;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'colibri-tiered-'));
  db = openDatabase(dir);
  blobs = createTieredBlobStore(
    createSmallBlobStore(db, threshold),
    createFsBlobStore(path.join(dir, 'blobs')),
    threshold,
  );
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const fileOf = (id: string) => path.join(dir, 'blobs', id.slice(1, 3), id.slice(3, 5), id.slice(1));
const rows = () => db.prepare('SELECT id FROM small_blobs ORDER BY id').pluck().all();
async function* chunks(total: number, size: number) {
  for (let sent = 0; sent < total; sent += size)
    yield new Uint8Array(Math.min(size, total - sent)).fill(sent % 251);
}

describe('small blobs in SQLite, large ones in files', () => {
  it('puts up to the threshold as a row and beyond it as a file, under the same content address', async () => {
    const small = new Uint8Array(threshold).fill(7);
    const large = new Uint8Array(threshold + 1).fill(7);
    const [a, b] = await Promise.all([blobs.put(small), blobs.put(large)]);
    expect([a, b]).toEqual([blobIdOf(small), blobIdOf(large)]);
    expect(rows()).toEqual([a]);
    expect(existsSync(fileOf(a))).toBe(false);
    expect(existsSync(fileOf(b))).toBe(true);
    expect(Buffer.from((await blobs.read(a))!).equals(Buffer.from(small))).toBe(true);
    const opened = await blobs.open(b);
    expect(opened?.size).toBe(threshold + 1);
    expect((await buffer(opened!.stream)).equals(Buffer.from(large))).toBe(true);
  });

  it('routes a stream by its length, buffering no more than the threshold before choosing', async () => {
    const short = await blobs.putStream(chunks(900, 100), 10_000);
    const long = await blobs.putStream(chunks(5000, 300), 10_000);
    expect(short.size).toBe(900);
    expect(long.size).toBe(5000);
    expect(rows()).toEqual([short.blobId]);
    expect(existsSync(fileOf(long.blobId))).toBe(true);
    const all: Uint8Array[] = [];
    for await (const chunk of chunks(5000, 300)) all.push(chunk);
    expect(long.blobId).toBe(blobIdOf(Buffer.concat(all)));
    await expect(blobs.putStream(chunks(20_000, 500), 10_000)).rejects.toMatchObject({ code: 'tooLarge' });
  });

  it('putMany splits a batch between the two, and every blob reads back', async () => {
    const list = [10, 2000, 10, 500].map((n, i) => new Uint8Array(n).fill(i));
    const ids = await blobs.putMany!(list);
    expect(ids).toEqual(list.map((bytes) => blobIdOf(bytes)));
    expect(rows()).toEqual([ids[0], ids[2], ids[3]].sort());
    for (const [i, id] of ids.entries()) expect((await blobs.read(id))?.byteLength).toBe(list[i]!.byteLength);
  });

  it('deletes a row only once idle, and a put of the same bytes claims it again', async () => {
    const id = await blobs.put(new Uint8Array([1, 2, 3]));
    expect(await blobs.delete(id, { idleMs: 60_000 })).toBe(false);
    db.prepare('UPDATE small_blobs SET put_at = put_at - 120000').run();
    await blobs.put(new Uint8Array([1, 2, 3]));
    expect(await blobs.delete(id, { idleMs: 60_000 })).toBe(false);
    db.prepare('UPDATE small_blobs SET put_at = put_at - 120000').run();
    expect(await blobs.delete(id, { idleMs: 60_000 })).toBe(true);
    expect(await blobs.has(id)).toBe(false);
    expect(await blobs.read(id)).toBeNull();
  });

  it('lists rows and files as one listing in id order, from a cursor', async () => {
    const ids = await blobs.putMany!([10, 2000, 20, 3000, 30].map((n) => new Uint8Array(n).fill(n % 251)));
    const listed: string[] = [];
    for await (const entry of blobs.list()) listed.push(entry.blobId);
    expect(listed).toEqual([...ids].sort());
    const after: string[] = [];
    for await (const entry of blobs.list({ after: listed[1] as never })) after.push(entry.blobId);
    expect(after).toEqual(listed.slice(2));
  });
});
