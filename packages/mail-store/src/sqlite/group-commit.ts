import { StoreError } from '../errors.js';
import type { Db } from './open-database.js';
import { createWalSync } from './wal-sync.js';

interface Pending {
  work: () => unknown;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/** Runs a synchronous piece of write work inside a shared transaction; resolves once committed. */
export type GroupCommit = <T>(work: () => T) => Promise<T>;

/**
 * Group commit: write work submitted while the event loop is busy (e.g. several SMTP/LMTP
 * deliveries finishing their blob writes at the same time) is committed together in ONE IMMEDIATE
 * transaction at the next turn of the loop, so that they share a commit (and its WAL sync) instead
 * of paying one each. Each piece runs in its own savepoint: a piece that throws a `StoreError`
 * (over quota, unknown mailbox) is rolled back alone and its caller rejected; the others commit.
 * Every caller is resolved only after the shared COMMIT and the sync of the WAL that follows it
 * (`wal-sync.ts`: off the event loop), i.e. once its data would survive a power loss.
 * Any other error (SQLite I/O, a bug) aborts the whole group and rejects every caller: nothing of
 * it is acknowledged, nothing half-written is kept. A sync that fails after the commit rejects
 * every caller too, though their rows are stored: a sender then retries, and a duplicate is
 * better than acknowledging what a power loss could take back.
 */
export function createGroupCommit(db: Db): GroupCommit {
  const wal = createWalSync(db);
  let queue: Pending[] = [];
  let scheduled = false;

  const flush = async () => {
    scheduled = false;
    const group = queue;
    queue = [];
    const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
    try {
      await wal.commit(() => {
        outcomes.length = 0;
        for (const item of group) {
          try {
            // A nested better-sqlite3 transaction is a SAVEPOINT: a failure undoes this piece only.
            outcomes.push({ ok: true, value: db.transaction(item.work)() });
          } catch (error) {
            if (!(error instanceof StoreError)) throw error;
            outcomes.push({ ok: false, error });
          }
        }
      });
    } catch (error) {
      for (const item of group) item.reject(error);
      return;
    }
    group.forEach((item, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) item.resolve(outcome.value);
      else item.reject(outcome.error);
    });
  };

  return <T>(work: () => T) =>
    new Promise<T>((resolve, reject) => {
      queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (!scheduled) {
        scheduled = true;
        setImmediate(() => void flush());
      }
    });
}
