import type { Db } from './open-database.js';
import { startWalCheckpointer, type WalCheckpointer } from './wal-checkpointer.js';

/** When the group commit's checkpoints run; see `createBackgroundCheckpoints`. */
export interface CheckpointSchedule {
  /** At most one checkpoint per this many ms while groups commit. */
  intervalMs: number;
  /** The thread starts after this many groups: a store that commits a few never pays for it. */
  startAfterGroups: number;
  /**
   * The main connection's own `wal_autocheckpoint` (pages) while the thread runs: the bound on
   * the WAL should other writes (JMAP, no deliveries) grow it with no group commit to checkpoint.
   */
  fallbackAutocheckpointPages: number;
}

export const defaultCheckpointSchedule: CheckpointSchedule = {
  intervalMs: 100,
  startAfterGroups: 32,
  fallbackAutocheckpointPages: 10_000,
};

/** SQLite's default, kept until the thread runs and restored if it fails. */
const sqliteAutocheckpointPages = 1000;

export interface BackgroundCheckpoints {
  /** After a group's COMMIT: starts a checkpoint in the worker when one is due. */
  committed(): void;
  /** Before a group's transaction: the checkpoint still running, to wait for (never rejects). */
  running(): Promise<void> | null;
  close(): Promise<void>;
}

/**
 * Checkpoints for the group commit, off the event loop (`wal-checkpointer.ts`).
 *
 * SQLite's automatic checkpoint runs inside the COMMIT that crosses 1000 WAL pages: on the main
 * thread, with two fsyncs, every ~25 deliveries. Here the main connection's threshold is raised
 * to a fallback bound and, at most every `intervalMs` while groups commit, a PASSIVE checkpoint
 * starts in the worker right after a COMMIT, while the group waits for its WAL sync. The next
 * group's transaction waits for that checkpoint to end (the event loop stays free meanwhile): it
 * then begins on a fully copied WAL, which SQLite restarts from its first frame, so the WAL stays
 * as small as with the automatic checkpoint. Should the thread fail, the main connection's
 * automatic checkpoint is restored.
 *
 * Durability is SQLite's: a checkpoint (any connection, `synchronous` NORMAL) syncs the WAL before
 * copying it and the database file after, before a restart may overwrite the copied frames.
 */
export function createBackgroundCheckpoints(
  db: Db,
  schedule: CheckpointSchedule = defaultCheckpointSchedule,
): BackgroundCheckpoints {
  let groups = 0;
  let checkpointer: WalCheckpointer | null = null;
  let failed = false;
  let inFlight: Promise<void> | null = null;
  let lastEnded = 0;

  const start = () => {
    try {
      checkpointer = startWalCheckpointer(db.name);
      db.pragma(`wal_autocheckpoint = ${schedule.fallbackAutocheckpointPages}`);
    } catch {
      failed = true;
    }
  };
  const giveUp = () => {
    failed = true;
    if (db.open) db.pragma(`wal_autocheckpoint = ${sqliteAutocheckpointPages}`);
  };

  return {
    committed() {
      if (failed) return;
      groups += 1;
      if (checkpointer === null) {
        if (groups >= schedule.startAfterGroups) start();
        return;
      }
      if (inFlight !== null || Date.now() - lastEnded < schedule.intervalMs) return;
      inFlight = checkpointer
        .checkpoint()
        .catch(giveUp)
        .finally(() => {
          inFlight = null;
          lastEnded = Date.now();
        });
    },
    running: () => inFlight,
    async close() {
      await inFlight;
      await checkpointer?.close();
      checkpointer = null;
    },
  };
}
