import type { AccountId, BlobId, EmailId, MailboxId, ThreadId } from '../model.js';
import { accountMayRead } from './blob-refs.js';
import type { Db } from './open-database.js';

/** Who in an account refers to a blob (RFC 9404 §4.3 Blob/lookup), each list sorted. */
export interface BlobUsers {
  emailIds: EmailId[];
  threadIds: ThreadId[];
  mailboxIds: MailboxId[];
}

/**
 * For each blob the account may read: its emails (raw message or a decoded part), their threads
 * and their mailboxes. Blobs it may not read are left out. One read transaction; per blob, an
 * index walk of `email_blobs (blob_id, account_id)`.
 */
export function lookupBlobs(db: Db, accountId: AccountId, blobIds: BlobId[]): Map<BlobId, BlobUsers> {
  const mayRead = accountMayRead(db);
  const emails = db.prepare(
    `SELECT e.id, e.thread_id FROM email_blobs b JOIN emails e ON e.id = b.email_id
      WHERE b.blob_id = ? AND b.account_id = ? ORDER BY e.id`,
  );
  const mailboxes = db.prepare(
    `SELECT DISTINCT em.mailbox_id FROM email_blobs b JOIN email_mailboxes em ON em.email_id = b.email_id
      WHERE b.blob_id = ? AND b.account_id = ? ORDER BY em.mailbox_id`,
  );
  return db.transaction(() => {
    const found = new Map<BlobId, BlobUsers>();
    for (const blobId of new Set(blobIds)) {
      if (!mayRead(accountId, blobId)) continue;
      const rows = emails.all(blobId, accountId) as { id: EmailId; thread_id: ThreadId }[];
      found.set(blobId, {
        emailIds: rows.map((row) => row.id),
        threadIds: [...new Set(rows.map((row) => row.thread_id))].sort(),
        mailboxIds: (mailboxes.all(blobId, accountId) as { mailbox_id: MailboxId }[]).map(
          (row) => row.mailbox_id,
        ),
      });
    }
    return found;
  })();
}
