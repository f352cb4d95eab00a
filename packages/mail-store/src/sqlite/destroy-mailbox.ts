import type { AccountId, EmailId, MailboxId, ThreadId } from '../model.js';
import { ForbiddenError, MailboxNotEmptyError, NotFoundError } from '../errors.js';
import type { DestroyMailboxResult } from '../mail-store.js';
import { sqliteChangeLog as changeLog } from './change-log.js';
import { destroyEmailsInTransaction } from './destroy-emails.js';
import type { Db } from './open-database.js';
import type { SqliteSearchIndex } from './sqlite-search-index.js';

/**
 * RFC 8621 §2.5: destroys a mailbox in one transaction. It must have no child mailboxes, and no
 * emails unless `removeEmails`: then an email also in another mailbox just leaves it (an Email and
 * Thread update, like a move) and one only in it is destroyed (as `destroyEmails` does: threads,
 * blobs, quota). Its counts go here; its page tables (migrations 11 and 15) go with its row, by
 * the `mailboxes_drop_*` triggers. The inbox is never destroyed: deliveries need it.
 */
export function destroyMailbox(
  db: Db,
  search: SqliteSearchIndex,
  accountId: AccountId,
  id: MailboxId,
  removeEmails: boolean,
): DestroyMailboxResult {
  return db
    .transaction(() => {
      const row = db
        .prepare('SELECT role FROM mailboxes WHERE id = ? AND account_id = ?')
        .get(id, accountId) as { role: string | null } | undefined;
      if (!row) throw new NotFoundError(`Mailbox ${id}`);
      if (row.role === 'inbox') throw new ForbiddenError('The inbox cannot be destroyed: deliveries need it');
      if (db.prepare('SELECT 1 FROM mailboxes WHERE parent_id = ? LIMIT 1').get(id))
        throw new MailboxNotEmptyError('children');
      const members = db
        .prepare(
          `SELECT em.email_id AS id, e.thread_id AS threadId,
                  EXISTS (SELECT 1 FROM email_mailboxes o
                           WHERE o.email_id = em.email_id AND o.mailbox_id <> em.mailbox_id) AS shared
             FROM email_mailboxes em JOIN emails e ON e.id = em.email_id WHERE em.mailbox_id = ?`,
        )
        .all(id) as { id: EmailId; threadId: ThreadId; shared: number }[];
      if (members.length > 0 && !removeEmails) throw new MailboxNotEmptyError('emails');

      const updatedEmails = members.filter((m) => m.shared === 1);
      const leave = db.prepare('DELETE FROM email_mailboxes WHERE mailbox_id = ? AND email_id = ?');
      for (const email of updatedEmails) leave.run(id, email.id);
      const only = members.filter((m) => m.shared === 0).map((m) => m.id);
      // In this transaction (no savepoint), logging Email and Thread destroyed or updated.
      const { destroyed } =
        only.length > 0 ? destroyEmailsInTransaction(db, search, accountId, only) : { destroyed: [] };

      db.prepare('DELETE FROM mailbox_threads WHERE mailbox_id = ?').run(id);
      db.prepare('DELETE FROM mailbox_counts WHERE mailbox_id = ?').run(id);
      db.prepare('DELETE FROM mailboxes WHERE id = ?').run(id);
      changeLog.record(db, accountId, 'Mailbox', [[id, 'destroyed']]);
      if (updatedEmails.length > 0) {
        changeLog.record(
          db,
          accountId,
          'Email',
          updatedEmails.map((m): [EmailId, 'updated'] => [m.id, 'updated']),
        );
        const threads = [...new Set(updatedEmails.map((m) => m.threadId))];
        changeLog.record(
          db,
          accountId,
          'Thread',
          threads.map((t): [ThreadId, 'updated'] => [t, 'updated']),
        );
      }
      return { destroyedEmails: destroyed, updatedEmails: updatedEmails.map((m) => m.id) };
    })
    .immediate();
}
