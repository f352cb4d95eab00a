import type { AccountId, EmailId, MailboxId, ThreadId } from '../model.js';
import { NotFoundError } from '../errors.js';
import { isUnread, normaliseKeywords } from '../keywords.js';
import { sqliteChangeLog as changeLog } from './change-log.js';
import { unreadChanged } from './mailbox-counters.js';
import type { Db } from './open-database.js';

/**
 * Replaces an email's keywords. A change of unread state also changes the counts of the email's
 * mailboxes and its thread's, so those types change too (RFC 8621 §2: counts are Mailbox data).
 */
export function setKeywords(db: Db, accountId: AccountId, id: EmailId, keywords: readonly string[]): void {
  const next = normaliseKeywords(keywords);
  db.transaction(() => {
    const email = db
      .prepare('SELECT thread_id, unread FROM emails WHERE id = ? AND account_id = ?')
      .get(id, accountId) as { thread_id: ThreadId; unread: number } | undefined;
    if (!email) throw new NotFoundError(`Email ${id}`);
    const current = (
      db.prepare('SELECT keyword FROM email_keywords WHERE email_id = ? ORDER BY keyword').all(id) as {
        keyword: string;
      }[]
    ).map((r) => r.keyword);
    if (current.join('\n') === next.join('\n')) return;
    db.prepare('DELETE FROM email_keywords WHERE email_id = ?').run(id);
    const add = db.prepare('INSERT INTO email_keywords (email_id, keyword) VALUES (?, ?)');
    for (const k of next) add.run(id, k);
    changeLog.record(db, accountId, 'Email', [[id, 'updated']]);

    const unread = isUnread(next);
    if (unread === (email.unread === 1)) return;
    db.prepare('UPDATE emails SET unread = ? WHERE id = ?').run(unread ? 1 : 0, id);
    const mailboxIds = (
      db.prepare('SELECT mailbox_id FROM email_mailboxes WHERE email_id = ? ORDER BY mailbox_id').all(id) as {
        mailbox_id: MailboxId;
      }[]
    ).map((r) => r.mailbox_id);
    unreadChanged(db, mailboxIds, email.thread_id, unread);
    changeLog.record(
      db,
      accountId,
      'Mailbox',
      mailboxIds.map((m): [MailboxId, 'updated'] => [m, 'updated']),
    );
    // A thread's unread state is derived from its emails; clients re-read threads on change.
    changeLog.record(db, accountId, 'Thread', [[email.thread_id, 'updated']]);
  }).immediate();
}
