import { StoreError } from '../errors.js';
import type { Db } from './open-database.js';

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
 * Every caller is resolved only after the shared COMMIT returned, i.e. once its data is as durable
 * as a single transaction's (the database's `synchronous` setting decides how durable that is).
 * Any other error (SQLite I/O, a bug) aborts the whole group and rejects every caller: nothing of
 * it is acknowledged, nothing half-written is kept.
 */
export function createGroupCommit(db: Db): GroupCommit {
  let queue: Pending[] = [];
  let scheduled = false;

  const flush = () => {
    scheduled = false;
    const group = queue;
    queue = [];
    const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
    try {
      db.transaction(() => {
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
      }).immediate();
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
        setImmediate(flush);
      }
    });
}
