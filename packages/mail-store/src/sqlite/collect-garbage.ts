import type { BlobStore } from '../blobs/blob-store.js';
import type { BlobId } from '../model.js';
import type { Db } from './open-database.js';
import { expireUploads } from './uploads.js';

/**
 * A blob file put (written, or found already written) less than this long ago is never removed:
 * an import or upload in flight, in this or another process, may have put it and not yet
 * committed its reference. An import takes seconds; this is far longer.
 */
export const blobGcIdleMs = 15 * 60 * 1000;

/**
 * Releases expired uploads, then removes the files of blobs that no account references any more
 * (queued in `blob_gc` by destroys and expiries). Files go first and the queue rows after, so that a
 * crash in between only leaves rows to retry. References are re-checked just before each delete,
 * and the blob store keeps files put within `blobGcIdleMs` of `now` (those stay queued for a later
 * run): together they keep GC from removing a blob that an in-flight import just stored.
 */
export async function collectGarbage(
  db: Db,
  blobs: BlobStore,
  now: Date = new Date(),
): Promise<{ removedBlobs: number; expiredUploads: number }> {
  const expiredUploads = expireUploads(db, now);
  const candidates = db
    .prepare(
      `SELECT blob_id FROM blob_gc g WHERE NOT EXISTS (SELECT 1 FROM blob_refs r WHERE r.blob_id = g.blob_id)
         AND NOT EXISTS (SELECT 1 FROM submissions s WHERE s.blob_id = g.blob_id)`,
    )
    .pluck()
    .all() as BlobId[];
  // A queued submission's message is a reference too: the bytes outlive the email.
  const referenced = db.prepare(
    `SELECT 1 FROM blob_refs WHERE blob_id = @id
     UNION ALL SELECT 1 FROM submissions WHERE blob_id = @id LIMIT 1`,
  );
  // `now` may be a test's (or an operator's) later time: the idle period is measured from it.
  const idleMs = Math.max(0, blobGcIdleMs - (now.getTime() - Date.now()));
  const done: BlobId[] = [];
  let removedBlobs = 0;
  for (const blobId of candidates) {
    if (referenced.get({ id: blobId })) continue;
    if (await blobs.delete(blobId, { idleMs })) removedBlobs++;
    else if (await blobs.has(blobId)) continue; // Put recently: kept, and tried again later.
    done.push(blobId);
  }
  const dequeue = db.prepare('DELETE FROM blob_gc WHERE blob_id = ?');
  db.transaction(() => {
    for (const blobId of done) dequeue.run(blobId);
    db.prepare(
      'DELETE FROM blob_gc WHERE EXISTS (SELECT 1 FROM blob_refs r WHERE r.blob_id = blob_gc.blob_id)',
    ).run();
  }).immediate();
  return { removedBlobs, expiredUploads };
}
