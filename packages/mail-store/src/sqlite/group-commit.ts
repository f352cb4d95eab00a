import { timings } from '../delivery-timings.js';
import { StoreError } from '../errors.js';
import { createBackgroundCheckpoints, type CheckpointSchedule } from './background-checkpoints.js';
import type { Db } from './open-database.js';
import { createWalSync, type WalSync } from './wal-sync.js';

/**
 * Runs a synchronous piece of write work inside a shared transaction; resolves once committed and
 * durable. The work may run more than once (see `commitTogether`): it must touch nothing but the
 * database, and its value is that of the run that committed.
 */
export type GroupCommit = <T>(work: () => T) => Promise<T>;

export interface GroupCommitter {
  commit: GroupCommit;
  /**
   * Announces work about to be committed (a delivery being parsed): until the returned function
   * is called (once, whether it came or not), a group waits up to `groupGatherMs` for it.
   */
  expect(): () => void;
  /** Waits for the sync in flight and releases the WAL file handle; later commits fail. */
  close(): Promise<void>;
}

export interface GroupCommitOptions {
  /** When the WAL is checkpointed (`background-checkpoints.ts`); by default its defaults. */
  checkpoints?: CheckpointSchedule;
  /** See `groupGatherMs`. */
  gatherMs?: number;
}

/**
 * A group waits for work that was announced (`expect`: a delivery being parsed) at most this long
 * after its first piece was queued, unless `groupGatherPieces` already wait: more deliveries then
 * share one transaction's fixed costs (the commit's shared pages, the WAL sync, the state feed's
 * check). It never waits for nothing: with no work announced, or once all of it has arrived, the
 * group commits at the next turn of the loop. (A fixed window, 3 ms after the previous group's
 * start, made a lone delivery wait for deliveries that were not coming; with 4 LMTP connections
 * each waiting for its reply, that wait is the rate's bound.) Measured on copies of a 100k store,
 * 1,000 LMTP deliveries over 4 connections, builds alternated on a shared, noisy machine: at
 * load 3-4, 142 and 120 msg/s where the fixed window made 84 and 134; at load 10-12, 56 and 97
 * against 40 and 62 (so a gain, but not one these runs can size). (Small
 * messages parsed in a thread as well made 100 at load 3-4: the thread's wait added latency and
 * saved little on the event loop, so they are parsed there, `importMessage`.)
 */
export const groupGatherMs = 3;
export const groupGatherPieces = 4;

interface Pending {
  work: () => unknown;
  /** performance.now() when queued. */
  queuedAt: number;
  committedAt?: number;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/**
 * Group commit: concurrent write work (SMTP/LMTP deliveries) shares ONE IMMEDIATE transaction and
 * ONE sync of the WAL instead of paying one each. At most one WAL sync is in flight, and at most
 * one committed group waits for the next: work submitted meanwhile waits in the queue, and when
 * that sync starts everything that arrived commits together (while the sync runs) and shares the
 * sync after it. So 4 connections whose deliveries arrive every few ms share a sync, and
 * the transaction's fixed costs (commit frames, the FTS5 flush, index pages touched by every
 * delivery) are paid once per group. An idle store commits a lone piece at the next turn of the
 * loop, as before. Checkpoints run in a worker thread between groups (`background-checkpoints.ts`).
 *
 * Durability: every caller is resolved only after its group's COMMIT and then a sync of the WAL
 * that STARTED after that commit (`wal-sync.ts`: off the event loop), i.e. once its data would
 * survive a power loss. A piece refused with a `StoreError` (over quota, unknown mailbox) is
 * rejected alone, and nothing of it is stored; the others commit. Any other error (SQLite I/O, a
 * bug) aborts the whole group and rejects every caller: nothing of it is acknowledged, nothing
 * half-written is kept. A sync that fails after the commit rejects every accepted caller too,
 * though their rows are stored: a sender then retries, and a duplicate is better than
 * acknowledging what a power loss could take back.
 */
export function createGroupCommit(db: Db, options: GroupCommitOptions = {}): GroupCommitter {
  const wal = createWalSync(db);
  const checkpoints = createBackgroundCheckpoints(db, options.checkpoints);
  let queue: Pending[] = [];
  /** A group is being committed (or waits for a checkpoint to end first). */
  let committing = false;
  let scheduled = false;
  /** Groups committed whose sync has not started yet: at most one (the next sync covers it). */
  let unsynced: Committed[] = [];
  let syncing = false;
  let closed = false;

  // The next group commits while the previous one syncs, so a commit's CPU time overlaps the
  // disk's; but only one committed group waits for the next sync: what arrives after it waits in
  // the queue and joins a bigger group, committed as soon as that sync starts.
  const gatherMs = options.gatherMs ?? groupGatherMs;
  let lastStart = Number.NEGATIVE_INFINITY;
  /** Work announced by `expect` that has not arrived yet. */
  let expected = 0;
  let timer: NodeJS.Timeout | null = null;
  const schedule = () => {
    if (committing || unsynced.length > 0 || queue.length === 0) return;
    const wait =
      expected > 0 && queue.length < groupGatherPieces
        ? queue[0]!.queuedAt + gatherMs - performance.now()
        : 0;
    if (wait > 0) {
      if (!scheduled) {
        scheduled = true;
        timer = setTimeout(() => void commitNext(), wait);
      }
      return;
    }
    if (scheduled && timer === null) return; // already at the next turn
    if (timer !== null) clearTimeout(timer);
    timer = null;
    scheduled = true;
    setImmediate(() => void commitNext());
  };

  const commitNext = async () => {
    if (!scheduled) return;
    scheduled = false;
    if (timer !== null) clearTimeout(timer);
    timer = null;
    committing = true;
    lastStart = performance.now();
    // A checkpoint started after the previous commit: this group starts once it is done, on a WAL
    // that SQLite then restarts. Meanwhile more work joins the queue.
    await checkpoints.running();
    const group = queue;
    queue = [];
    let outcomes: Outcome[];
    const began = timings ? performance.now() : 0;
    try {
      outcomes = commitTogether(
        wal,
        group.map((item) => item.work),
      );
      if (timings) {
        const ended = performance.now();
        for (const item of group) {
          // A piece queued during the checkpoint wait joined this group without a gather.
          const joined = Math.max(lastStart, item.queuedAt);
          timings.record('store.gather', joined - item.queuedAt);
          timings.record('store.checkpointWait', began - joined);
          timings.record('store.commit', ended - began);
          item.committedAt = ended;
        }
        timings.record('store.groupSize', group.length);
      }
    } catch (error) {
      for (const item of group) item.reject(error);
      committing = false;
      schedule();
      return;
    }
    committing = false;
    if (outcomes.some((outcome) => outcome.ok)) {
      checkpoints.committed();
      unsynced.push({ group, outcomes });
      syncNext();
    } else answer({ group, outcomes }, null);
    schedule();
  };

  /** Starts a sync when none is in flight: it covers every group committed before it starts. */
  const syncNext = () => {
    if (syncing || unsynced.length === 0) return;
    syncing = true;
    const covered = unsynced;
    unsynced = [];
    schedule();
    if (timings) {
      const now = performance.now();
      for (const { group } of covered)
        for (const item of group) {
          timings.record('store.syncInFlightWait', now - (item.committedAt ?? now));
          item.committedAt = now;
        }
    }
    wal.sync().then(
      () => done(covered, null),
      (error: unknown) => done(covered, { error }),
    );
  };

  const done = (covered: Committed[], syncError: { error: unknown } | null) => {
    syncing = false;
    if (timings) {
      const now = performance.now();
      for (const { group } of covered)
        for (const item of group) timings.record('store.sync', now - (item.committedAt ?? now));
    }
    for (const committed of covered) answer(committed, syncError);
    syncNext();
    schedule();
  };

  return {
    expect() {
      expected += 1;
      let arrived = false;
      return () => {
        if (arrived) return;
        arrived = true;
        expected -= 1;
        // Queued work may have been waiting for this one only.
        if (expected === 0) schedule();
      };
    },
    commit: <T>(work: () => T) =>
      new Promise<T>((resolve, reject) => {
        if (closed) throw new Error('The store is closed');
        queue.push({
          work,
          queuedAt: performance.now(),
          resolve: resolve as (value: unknown) => void,
          reject,
        });
        schedule();
      }),
    async close() {
      closed = true;
      await wal.close();
      await checkpoints.close();
    },
  };
}

interface Committed {
  group: Pending[];
  outcomes: Outcome[];
}

/** Answers a committed group's callers: refused ones with their error, the others after the sync. */
function answer({ group, outcomes }: Committed, syncError: { error: unknown } | null): void {
  group.forEach((item, i) => {
    const outcome = outcomes[i]!;
    if (!outcome.ok) item.reject(outcome.error);
    else if (syncError) item.reject(syncError.error);
    else item.resolve(outcome.value);
  });
}

/** Thrown inside the shared transaction to roll it back after a piece was refused. */
class PieceRefused extends Error {}

/**
 * Runs the pieces in order in one transaction. A piece that throws a `StoreError` is recorded as
 * refused, the transaction is rolled back, and the others run again without it (pieces before it
 * see the same state as before, so they run the same way). There are no savepoints on purpose: a
 * savepoint per piece cost more than the piece, since SQLite copies every page a savepoint
 * changes into a statement journal (a temporary file beyond 64 KiB: ~45 pages, ~200 kB written
 * per delivery) and FTS5 flushes its pending terms into a new segment at each one. Refusals are
 * rare; a rerun of the group is cheaper than that on every delivery.
 */
function commitTogether(wal: WalSync, works: (() => unknown)[]): Outcome[] {
  const outcomes: (Outcome | undefined)[] = Array.from({ length: works.length });
  const refused = (i: number) => outcomes[i]?.ok === false;
  for (;;) {
    if (works.every((_, i) => refused(i))) return outcomes as Outcome[];
    try {
      wal.commitUnsynced(() => {
        works.forEach((work, i) => {
          if (refused(i)) return;
          try {
            outcomes[i] = { ok: true, value: work() };
          } catch (error) {
            if (!(error instanceof StoreError)) throw error;
            outcomes[i] = { ok: false, error };
            throw new PieceRefused();
          }
        });
      });
      return outcomes as Outcome[];
    } catch (error) {
      if (!(error instanceof PieceRefused)) throw error;
    }
  }
}
