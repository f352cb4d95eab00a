import type { AccountId, ThreadId } from '../model.js';
import { newId } from '../ids.js';
import type { Db } from './open-database.js';

/** Message-IDs looked at per message: a References header can be abused to be very long. */
export const maxThreadingIds = 100;

/**
 * Finds the thread a message belongs to, or starts one, and records the message's ids against it.
 * A message joins a thread that holds (or refers to) one of its Message-ID / In-Reply-To /
 * References ids, provided the base subjects agree: the check Gmail, Cyrus and Stalwart make so
 * that a reply that changes the topic, or an id reused by a broken mailer, starts a new thread.
 * Must run inside the import's transaction.
 */
export function assignThread(
  db: Db,
  accountId: AccountId,
  ids: readonly string[],
  subject: string,
): { id: ThreadId; isNew: boolean } {
  const threadingIds = ids.slice(0, maxThreadingIds);
  let id: ThreadId | null = null;
  if (threadingIds.length > 0) {
    const placeholders = threadingIds.map(() => '?').join(',');
    const candidates = db
      .prepare(
        `SELECT DISTINCT t.id, t.base_subject, t.rowid FROM message_ids m JOIN threads t ON t.id = m.thread_id
          WHERE m.account_id = ? AND m.message_id IN (${placeholders}) ORDER BY t.rowid`,
      )
      .all(accountId, ...threadingIds) as { id: ThreadId; base_subject: string }[];
    // An empty subject says nothing either way, so it does not block the match.
    id =
      candidates.find((c) => c.base_subject === subject || subject === '' || c.base_subject === '')?.id ??
      null;
  }
  const isNew = id === null;
  if (id === null) {
    id = newId('Thread') as ThreadId;
    db.prepare('INSERT INTO threads (id, account_id, base_subject) VALUES (?, ?, ?)').run(
      id,
      accountId,
      subject,
    );
  }
  const record = db.prepare(
    'INSERT OR IGNORE INTO message_ids (account_id, message_id, thread_id) VALUES (?, ?, ?)',
  );
  for (const messageId of threadingIds) record.run(accountId, messageId, id);
  return { id, isNew };
}
