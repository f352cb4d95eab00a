import type { AccountId, BlobId } from '../model.js';
import type { Db } from './open-database.js';

/**
 * Drops the account's reference to a blob when nothing of the account uses it any more (no email
 * through `email_blobs`, no upload row); a blob no account references is queued for
 * `collectGarbage`. Runs inside the caller's transaction. O(1) index look-ups per blob.
 */
export function releaseBlobRef(db: Db, accountId: AccountId, blobId: BlobId): void {
  const usedByEmail = db
    .prepare(
      `SELECT 1 FROM email_blobs b JOIN emails e ON e.id = b.email_id
        WHERE b.blob_id = ? AND e.account_id = ? LIMIT 1`,
    )
    .get(blobId, accountId);
  if (usedByEmail) return;
  if (db.prepare('SELECT 1 FROM uploads WHERE account_id = ? AND blob_id = ?').get(accountId, blobId)) return;
  db.prepare('DELETE FROM blob_refs WHERE account_id = ? AND blob_id = ?').run(accountId, blobId);
  if (!db.prepare('SELECT 1 FROM blob_refs WHERE blob_id = ? LIMIT 1').get(blobId))
    db.prepare('INSERT OR IGNORE INTO blob_gc (blob_id) VALUES (?)').run(blobId);
}
