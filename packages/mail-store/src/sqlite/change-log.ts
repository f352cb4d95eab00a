import type { AccountId, ChangeType, Changes, State } from '../model.js';
import { CannotCalculateChangesError } from '../errors.js';
import type { Db } from './open-database.js';

export type ChangeKind = 'created' | 'updated' | 'destroyed';

/**
 * Logs changed objects and advances the type's state. Must run inside the write's own transaction
 * (STYLE 14), so that the state and the data never disagree. Every entry gets its own sequence
 * number (the state moves by the number of entries), so that /changes can stop after exactly
 * maxChanges objects at a state that really existed in between.
 */
export function recordChanges(
  db: Db,
  accountId: AccountId,
  type: ChangeType,
  changes: readonly [id: string, kind: ChangeKind][],
): State {
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
}

/** Where a write reports its changes: straight to the log, or to a batch that logs them once. */
export type ChangeSink = (type: ChangeType, changes: readonly [id: string, kind: ChangeKind][]) => void;

/**
 * Changes of many writes in one transaction (a batch import), logged once per type at the end:
 * one state bump per type instead of one per write, and an object changed twice (a thread that
 * gets two new emails, the Inbox) logged once, with its first kind: what /changes reports for created-then-updated (import only
 * creates and updates).
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
      for (const [type, entries] of byType) recordChanges(db, accountId, type, [...entries]);
      byType.clear();
    },
  };
}

export function currentState(db: Db, accountId: AccountId, type: ChangeType): State {
  const row = db.prepare('SELECT seq FROM states WHERE account_id = ? AND type = ?').get(accountId, type) as
    { seq: number } | undefined;
  return String(row?.seq ?? 0);
}

function parseState(state: State): number {
  return /^\d{1,15}$/.test(state) ? Number(state) : NaN;
}

/**
 * Changes since a state (RFC 8620 §5.2), collapsed per object: created then updated is created,
 * created then destroyed is nothing, updated then destroyed is destroyed. With maxChanges, stops
 * before the entry that would make one id too many, so that newState resumes exactly there.
 * Throws CannotCalculateChangesError for a state this log never issued or no longer holds.
 */
export function changesSince(
  db: Db,
  accountId: AccountId,
  type: ChangeType,
  sinceState: State,
  maxChanges?: number,
): Changes<string> {
  const current = Number(currentState(db, accountId, type));
  const since = parseState(sinceState);
  if (Number.isNaN(since) || since > current) throw new CannotCalculateChangesError(`Unknown ${type} state`);
  const oldest = db
    .prepare('SELECT min(seq) AS seq FROM change_log WHERE account_id = ? AND type = ?')
    .get(accountId, type) as {
    seq: number | null;
  };
  // History before the oldest retained entry is gone (pruned): only a state at its edge is usable.
  if (since < current && (oldest.seq === null || since < oldest.seq - 1)) {
    throw new CannotCalculateChangesError(`${type} changes since this state are no longer kept`);
  }
  const limit = maxChanges !== undefined && maxChanges > 0 ? maxChanges : Infinity;
  const rows = db
    .prepare(
      'SELECT seq, object_id, kind FROM change_log WHERE account_id = ? AND type = ? AND seq > ? ORDER BY seq',
    )
    .iterate(accountId, type, since) as IterableIterator<{
    seq: number;
    object_id: string;
    kind: ChangeKind;
  }>;

  const first = new Map<string, ChangeKind>();
  const last = new Map<string, ChangeKind>();
  let newState = since;
  let hasMoreChanges = false;
  for (const row of rows) {
    if (!first.has(row.object_id) && first.size >= limit) {
      hasMoreChanges = true;
      break;
    }
    if (!first.has(row.object_id)) first.set(row.object_id, row.kind);
    last.set(row.object_id, row.kind);
    newState = row.seq;
  }
  if (!hasMoreChanges) newState = current;

  const created: string[] = [];
  const updated: string[] = [];
  const destroyed: string[] = [];
  for (const [id, firstKind] of first) {
    const lastKind = last.get(id)!;
    if (firstKind === 'created') {
      if (lastKind !== 'destroyed') created.push(id);
    } else if (lastKind === 'destroyed') destroyed.push(id);
    else updated.push(id);
  }
  return { oldState: String(since), newState: String(newState), hasMoreChanges, created, updated, destroyed };
}
