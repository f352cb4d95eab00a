import type { Db } from '../open-database.js';

/** The FTS5 columns of one document, in `email_fts` order. */
export type FtsColumns = [subject: string, addresses: string, body: string, attachments: string];

/**
 * Migration 27. A single delivery's document waits here, in the delivery's own transaction, and
 * is indexed in batches (`catchUpPending`): FTS5 writes a new segment for every transaction that
 * adds a document, and at one or two deliveries per transaction those segments (and merging them)
 * were a tenth of a delivery's CPU and WAL. Keyed by `emails.search_id`, so rows append at the
 * right edge; durable like the email itself, so a crash loses no document.
 */
export const pendingDocumentsMigration = {
  version: 27,
  name: 'full-text documents waiting for a batch',
  sql: `
    CREATE TABLE search_pending (
      search_id INTEGER PRIMARY KEY,
      subject TEXT NOT NULL,
      addresses TEXT NOT NULL,
      body TEXT NOT NULL,
      attachments TEXT NOT NULL
    ) STRICT;
  `,
};

/** Queues the document of the email with that search id (in the caller's transaction). */
export function queueDocument(db: Db, searchId: number, columns: FtsColumns): void {
  db.prepare(
    'INSERT INTO search_pending (search_id, subject, addresses, body, attachments) VALUES (?, ?, ?, ?, ?)',
  ).run(searchId, ...columns);
}

/** Forgets the queued documents of these search ids (their emails are being destroyed). */
export function dropQueued(db: Db, searchIds: readonly number[]): void {
  if (!db.prepare('SELECT 1 FROM search_pending LIMIT 1').get()) return;
  const drop = db.prepare('DELETE FROM search_pending WHERE search_id = ?');
  for (const id of searchIds) drop.run(id);
}

/**
 * Indexes every queued document, whoever queued it (this process, another one, or one that
 * crashed), in one transaction: a savepoint inside the caller's, else IMMEDIATE. Returns how
 * many. Cheap when nothing waits: one probe of an empty table.
 */
export function catchUpPending(db: Db): number {
  if (!db.prepare('SELECT 1 FROM search_pending LIMIT 1').get()) return 0;
  const move = db.transaction(() => {
    const upTo = db.prepare('SELECT max(search_id) FROM search_pending').pluck().get() as number | null;
    if (upTo === null) return 0;
    const { changes } = db
      .prepare(
        `INSERT INTO email_fts (rowid, subject, addresses, body, attachments)
         SELECT p.search_id, p.subject, p.addresses, p.body, p.attachments FROM search_pending p
          WHERE p.search_id <= ? AND EXISTS (SELECT 1 FROM emails e WHERE e.search_id = p.search_id)
          ORDER BY p.search_id`,
      )
      .run(upTo);
    db.prepare('DELETE FROM search_pending WHERE search_id <= ?').run(upTo);
    return changes;
  });
  return db.inTransaction ? move() : move.immediate();
}
