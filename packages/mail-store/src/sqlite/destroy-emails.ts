import type { AccountId, BlobId, BodyPart, EmailId, MailboxId, ThreadId } from '../model.js';
import { recordChanges, type ChangeKind } from './change-log.js';
import type { EmailIndex } from './email-rows.js';
import { emailRemoved } from './mailbox-counters.js';
import type { Db } from './open-database.js';
import { usageChanged } from './quotas.js';
import { maxThreadingIds } from './threads.js';

function blobsOf(part: BodyPart, out: Set<BlobId>): Set<BlobId> {
  if (part.blobId) out.add(part.blobId);
  for (const sub of part.subParts ?? []) blobsOf(sub, out);
  return out;
}

/** The Message-IDs an email contributes to threading, exactly as `importMessage` records them. */
function threadingIdsOf(index: EmailIndex): string[] {
  const ids = [...(index.messageId ?? []), ...(index.inReplyTo ?? []), ...(index.references ?? [])];
  return [...new Set(ids)].slice(0, maxThreadingIds);
}

/** Rebuilds a surviving thread's Message-IDs from its remaining emails (simple, and never stale). */
function rebuildThreadIds(db: Db, accountId: AccountId, threadId: ThreadId): void {
  db.prepare('DELETE FROM message_ids WHERE account_id = ? AND thread_id = ?').run(accountId, threadId);
  const record = db.prepare(
    'INSERT OR IGNORE INTO message_ids (account_id, message_id, thread_id) VALUES (?, ?, ?)',
  );
  const rows = db.prepare('SELECT index_json FROM emails WHERE thread_id = ?').all(threadId) as {
    index_json: string;
  }[];
  for (const row of rows) {
    for (const messageId of threadingIdsOf(JSON.parse(row.index_json) as EmailIndex))
      record.run(accountId, messageId, threadId);
  }
}

/**
 * Destroys emails in one transaction: rows, memberships, keywords, full-text rows, counts, the
 * threads they leave empty, threading ids no remaining email needs, and the account's references
 * to blobs no remaining email of the account uses. A blob no account references any more becomes
 * a garbage-collection candidate; its file is removed later by `collectGarbage`, never here, so
 * that a crash can leave at worst an orphan file, never a reference to a missing one.
 */
export function destroyEmails(
  db: Db,
  accountId: AccountId,
  ids: readonly EmailId[],
): { destroyed: EmailId[]; notFound: EmailId[] } {
  return db
    .transaction(() => {
      const destroyed: EmailId[] = [];
      const notFound: EmailId[] = [];
      const mailboxes = new Set<MailboxId>();
      const threads = new Set<ThreadId>();
      const blobs = new Set<BlobId>();
      let freedBytes = 0;
      const select = db.prepare(
        `SELECT thread_id, unread, blob_id, index_json, search_id, size FROM emails WHERE id = ? AND account_id = ?`,
      );
      for (const id of new Set(ids)) {
        const email = select.get(id, accountId) as
          | {
              thread_id: ThreadId;
              unread: number;
              blob_id: BlobId;
              index_json: string;
              search_id: number;
              size: number;
            }
          | undefined;
        if (!email) {
          notFound.push(id);
          continue;
        }
        const memberships = db
          .prepare('SELECT mailbox_id FROM email_mailboxes WHERE email_id = ?')
          .all(id) as {
          mailbox_id: MailboxId;
        }[];
        for (const { mailbox_id: mailboxId } of memberships) {
          emailRemoved(db, mailboxId, email.thread_id, email.unread === 1);
          mailboxes.add(mailboxId);
        }
        blobs.add(email.blob_id);
        blobsOf((JSON.parse(email.index_json) as EmailIndex).bodyStructure, blobs);
        db.prepare('DELETE FROM email_fts WHERE rowid = ?').run(email.search_id);
        db.prepare('DELETE FROM email_mailboxes WHERE email_id = ?').run(id);
        db.prepare('DELETE FROM email_keywords WHERE email_id = ?').run(id);
        db.prepare('DELETE FROM emails WHERE id = ?').run(id);
        threads.add(email.thread_id);
        freedBytes += email.size;
        destroyed.push(id);
      }
      if (destroyed.length === 0) return { destroyed, notFound };
      usageChanged(db, accountId, -destroyed.length, -freedBytes);

      const threadChanges: [ThreadId, ChangeKind][] = [];
      for (const threadId of threads) {
        const left = db.prepare('SELECT 1 FROM emails WHERE thread_id = ? LIMIT 1').get(threadId);
        if (left) {
          rebuildThreadIds(db, accountId, threadId);
          threadChanges.push([threadId, 'updated']);
        } else {
          db.prepare('DELETE FROM message_ids WHERE account_id = ? AND thread_id = ?').run(
            accountId,
            threadId,
          );
          db.prepare('DELETE FROM threads WHERE id = ?').run(threadId);
          threadChanges.push([threadId, 'destroyed']);
        }
      }

      // A blob id (G + sha256 hex) appears in index_json only as a part's blob reference.
      const stillUsed = db.prepare(
        'SELECT 1 FROM emails WHERE account_id = ? AND (blob_id = ? OR instr(index_json, ?) > 0) LIMIT 1',
      );
      const dropRef = db.prepare('DELETE FROM blob_refs WHERE account_id = ? AND blob_id = ?');
      const referenced = db.prepare('SELECT 1 FROM blob_refs WHERE blob_id = ? LIMIT 1');
      const queue = db.prepare('INSERT OR IGNORE INTO blob_gc (blob_id) VALUES (?)');
      for (const blobId of blobs) {
        if (stillUsed.get(accountId, blobId, `"${blobId}"`)) continue;
        dropRef.run(accountId, blobId);
        if (!referenced.get(blobId)) queue.run(blobId);
      }

      recordChanges(
        db,
        accountId,
        'Email',
        destroyed.map((id): [EmailId, 'destroyed'] => [id, 'destroyed']),
      );
      recordChanges(
        db,
        accountId,
        'Mailbox',
        [...mailboxes].map((m): [MailboxId, 'updated'] => [m, 'updated']),
      );
      recordChanges(db, accountId, 'Thread', threadChanges);
      return { destroyed, notFound };
    })
    .immediate();
}
