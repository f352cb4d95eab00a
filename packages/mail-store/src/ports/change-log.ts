import type { AccountId, ChangeType, Changes, State } from '../model.js';
import type { Answer, CallMode } from './call-mode.js';

export type ChangeKind = 'created' | 'updated' | 'destroyed';

/** One object's change, as a write reports it. */
export type ChangeEntry = readonly [id: string, kind: ChangeKind];

/**
 * The change-log port (RFC 8620 §5.2): per account and type, a state that every write advances in
 * its own transaction, and the objects changed since any state it issued. `Tx` is the metadata
 * backend's transaction handle (the SQLite `Db` inside `db.transaction`, a PostgreSQL client inside
 * BEGIN…COMMIT): the log shares the data's transaction, so a state never names data that did not
 * commit (STYLE 14). States are opaque strings to every caller but the implementation.
 */
export interface ChangeLog<Tx, M extends CallMode = 'async'> {
  /**
   * Logs changed objects inside the caller's write transaction and returns the new state (the
   * current one when `changes` is empty). Each entry is a step of its own, so that `changesSince`
   * with maxChanges can stop between any two of them.
   */
  record(tx: Tx, accountId: AccountId, type: ChangeType, changes: readonly ChangeEntry[]): Answer<M, State>;
  /** The state now; an account and type never written have a state too. */
  currentState(tx: Tx, accountId: AccountId, type: ChangeType): Answer<M, State>;
  /**
   * The objects changed since `sinceState`, collapsed per object (created then updated is created,
   * created then destroyed is nothing, updated then destroyed is destroyed). With `maxChanges`, at
   * most that many ids, `hasMoreChanges` set and `newState` a state the client can resume from.
   * Throws `CannotCalculateChangesError` for a state the log never issued or no longer holds.
   */
  changesSince(
    tx: Tx,
    accountId: AccountId,
    type: ChangeType,
    sinceState: State,
    maxChanges?: number,
  ): Answer<M, Changes<string>>;
  /**
   * Forgets the history up to and including `upTo` (a state this log issued): changes since an
   * older state then throw `CannotCalculateChangesError`, since `upTo` or later still answer.
   * Returns how many entries went.
   */
  prune(tx: Tx, accountId: AccountId, type: ChangeType, upTo: State): Answer<M, number>;
  /** Forgets every state and entry of the account (it is being deleted). */
  deleteAccount(tx: Tx, accountId: AccountId): Answer<M, void>;
}
