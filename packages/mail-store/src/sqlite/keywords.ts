import type { AccountId, EmailId, MailboxId, ThreadId } from '../model.js';
import { NotFoundError } from '../errors.js';
import { recordChanges } from './change-log.js';
import { normaliseKeywords } from './import-message.js';
import type { Db } from './open-database.js';

/** Replaces an email's keywords; $seen changes also change its mailboxes' unread counts. */
export function setKeywords(db: Db, accountId: AccountId, id: EmailId, keywords: readonly string[]): void {
  const next = normaliseKeywords(keywords);
  db.transaction(() => {
    const email = db
      .prepare('SELECT thread_id, seen FROM emails WHERE id = ? AND account_id = ?')
      .get(id, accountId) as { thread_id: string; seen: number } | undefined;
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
    const seen = next.includes('$seen') ? 1 : 0;
    db.prepare('UPDATE emails SET seen = ? WHERE id = ?').run(seen, id);
    recordChanges(db, accountId, 'Email', [[id, 'updated']]);
    if (seen !== email.seen) {
      const mailboxes = (
        db.prepare('SELECT mailbox_id FROM email_mailboxes WHERE email_id = ?').all(id) as {
          mailbox_id: string;
        }[]
      ).map((r): [MailboxId, 'updated'] => [r.mailbox_id as MailboxId, 'updated']);
      recordChanges(db, accountId, 'Mailbox', mailboxes);
      // Thread-level unread state is derived from its emails; clients re-read threads on change.
      recordChanges(db, accountId, 'Thread', [[email.thread_id as ThreadId, 'updated']]);
    }
  })();
}
