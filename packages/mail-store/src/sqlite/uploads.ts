import type { BlobStore } from '../blobs/blob-store.js';
import { InvalidInputError, NotFoundError } from '../errors.js';
import type { Upload } from '../mail-store.js';
import type { AccountId } from '../model.js';
import { releaseBlob } from './blob-refs.js';
import type { Db } from './open-database.js';

/** How long an upload that nothing else references stays readable (RFC 8620 §6.1 leaves it open). */
export const defaultUploadTtlMs = 24 * 60 * 60 * 1000;
/** The largest upload the store takes whatever the caller asks for (the JMAP edge asks for less). */
export const maxUploadBytes = 64 * 1024 * 1024;
/** RFC 6838 §4.2: a type/subtype is at most 127 + 1 + 127 characters; parameters add a little. */
const maxTypeChars = 512;

/**
 * RFC 8620 §6.1: streams the bytes into a blob (never whole in memory), then, in one transaction,
 * gives the account a reference to it and an `uploads` row that keeps it until `expiresAt`.
 * Uploading the same bytes again renews the expiry.
 */
export async function createUpload(
  db: Db,
  blobs: BlobStore,
  accountId: AccountId,
  source: AsyncIterable<Uint8Array>,
  type: string,
  options: { maxBytes?: number; ttlMs: number; now?: Date },
): Promise<Upload> {
  if (type.length > maxTypeChars || /[\r\n]/.test(type))
    throw new InvalidInputError(`An upload type is at most ${maxTypeChars} characters on one line`);
  if (!db.prepare('SELECT 1 FROM accounts WHERE id = ?').get(accountId))
    throw new NotFoundError(`Account ${accountId}`);
  const maxBytes = Math.min(options.maxBytes ?? maxUploadBytes, maxUploadBytes);
  const { blobId, size } = await blobs.putStream(source, maxBytes);
  const createdAt = (options.now ?? new Date()).getTime();
  const expiresAt = createdAt + options.ttlMs;
  db.transaction(() => {
    db.prepare(
      `INSERT INTO uploads (account_id, blob_id, type, size, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (account_id, blob_id) DO UPDATE SET type = excluded.type, expires_at = excluded.expires_at`,
    ).run(accountId, blobId, type, size, createdAt, expiresAt);
    // A blob queued for collection that is referenced again is no longer a candidate.
    db.prepare('DELETE FROM blob_gc WHERE blob_id = ?').run(blobId);
  }).immediate();
  return { accountId, blobId, size, type, expiresAt: new Date(expiresAt) };
}

/** Releases uploads expired at `now`: each one's reference goes unless an email still uses the blob. */
export function expireUploads(db: Db, now: Date): number {
  return db
    .transaction(() => {
      const expired = db
        .prepare('SELECT account_id, blob_id FROM uploads WHERE expires_at <= ?')
        .all(now.getTime()) as { account_id: AccountId; blob_id: Upload['blobId'] }[];
      const drop = db.prepare('DELETE FROM uploads WHERE account_id = ? AND blob_id = ?');
      for (const row of expired) {
        drop.run(row.account_id, row.blob_id);
        releaseBlob(db, row.blob_id);
      }
      return expired.length;
    })
    .immediate();
}
