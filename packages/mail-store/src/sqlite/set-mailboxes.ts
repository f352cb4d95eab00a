import type { AccountId, EmailId, MailboxId, ThreadId } from '../model.js';
import { InvalidInputError, NotFoundError } from '../errors.js';
import { sqliteChangeLog as changeLog } from './change-log.js';
import { emailAdded, emailRemoved } from './mailbox-counters.js';
import type { Db } from './open-database.js';

/**
 * Replaces an email's mailboxes (a move, a copy or a removal from one of several). The counts of
 * every mailbox entered or left change, so each is a Mailbox update, and the thread's membership
 * changes too (RFC 8621 §2). A no-op writes nothing, so no state moves.
 */
export function setMailboxes(
  db: Db,
  accountId: AccountId,
  id: EmailId,
  mailboxIds: readonly MailboxId[],
): void {
  const next = [...new Set(mailboxIds)];
  if (next.length === 0) throw new InvalidInputError('An email belongs to at least one mailbox');
  db.transaction(() => {
    const email = db
      .prepare('SELECT thread_id, unread, received_at FROM emails WHERE id = ? AND account_id = ?')
      .get(id, accountId) as { thread_id: ThreadId; unread: number; received_at: number } | undefined;
    if (!email) throw new NotFoundError(`Email ${id}`);
    const known = db.prepare('SELECT 1 FROM mailboxes WHERE account_id = ? AND id = ?');
    for (const mailboxId of next) {
      if (!known.get(accountId, mailboxId)) throw new NotFoundError(`Mailbox ${mailboxId}`);
    }
    const current = new Set(
      (
        db.prepare('SELECT mailbox_id FROM email_mailboxes WHERE email_id = ?').all(id) as {
          mailbox_id: MailboxId;
        }[]
      ).map((r) => r.mailbox_id),
    );
    const added = next.filter((m) => !current.has(m));
    const removed = [...current].filter((m) => !next.includes(m));
    if (added.length === 0 && removed.length === 0) return;
    const unread = email.unread === 1;
    const remove = db.prepare('DELETE FROM email_mailboxes WHERE mailbox_id = ? AND email_id = ?');
    for (const mailboxId of removed) {
      remove.run(mailboxId, id);
      emailRemoved(db, mailboxId, email.thread_id, unread);
    }
    const add = db.prepare(
      'INSERT INTO email_mailboxes (mailbox_id, email_id, received_at) VALUES (?, ?, ?)',
    );
    for (const mailboxId of added) {
      add.run(mailboxId, id, email.received_at);
      emailAdded(db, mailboxId, email.thread_id, unread);
    }
    changeLog.record(db, accountId, 'Email', [[id, 'updated']]);
    changeLog.record(
      db,
      accountId,
      'Mailbox',
      [...removed, ...added].map((m): [MailboxId, 'updated'] => [m, 'updated']),
    );
    changeLog.record(db, accountId, 'Thread', [[email.thread_id, 'updated']]);
  }).immediate();
}
