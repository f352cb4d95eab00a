import { CannotCalculateChangesError } from '../errors.js';
import type { ChangeType, Changes, State } from '../model.js';
import type { ChangeKind } from '../ports/change-log.js';

/** One logged step: the state it made (a sequence number) and the object it changed. */
export interface LoggedChange {
  seq: number;
  objectId: string;
  kind: ChangeKind;
}

/** What a sequence-numbered log knows of one account and type. */
export interface LogView {
  /** The current state's sequence number (0 when never written). */
  current: number;
  /** The oldest entry still kept, or null when none is. */
  oldest: number | null;
  /** The entries after `seq`, in sequence order (read lazily: maxChanges may stop early). */
  entriesAfter(seq: number): Iterable<LoggedChange>;
}

/** A state as this log issues them (a sequence number), NaN for anything else. */
export function parseState(state: State): number {
  return /^\d{1,15}$/.test(state) ? Number(state) : NaN;
}

/**
 * RFC 8620 §5.2 over a log of sequence-numbered entries, for any backend that keeps one (SQLite
 * today, a PostgreSQL table later): collapsed per object, and with maxChanges stopped before the
 * entry that would make one id too many, so that newState resumes exactly there. Throws
 * CannotCalculateChangesError for a state the log never issued or no longer holds.
 */
export function changesFromLog(
  log: LogView,
  type: ChangeType,
  sinceState: State,
  maxChanges?: number,
): Changes<string> {
  const { current, oldest } = log;
  const since = parseState(sinceState);
  if (Number.isNaN(since) || since > current) throw new CannotCalculateChangesError(`Unknown ${type} state`);
  // History before the oldest retained entry is gone (pruned): only a state at its edge is usable.
  if (since < current && (oldest === null || since < oldest - 1)) {
    throw new CannotCalculateChangesError(`${type} changes since this state are no longer kept`);
  }
  const limit = maxChanges !== undefined && maxChanges > 0 ? maxChanges : Infinity;
  const first = new Map<string, ChangeKind>();
  const last = new Map<string, ChangeKind>();
  let newState = since;
  let hasMoreChanges = false;
  for (const entry of log.entriesAfter(since)) {
    if (!first.has(entry.objectId) && first.size >= limit) {
      hasMoreChanges = true;
      break;
    }
    if (!first.has(entry.objectId)) first.set(entry.objectId, entry.kind);
    last.set(entry.objectId, entry.kind);
    newState = entry.seq;
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
