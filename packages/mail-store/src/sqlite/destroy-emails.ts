import type { AccountId, BlobId, EmailId, MailboxId, ThreadId } from '../model.js';
import { releaseBlob } from './blob-refs.js';
import { emailBlobIds } from './email-blob-ids.js';
import { sqliteChangeLog as changeLog, type ChangeKind } from './change-log.js';
import type { EmailIndex } from './email-rows.js';
import { emailRemoved } from './mailbox-counters.js';
import type { Db } from './open-database.js';
import type { SqliteSearchIndex } from './sqlite-search-index.js';
import { usageChanged } from './quotas.js';
import { maxThreadingIds } from './threads.js';

/** The Message-IDs an email contributes to threading, exactly as `importMessage` records them. */
function threadingIdsOf(index: EmailIndex): string[] {
  const ids = [...(index.messageId ?? []), ...(index.inReplyTo ?? []), ...(index.references ?? [])];
  return [...new Set(ids)].slice(0, maxThreadingIds);
}

/**
 * Takes the Message-IDs of destroyed emails out of their thread, then records again those a
 * remaining email of the thread also has: the thread ends up with exactly its emails' ids. By key,
 * never by scanning the account's ids for the thread (there is no index by thread: it would cost
 * every delivery one more random page), which made destroying 10,000 emails take seconds.
 */
function forgetThreadingIds(
  db: Db,
  accountId: AccountId,
  threadId: ThreadId,
  destroyedIds: ReadonlySet<string>,
  threadSurvives: boolean,
): void {
  const forget = db.prepare(
    'DELETE FROM message_ids WHERE account_id = ? AND message_id = ? AND thread_id = ?',
  );
  for (const messageId of destroyedIds) forget.run(accountId, messageId, threadId);
  if (!threadSurvives) return;
  const record = db.prepare(
    'INSERT OR IGNORE INTO message_ids (account_id, message_id, thread_id) VALUES (?, ?, ?)',
  );
  const rows = db.prepare('SELECT index_json FROM emails WHERE thread_id = ?').all(threadId) as {
    index_json: string;
  }[];
  for (const row of rows) {
    for (const messageId of threadingIdsOf(JSON.parse(row.index_json) as EmailIndex))
      if (destroyedIds.has(messageId)) record.run(accountId, messageId, threadId);
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
  search: SqliteSearchIndex,
  accountId: AccountId,
  ids: readonly EmailId[],
): { destroyed: EmailId[]; notFound: EmailId[] } {
  return db.transaction(() => destroyEmailsInTransaction(db, search, accountId, ids)).immediate();
}

/**
 * `destroyEmails` inside the caller's open transaction (destroying a mailbox with its emails):
 * nested as a savepoint it ran ~7x slower (4,000 emails: 11 s against 1.7 s).
 */
export function destroyEmailsInTransaction(
  db: Db,
  search: SqliteSearchIndex,
  accountId: AccountId,
  ids: readonly EmailId[],
): { destroyed: EmailId[]; notFound: EmailId[] } {
  const destroyed: EmailId[] = [];
  const notFound: EmailId[] = [];
  const mailboxes = new Set<MailboxId>();
  /** Per thread, the Message-IDs its destroyed emails contributed. */
  const threads = new Map<ThreadId, Set<string>>();
  const blobs = new Set<BlobId>();
  let freedBytes = 0;
  const select = db.prepare(
    `SELECT blob_id, thread_id, unread, size, index_json FROM emails WHERE id = ? AND account_id = ?`,
  );
  for (const id of new Set(ids)) {
    const email = select.get(id, accountId) as
      | {
          blob_id: BlobId;
          thread_id: ThreadId;
          unread: number;
          size: number;
          index_json: string;
        }
      | undefined;
    if (!email) {
      notFound.push(id);
      continue;
    }
    const memberships = db.prepare('SELECT mailbox_id FROM email_mailboxes WHERE email_id = ?').all(id) as {
      mailbox_id: MailboxId;
    }[];
    for (const { mailbox_id: mailboxId } of memberships) {
      emailRemoved(db, mailboxId, email.thread_id, email.unread === 1);
      mailboxes.add(mailboxId);
    }
    const index = JSON.parse(email.index_json) as EmailIndex;
    const forgetBlob = db.prepare(
      'DELETE FROM email_blobs WHERE blob_id = ? AND account_id = ? AND email_id = ?',
    );
    for (const blobId of emailBlobIds(email.blob_id, index)) {
      forgetBlob.run(blobId, accountId, id);
      blobs.add(blobId);
    }
    // Before the emails row: the index may find the document through it (FTS5 does).
    search.remove(db, accountId, [id]);
    db.prepare('DELETE FROM email_mailboxes WHERE email_id = ?').run(id);
    db.prepare('DELETE FROM email_keywords WHERE email_id = ?').run(id);
    db.prepare('DELETE FROM emails WHERE id = ?').run(id);
    const threadIds = threads.get(email.thread_id) ?? new Set<string>();
    for (const messageId of threadingIdsOf(index)) threadIds.add(messageId);
    threads.set(email.thread_id, threadIds);
    freedBytes += email.size;
    destroyed.push(id);
  }
  if (destroyed.length === 0) return { destroyed, notFound };
  usageChanged(db, accountId, -destroyed.length, -freedBytes);

  const threadChanges: [ThreadId, ChangeKind][] = [];
  for (const [threadId, destroyedIds] of threads) {
    const left = db.prepare('SELECT 1 FROM emails WHERE thread_id = ? LIMIT 1').get(threadId) !== undefined;
    forgetThreadingIds(db, accountId, threadId, destroyedIds, left);
    if (left) {
      threadChanges.push([threadId, 'updated']);
    } else {
      db.prepare('DELETE FROM threads WHERE id = ?').run(threadId);
      threadChanges.push([threadId, 'destroyed']);
    }
  }

  // Per-email blob table: O(parts) look-ups, whatever the size of the account.
  for (const blobId of blobs) releaseBlob(db, blobId);

  changeLog.record(
    db,
    accountId,
    'Email',
    destroyed.map((id): [EmailId, 'destroyed'] => [id, 'destroyed']),
  );
  changeLog.record(
    db,
    accountId,
    'Mailbox',
    [...mailboxes].map((m): [MailboxId, 'updated'] => [m, 'updated']),
  );
  changeLog.record(db, accountId, 'Thread', threadChanges);
  return { destroyed, notFound };
}
