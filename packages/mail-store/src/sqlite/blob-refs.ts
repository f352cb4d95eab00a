import type { AccountId, BlobId } from '../model.js';
import { heldByEmailOrUpload } from './blob-in-use.js';
import type { Db } from './open-database.js';

/**
 * Whether the account may read the blob: one of its emails has it (raw message or a decoded part),
 * or it uploaded it. `email_blobs` and `uploads` are the only record of that (there is no third
 * table to keep in step). Two index look-ups.
 */
export function accountMayRead(db: Db): (accountId: AccountId, blobId: BlobId) => boolean {
  const readable = db.prepare(
    `SELECT 1 FROM email_blobs WHERE blob_id = @blobId AND account_id = @accountId
     UNION ALL
     SELECT 1 FROM uploads WHERE account_id = @accountId AND blob_id = @blobId
     LIMIT 1`,
  );
  return (accountId, blobId) => readable.get({ accountId, blobId }) !== undefined;
}

/**
 * Called when an email or an upload that had the blob is gone: a blob no email or upload has any
 * more is queued for `collectGarbage`, which also waits for submissions still sending it
 * (`blobInUse`): the queue is the only way a blob comes back to the collector. Runs inside the
 * caller's transaction. O(1) index look-ups.
 */
export function releaseBlob(db: Db, blobId: BlobId): void {
  db.prepare(
    `INSERT OR IGNORE INTO blob_gc (blob_id) SELECT @blobId WHERE NOT ${heldByEmailOrUpload('@blobId')}`,
  ).run({ blobId });
}
