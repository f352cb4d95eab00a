import type { Db } from './open-database.js';
import { startWalCheckpointer, type WalCheckpointer } from './wal-checkpointer.js';

/** When the group commit's checkpoints run; see `createBackgroundCheckpoints`. */
export interface CheckpointSchedule {
  /** At most one checkpoint per this many ms while groups commit (unless the WAL is past its bound). */
  intervalMs: number;
  /** The thread starts after this many groups: a store that commits a few never pays for it. */
  startAfterGroups: number;
  /**
   * The main connection's own `wal_autocheckpoint` (pages) while the thread runs: the bound on
   * the WAL should other writes (JMAP, no deliveries) grow it with no group commit to checkpoint.
   */
  fallbackAutocheckpointPages: number;
  /**
   * The WAL's soft bound, in frames (pages): below it no group ever waits for a checkpoint; once a
   * checkpoint finds more, the next group waits for one that copies the whole WAL, so that its
   * transaction restarts the WAL from its first frame. Below `fallbackAutocheckpointPages`.
   */
  maxWalFrames: number;
}

export const defaultCheckpointSchedule: CheckpointSchedule = {
  intervalMs: 100,
  startAfterGroups: 32,
  fallbackAutocheckpointPages: 10_000,
  // 16 MiB of 4 KiB pages: a few hundred deliveries, a second or two of LMTP at full rate.
  maxWalFrames: 4_000,
};

/** SQLite's default, kept until the thread runs and restored if it fails. */
const sqliteAutocheckpointPages = 1000;

export interface BackgroundCheckpoints {
  /** After a group's COMMIT: starts a checkpoint in the worker when one is due. */
  committed(): void;
  /**
   * Before a group's transaction: what it must wait for first (never rejects), or null. Null
   * unless the WAL has passed `maxWalFrames`: a running checkpoint is not waited for.
   */
  beforeGroup(): Promise<void> | null;
  close(): Promise<void>;
}

/**
 * Checkpoints for the group commit, off the event loop (`wal-checkpointer.ts`) and off the
 * commit path.
 *
 * SQLite's automatic checkpoint runs inside the COMMIT that crosses 1000 WAL pages: on the main
 * thread, with two fsyncs, every ~25 deliveries. Here the main connection's threshold is raised
 * to a fallback bound and, at most every `intervalMs` while groups commit, a PASSIVE checkpoint
 * starts in the worker right after a COMMIT. Groups go on committing while it runs (SQLite allows
 * a checkpoint beside a writer): it copies the frames that were there when it started, and the
 * WAL grows meanwhile. SQLite restarts the WAL from its first frame only in a transaction that
 * begins when every frame has been copied, i.e. after a checkpoint that no commit overtook: one
 * that ends between two groups does so for free. Should none do so for `maxWalFrames` frames, the
 * next group waits for a checkpoint that started after the last commit (which then copies it
 * all), and its transaction restarts the WAL: the WAL stays bounded under writers that never
 * pause, and a group waits only then. (Every group used to wait for the checkpoint in flight.
 * Measured with `pnpm lmtp:ab` on a 100k store, 6 alternated rounds of 600 LMTP deliveries at
 * load 7-10: the checkpoint wait per delivery went from 3.65 ms mean, 19.8 at p95, to 0.62 and
 * 0.01; but the WAL syncs took longer, 8.0 to 10.0 ms mean (the checkpoint's fsyncs now overlap
 * them), and the rate did not change measurably: B/A 0.71 to 1.33 per round, mean 1.02, where two
 * runs of one build differ by up to 40% on this shared machine. Again at load 5-7: wait 2.42 ms
 * mean to 0.42, syncs 5.05 to 6.57, B/A 0.76 to 1.23, mean 0.96. Fewer checkpoints, by WAL size
 * rather than every `intervalMs`, would compete less with the syncs: not measured yet.)
 *
 * Should the thread fail, the main connection's automatic checkpoint is restored.
 *
 * Durability is SQLite's: a checkpoint (any connection, `synchronous` NORMAL) syncs the WAL before
 * copying it and the database file after, before a restart may overwrite the copied frames.
 */
export function createBackgroundCheckpoints(
  db: Db,
  schedule: CheckpointSchedule = defaultCheckpointSchedule,
  /** The checkpointing connection: a worker thread (tests give one of their own). */
  startCheckpointer: (file: string) => WalCheckpointer = startWalCheckpointer,
): BackgroundCheckpoints {
  let groups = 0;
  let checkpointer: WalCheckpointer | null = null;
  let failed = false;
  let inFlight: Promise<void> | null = null;
  let lastEnded = 0;
  /** Frames in the WAL as last known (the last checkpoint's count; 0 once it restarted). */
  let walFrames = 0;
  /** The last checkpoint copied every frame and no group committed since: the next restarts the WAL. */
  let caughtUp = false;

  const start = () => {
    try {
      checkpointer = startCheckpointer(db.name);
      db.pragma(`wal_autocheckpoint = ${schedule.fallbackAutocheckpointPages}`);
    } catch {
      failed = true;
    }
  };
  const giveUp = () => {
    failed = true;
    if (db.open) db.pragma(`wal_autocheckpoint = ${sqliteAutocheckpointPages}`);
  };
  const run = (worker: WalCheckpointer): Promise<void> => {
    const groupsAtStart = groups;
    caughtUp = false;
    const running = worker
      .checkpoint()
      .then(({ log, checkpointed }) => {
        walFrames = log;
        caughtUp = checkpointed >= log && groups === groupsAtStart;
      }, giveUp)
      .finally(() => {
        inFlight = null;
        lastEnded = Date.now();
      });
    inFlight = running;
    return running;
  };
  const overBound = () => walFrames >= schedule.maxWalFrames;

  return {
    committed() {
      if (failed) return;
      groups += 1;
      // This group's transaction began on a WAL all copied: SQLite restarted it.
      if (caughtUp) walFrames = 0;
      caughtUp = false;
      if (checkpointer === null) {
        if (groups >= schedule.startAfterGroups) start();
        return;
      }
      if (inFlight !== null) return;
      if (overBound() || Date.now() - lastEnded >= schedule.intervalMs) void run(checkpointer);
    },
    beforeGroup() {
      if (failed || checkpointer === null || !overBound()) return null;
      const worker = checkpointer;
      return (async () => {
        // One started before the last commit cannot copy that commit's frames: then one more, which
        // no group can overtake (this one waits for it). Once: a reader holding an old snapshot
        // could keep it from copying everything, and the group would then wait forever.
        if (inFlight !== null) await inFlight;
        if (!caughtUp && !failed) await run(worker);
      })();
    },
    async close() {
      await inFlight;
      await checkpointer?.close();
      checkpointer = null;
    },
  };
}
