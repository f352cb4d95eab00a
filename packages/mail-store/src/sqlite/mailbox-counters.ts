import type { MailboxId, ThreadId } from '../model.js';
import type { Db } from './open-database.js';

/**
 * RFC 8621 §2 mailbox counts, maintained by every write in its own transaction so that reading
 * them costs the same at 10 or 100,000 emails. `mailbox_threads` holds, per mailbox and thread,
 * how many of the thread's emails are in the mailbox and how many of those are unread; a thread
 * is counted once per mailbox, and is unread there when one of its emails in it is unread (the
 * "simplest solution" RFC 8621 §2 describes for unreadThreads).
 */

function bump(
  db: Db,
  mailboxId: MailboxId,
  d: { emails: number; unread: number; threads: number; unreadThreads: number },
): void {
  db.prepare(
    `INSERT INTO mailbox_counts (mailbox_id, total_emails, unread_emails, total_threads, unread_threads)
     VALUES (@mailboxId, @emails, @unread, @threads, @unreadThreads)
     ON CONFLICT (mailbox_id) DO UPDATE SET
       total_emails = total_emails + @emails, unread_emails = unread_emails + @unread,
       total_threads = total_threads + @threads, unread_threads = unread_threads + @unreadThreads`,
  ).run({ mailboxId, ...d });
}

/** An email (unread or not) entered the mailbox. */
export function emailAdded(db: Db, mailboxId: MailboxId, threadId: ThreadId, unread: boolean): void {
  const u = unread ? 1 : 0;
  const row = db
    .prepare(
      `INSERT INTO mailbox_threads (mailbox_id, thread_id, emails, unread) VALUES (?, ?, 1, ?)
       ON CONFLICT (mailbox_id, thread_id) DO UPDATE SET emails = emails + 1, unread = unread + excluded.unread
       RETURNING emails, unread`,
    )
    .get(mailboxId, threadId, u) as { emails: number; unread: number };
  bump(db, mailboxId, {
    emails: 1,
    unread: u,
    threads: row.emails === 1 ? 1 : 0,
    unreadThreads: u === 1 && row.unread === 1 ? 1 : 0,
  });
}

/** An email (unread or not) left the mailbox (moved out or destroyed). */
export function emailRemoved(db: Db, mailboxId: MailboxId, threadId: ThreadId, unread: boolean): void {
  const u = unread ? 1 : 0;
  const row = db
    .prepare(
      `UPDATE mailbox_threads SET emails = emails - 1, unread = unread - ?
        WHERE mailbox_id = ? AND thread_id = ? RETURNING emails, unread`,
    )
    .get(u, mailboxId, threadId) as { emails: number; unread: number } | undefined;
  if (!row) return;
  if (row.emails <= 0)
    db.prepare('DELETE FROM mailbox_threads WHERE mailbox_id = ? AND thread_id = ?').run(mailboxId, threadId);
  bump(db, mailboxId, {
    emails: -1,
    unread: -u,
    threads: row.emails <= 0 ? -1 : 0,
    unreadThreads: u === 1 && row.unread === 0 ? -1 : 0,
  });
}

/** An email in these mailboxes became unread (or read). */
export function unreadChanged(
  db: Db,
  mailboxIds: readonly MailboxId[],
  threadId: ThreadId,
  nowUnread: boolean,
): void {
  const delta = nowUnread ? 1 : -1;
  const update = db.prepare(
    'UPDATE mailbox_threads SET unread = unread + ? WHERE mailbox_id = ? AND thread_id = ? RETURNING unread',
  );
  for (const mailboxId of mailboxIds) {
    const row = update.get(delta, mailboxId, threadId) as { unread: number } | undefined;
    if (!row) continue;
    const threadFlipped = nowUnread ? row.unread === 1 : row.unread === 0;
    bump(db, mailboxId, { emails: 0, unread: delta, threads: 0, unreadThreads: threadFlipped ? delta : 0 });
  }
}
