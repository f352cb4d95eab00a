import type { BlobStore } from '../blobs/blob-store.js';
import type { BlobId } from '../model.js';
import type { Db } from './open-database.js';

/**
 * Removes the files of blobs that no account references any more (queued by `destroyEmails`).
 * Files go first and the queue rows after, so that a crash in between only leaves rows to retry.
 * A candidate that gained a reference again (re-imported meanwhile) is dropped from the queue and
 * kept. Best run when no import is in flight: an import that stored the same bytes but has not
 * committed its reference yet could otherwise lose its file.
 */
export async function collectGarbage(db: Db, blobs: BlobStore): Promise<{ removedBlobs: number }> {
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
  let removedBlobs = 0;
  for (const blobId of candidates) {
    // Re-checked just before the unlink, which narrows the window for a concurrent re-import.
    if (referenced.get({ id: blobId })) continue;
    if (await blobs.delete(blobId)) removedBlobs++;
  }
  const dequeue = db.prepare('DELETE FROM blob_gc WHERE blob_id = ?');
  db.transaction(() => {
    for (const blobId of candidates) dequeue.run(blobId);
    db.prepare(
      'DELETE FROM blob_gc WHERE EXISTS (SELECT 1 FROM blob_refs r WHERE r.blob_id = blob_gc.blob_id)',
    ).run();
  }).immediate();
  return { removedBlobs };
}
