import type { AccountId, BlobId } from '../model.js';
import { heldByAccountData } from './blob-in-use.js';
import type { Db } from './open-database.js';

/**
 * Whether the account may read the blob: one of its emails has it (raw message or a decoded part),
 * it uploaded it, or it is the text of one of its Sieve scripts (RFC 9661 §2: the client reads a
 * script by its blobId). `email_blobs`, `uploads` and `sieve_scripts` are the only record of that
 * (there is no other table to keep in step). Three index look-ups.
 */
export function accountMayRead(db: Db): (accountId: AccountId, blobId: BlobId) => boolean {
  const readable = db.prepare(
    `SELECT 1 FROM email_blobs WHERE blob_id = @blobId AND account_id = @accountId
     UNION ALL
     SELECT 1 FROM uploads WHERE account_id = @accountId AND blob_id = @blobId
     UNION ALL
     SELECT 1 FROM sieve_scripts WHERE blob_id = @blobId AND account_id = @accountId
     LIMIT 1`,
  );
  return (accountId, blobId) => readable.get({ accountId, blobId }) !== undefined;
}

/**
 * Called when an email, an upload or a Sieve script that had the blob is gone: a blob none of them
 * has any more is queued for `collectGarbage`, which also waits for submissions still sending it
 * (`blobInUse`): the queue is the only way a blob comes back to the collector. Runs inside the
 * caller's transaction. O(1) index look-ups.
 */
export function releaseBlob(db: Db, blobId: BlobId): void {
  db.prepare(
    `INSERT OR IGNORE INTO blob_gc (blob_id) SELECT @blobId WHERE NOT ${heldByAccountData('@blobId')}`,
  ).run({ blobId });
}
