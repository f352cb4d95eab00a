import type { BlobStore } from '../blobs/blob-store.js';
import type { GarbageCollectionOptions, GarbageCollectionResult } from '../mail-store.js';
import type { BlobId } from '../model.js';
import { blobInUse, heldByAccountData, idleMsAt } from './blob-in-use.js';
import type { Db } from './open-database.js';
import { sweepUnnamedBlobs } from './sweep-unnamed-blobs.js';
import { pruneSubmissions } from './submissions.js';
import { expireUploads } from './uploads.js';

/**
 * Releases expired uploads and deletes submissions done long ago (`pruneSubmissions`), then removes the files of blobs that nothing needs any more (queued in
 * `blob_gc` by destroys and expiries; see `blobInUse`). Files go first and the queue rows after, so
 * that a crash in between only leaves rows to retry. Use is re-checked just before each delete, and
 * the blob store keeps files put within `blobGcIdleMs` of `now` (those stay queued for a later
 * run): together they keep GC from removing a blob that an in-flight import just stored. A blob an
 * unfinished submission still needs stays queued until the submission is done, so the queue holds
 * at most one row per blob of the submissions in flight beyond the blobs waiting to go. Then a
 * bounded slice of the sweep of blob files nothing names (`sweepUnnamedBlobs`): what a crash
 * between putting blobs and committing their rows left behind, which no queue row ever named; and
 * the blob store's own leftovers of interrupted writes (`BlobStore.sweepTemporaries`).
 */
export async function collectGarbage(
  db: Db,
  blobs: BlobStore,
  options: GarbageCollectionOptions = {},
): Promise<
  GarbageCollectionResult & { expiredUploads: number; prunedSubmissions: number; sweptTemporaries: number }
> {
  const now = options.now ?? new Date();
  const expiredUploads = expireUploads(db, now);
  const prunedSubmissions = pruneSubmissions(db, now);
  const inUse = blobInUse(db);
  const queued = db.prepare('SELECT blob_id FROM blob_gc').all() as { blob_id: BlobId }[];
  const idleMs = idleMsAt(now);
  const done: BlobId[] = [];
  let removedBlobs = 0;
  for (const { blob_id: blobId } of queued) {
    if (inUse(blobId)) continue; // Referenced again (dequeued below), or a submission still sending it.
    if (await blobs.delete(blobId, { idleMs })) removedBlobs++;
    else if (await blobs.has(blobId)) continue; // Put recently: kept, and tried again later.
    done.push(blobId);
  }
  const dequeue = db.prepare('DELETE FROM blob_gc WHERE blob_id = ?');
  db.transaction(() => {
    for (const blobId of done) dequeue.run(blobId);
    db.prepare(`DELETE FROM blob_gc WHERE ${heldByAccountData('blob_gc.blob_id')}`).run();
  }).immediate();
  const sweep = await sweepUnnamedBlobs(
    db,
    blobs,
    inUse,
    now,
    options.maxSweepFiles,
    options.sweepRestartAfterMs,
  );
  const sweptTemporaries = (await blobs.sweepTemporaries?.()) ?? 0;
  return { removedBlobs, expiredUploads, prunedSubmissions, sweep, sweptTemporaries };
}
