import type { BlobId } from '../model.js';
import type { Db } from './open-database.js';

/**
 * A blob file put (written, or found already written) less than this long ago is never removed:
 * an import or upload in flight, in this or another process, may have put it and not yet
 * committed its reference. An import takes seconds; this is far longer.
 */
export const blobGcIdleMs = 15 * 60 * 1000;

/** The idle period to ask of `BlobStore.delete` when the run's `now` is a test's (or an operator's) later time. */
export function idleMsAt(now: Date): number {
  return Math.max(0, blobGcIdleMs - (now.getTime() - Date.now()));
}

/**
 * Whether anything still needs a blob: an email of any account (`email_blobs`, raw message or
 * decoded part), an upload, a Sieve script, or a submission with deliveries left to make (held, or a recipient
 * with a next attempt). A finished or canceled submission needs its bytes no more (the outbound
 * worker read them before recording the last attempt), so its blob goes like any other. One rule
 * for the queue and the sweep of unnamed files.
 */
export function blobInUse(db: Db): (blobId: BlobId) => boolean {
  const used = db
    .prepare(
      `SELECT ${heldByAccountData('@id')}
           OR EXISTS (SELECT 1 FROM submissions s WHERE s.blob_id = @id
                         AND EXISTS (SELECT 1 FROM submission_recipients r
                                      WHERE r.submission_id = s.id AND r.next_attempt_at IS NOT NULL))`,
    )
    .pluck();
  return (blobId) => used.get({ id: blobId }) === 1;
}

/**
 * SQL that is true while an email of any account, an upload or a Sieve script (its text) has the
 * blob `blobId` (an SQL expression): what keeps a blob readable, and what takes it off the GC
 * queue. Index look-ups.
 */
export function heldByAccountData(blobId: string): string {
  return `(EXISTS (SELECT 1 FROM email_blobs WHERE blob_id = ${blobId})
           OR EXISTS (SELECT 1 FROM uploads WHERE blob_id = ${blobId})
           OR EXISTS (SELECT 1 FROM sieve_scripts WHERE blob_id = ${blobId}))`;
}
