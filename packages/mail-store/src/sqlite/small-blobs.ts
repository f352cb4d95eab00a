import { Readable } from 'node:stream';
import { blobIdOf, toBlobId } from '../blobs/blob-id.js';
import type { BlobStore } from '../blobs/blob-store.js';
import { TooLargeError } from '../errors.js';
import type { BlobId } from '../model.js';
import { setSynchronous, type Db } from './open-database.js';

/**
 * Small blobs as rows of the metadata database (table `small_blobs`, migration 14), as Stalwart
 * keeps small values in its data store: a typical message (a few kB) then costs no file, no file
 * fsync and no directory fsync, only WAL frames.
 *
 * Durability without a sync of its own: a put commits with `synchronous = NORMAL` (frames written
 * to the WAL, not synced). The metadata transaction that will reference the blob commits later
 * with `synchronous = FULL`, and syncing the WAL file syncs every frame before its own: so once
 * the reference is durable, the blob is too; before that, a crash loses at most an unreferenced
 * blob. `put_at` is the claim of the GC rule (a put of existing bytes refreshes it), and `delete`
 * removes a row only if it is still idle, in one statement.
 */
/** `list` reads this many rows per query, so that a listing never holds the table. */
const listPageRows = 1000;

export function createSmallBlobStore(db: Db, maxBytes: number): BlobStore {
  const upsert = db.prepare(
    `INSERT INTO small_blobs (id, bytes, put_at) VALUES (?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET put_at = excluded.put_at`,
  );
  const select = db.prepare('SELECT bytes FROM small_blobs WHERE id = ?');
  const exists = db.prepare('SELECT 1 FROM small_blobs WHERE id = ?');
  const remove = db.prepare('DELETE FROM small_blobs WHERE id = ? AND put_at <= ?');
  const listPage = db.prepare('SELECT id, put_at FROM small_blobs WHERE id > ? ORDER BY id LIMIT ?');

  /** Writes the rows in one transaction whose commit does not sync (see above). */
  const putRows = (list: Uint8Array[]): BlobId[] => {
    for (const bytes of list) {
      if (bytes.byteLength > maxBytes)
        throw new TooLargeError(`Small blobs are limited to ${maxBytes} bytes`);
    }
    const ids = list.map((bytes) => blobIdOf(bytes));
    const now = Date.now();
    const write = () => list.forEach((bytes, i) => upsert.run(ids[i], bytes, now));
    // Inside a caller's transaction the rows simply commit with it.
    if (db.inTransaction) write();
    else {
      setSynchronous(db, 'NORMAL');
      try {
        db.transaction(write).immediate();
      } finally {
        setSynchronous(db, 'FULL');
      }
    }
    return ids;
  };

  const read = (id: BlobId): Buffer | null => {
    if (toBlobId(id) === null) return null;
    const row = select.get(id) as { bytes: Buffer } | undefined;
    return row?.bytes ?? null;
  };

  return {
    async put(bytes) {
      return putRows([bytes])[0]!;
    },
    async putStream(source, limit) {
      const chunks: Uint8Array[] = [];
      let size = 0;
      for await (const chunk of source) {
        size += chunk.byteLength;
        if (size > Math.min(limit, maxBytes))
          throw new TooLargeError(`Blobs are limited to ${Math.min(limit, maxBytes)} bytes`);
        chunks.push(chunk);
      }
      return { blobId: putRows([Buffer.concat(chunks)])[0]!, size };
    },
    async putMany(list) {
      return putRows(list);
    },
    stageInTransaction(bytes) {
      if (bytes.byteLength > maxBytes) return null;
      const blobId = blobIdOf(bytes);
      return {
        blobId,
        write() {
          if (!db.inTransaction) throw new Error('A staged small blob is written inside a transaction');
          upsert.run(blobId, bytes, Date.now());
        },
      };
    },
    async has(id) {
      return toBlobId(id) !== null && exists.get(id) !== undefined;
    },
    async read(id) {
      const bytes = read(id);
      return bytes ? new Uint8Array(bytes) : null;
    },
    async open(id) {
      const bytes = read(id);
      return bytes ? { size: bytes.byteLength, stream: Readable.from([bytes]) } : null;
    },
    async delete(id, options = {}) {
      return remove.run(id, Date.now() - (options.idleMs ?? 0)).changes > 0;
    },
    async *list(options = {}) {
      let after: string = options.after ?? '';
      for (;;) {
        const page = listPage.all(after, listPageRows) as { id: BlobId; put_at: number }[];
        for (const row of page) yield { blobId: row.id, modifiedAt: new Date(row.put_at) };
        if (page.length < listPageRows) return;
        after = page.at(-1)!.id;
      }
    },
  };
}
