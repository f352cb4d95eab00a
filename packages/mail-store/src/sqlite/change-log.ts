import type { AccountId, ChangeType, Changes, State } from '../model.js';
import { CannotCalculateChangesError } from '../errors.js';
import type { Db } from './open-database.js';

export type ChangeKind = 'created' | 'updated' | 'destroyed';

/**
 * Bumps the type's state and logs the changed objects. Must run inside the write's own
 * transaction (STYLE 14), so that the state and the data never disagree.
 */
export function recordChanges(
  db: Db,
  accountId: AccountId,
  type: ChangeType,
  changes: [id: string, kind: ChangeKind][],
): State {
  if (changes.length === 0) return currentState(db, accountId, type);
  const row = db
    .prepare(
      `INSERT INTO states (account_id, type, seq) VALUES (?, ?, 1)
       ON CONFLICT (account_id, type) DO UPDATE SET seq = seq + 1 RETURNING seq`,
    )
    .get(accountId, type) as { seq: number };
  const insert = db.prepare(
    'INSERT OR REPLACE INTO change_log (account_id, type, seq, object_id, kind) VALUES (?, ?, ?, ?, ?)',
  );
  for (const [id, kind] of changes) insert.run(accountId, type, row.seq, id, kind);
  return String(row.seq);
}

export function currentState(db: Db, accountId: AccountId, type: ChangeType): State {
  const row = db.prepare('SELECT seq FROM states WHERE account_id = ? AND type = ?').get(accountId, type) as
    { seq: number } | undefined;
  return String(row?.seq ?? 0);
}

/**
 * Changes since a state, collapsed per object (created then destroyed = nothing; created then
 * updated = created). With maxChanges, stops at a state boundary so that the client can continue
 * from newState without missing anything.
 */
export function changesSince(
  db: Db,
  accountId: AccountId,
  type: ChangeType,
  sinceState: State,
  maxChanges?: number,
): Changes<string> {
  const current = Number(currentState(db, accountId, type));
  const since = /^\d+$/.test(sinceState) ? Number(sinceState) : NaN;
  if (!Number.isSafeInteger(since) || since > current) throw new CannotCalculateChangesError('Unknown state');
  const oldest = db
    .prepare('SELECT min(seq) AS seq FROM change_log WHERE account_id = ? AND type = ?')
    .get(accountId, type) as { seq: number | null };
  // History before the oldest retained entry is gone (pruned): only a state at its edge is usable.
  if (since < current && oldest.seq !== null && since < oldest.seq - 1)
    throw new CannotCalculateChangesError();

  const rows = db
    .prepare(
      'SELECT seq, object_id, kind FROM change_log WHERE account_id = ? AND type = ? AND seq > ? ORDER BY seq',
    )
    .all(accountId, type, since) as { seq: number; object_id: string; kind: ChangeKind }[];

  const first = new Map<string, ChangeKind>();
  const last = new Map<string, ChangeKind>();
  let newState = since;
  let hasMoreChanges = false;
  for (let i = 0; i < rows.length;) {
    const seq = rows[i]!.seq;
    let j = i;
    const batch: typeof rows = [];
    while (j < rows.length && rows[j]!.seq === seq) batch.push(rows[j++]!);
    const newIds = batch.filter((r) => !first.has(r.object_id)).length;
    if (maxChanges !== undefined && first.size > 0 && first.size + newIds > maxChanges) {
      hasMoreChanges = true;
      break;
    }
    for (const r of batch) {
      if (!first.has(r.object_id)) first.set(r.object_id, r.kind);
      last.set(r.object_id, r.kind);
    }
    newState = seq;
    i = j;
  }
  if (!hasMoreChanges) newState = Math.max(newState, current);

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
