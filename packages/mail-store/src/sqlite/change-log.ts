import type { AccountId, ChangeType, State } from '../model.js';
import { changesFromLog, parseState, type LoggedChange } from '../change-log/changes-from-log.js';
import type { ChangeEntry, ChangeKind, ChangeLog } from '../ports/change-log.js';
import type { Db } from './open-database.js';

export type { ChangeKind } from '../ports/change-log.js';

function currentState(db: Db, accountId: AccountId, type: ChangeType): State {
  const row = db.prepare('SELECT seq FROM states WHERE account_id = ? AND type = ?').get(accountId, type) as
    { seq: number } | undefined;
  return String(row?.seq ?? 0);
}

/**
 * The change log of the embedded store: tables `states` (the current sequence number per account
 * and type) and `change_log` (one row per entry), written inside the caller's better-sqlite3
 * transaction. Every entry gets its own sequence number (the state moves by the number of
 * entries), so that /changes can stop after exactly maxChanges objects at a state that really
 * existed in between.
 */
export const sqliteChangeLog: ChangeLog<Db, 'sync'> = {
  record(db, accountId, type, changes) {
    if (changes.length === 0) return currentState(db, accountId, type);
    const row = db
      .prepare(
        `INSERT INTO states (account_id, type, seq) VALUES (@accountId, @type, @n)
         ON CONFLICT (account_id, type) DO UPDATE SET seq = seq + @n RETURNING seq`,
      )
      .get({ accountId, type, n: changes.length }) as { seq: number };
    const insert = db.prepare(
      'INSERT INTO change_log (account_id, type, seq, object_id, kind) VALUES (?, ?, ?, ?, ?)',
    );
    let seq = row.seq - changes.length;
    for (const [id, kind] of changes) insert.run(accountId, type, ++seq, id, kind);
    return String(row.seq);
  },

  currentState,

  changesSince(db, accountId, type, sinceState, maxChanges) {
    const oldest = db
      .prepare('SELECT min(seq) AS seq FROM change_log WHERE account_id = ? AND type = ?')
      .get(accountId, type) as { seq: number | null };
    return changesFromLog(
      {
        current: Number(currentState(db, accountId, type)),
        oldest: oldest.seq,
        entriesAfter: (seq) =>
          db
            .prepare(
              `SELECT seq, object_id AS objectId, kind FROM change_log
                WHERE account_id = ? AND type = ? AND seq > ? ORDER BY seq`,
            )
            .iterate(accountId, type, seq) as IterableIterator<LoggedChange>,
      },
      type,
      sinceState,
      maxChanges,
    );
  },

  prune(db, accountId, type, upTo) {
    const seq = parseState(upTo);
    if (Number.isNaN(seq)) return 0;
    return db
      .prepare('DELETE FROM change_log WHERE account_id = ? AND type = ? AND seq <= ?')
      .run(accountId, type, seq).changes;
  },

  deleteAccount(db, accountId) {
    db.prepare('DELETE FROM change_log WHERE account_id = ?').run(accountId);
    db.prepare('DELETE FROM states WHERE account_id = ?').run(accountId);
  },
};

/** Where a write reports its changes: straight to the log, or to a batch that logs them once. */
export type ChangeSink = (type: ChangeType, changes: readonly ChangeEntry[]) => void;

/**
 * Changes of many writes in one transaction (a batch import), logged once per type at the end:
 * one state bump per type instead of one per write, and an object changed twice (a thread that
 * gets two new emails, the Inbox) logged once, with its first kind: what /changes reports for
 * created-then-updated (import only creates and updates).
 */
export function createChangeBatch(): {
  add: ChangeSink;
  record(db: Db, accountId: AccountId): void;
} {
  const byType = new Map<ChangeType, Map<string, ChangeKind>>();
  return {
    add(type, changes) {
      let entries = byType.get(type);
      if (!entries) byType.set(type, (entries = new Map()));
      for (const [id, kind] of changes) if (!entries.has(id)) entries.set(id, kind);
    },
    record(db, accountId) {
      for (const [type, entries] of byType) sqliteChangeLog.record(db, accountId, type, [...entries]);
      byType.clear();
    },
  };
}
