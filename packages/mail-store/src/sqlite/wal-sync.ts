import { open } from 'node:fs/promises';
import type { Db } from './open-database.js';

/**
 * Commits without blocking the event loop on the disk, durably.
 *
 * better-sqlite3 is synchronous: with `synchronous = FULL` every COMMIT fsyncs the WAL on the
 * main thread, and the whole server (every SMTP dialogue, every JMAP request) waits for the disk.
 * Here the transaction commits with `synchronous = NORMAL` (its frames are written to the WAL, in
 * the page cache: a killed process loses nothing), then the WAL file is fdatasynced on libuv's
 * thread pool, and only then is the caller told: the same guarantee as FULL against a power loss,
 * without the wait on the loop. Syncing the WAL file syncs every frame written before, so one sync
 * covers every transaction committed before it started (group commit shares them). A checkpoint
 * in between syncs the WAL before copying it and the database after (SQLite's NORMAL rules), so
 * frames it moved are durable in the database file.
 */
export function createWalSync(db: Db): { commit<T>(work: () => T): Promise<T> } {
  const walPath = `${db.name}-wal`;
  const syncWal = async () => {
    const handle = await open(walPath, 'r');
    try {
      await handle.datasync();
    } finally {
      await handle.close();
    }
  };
  return {
    async commit(work) {
      db.pragma('synchronous = NORMAL');
      let value;
      try {
        value = db.transaction(work).immediate();
      } finally {
        db.pragma('synchronous = FULL');
      }
      await syncWal();
      return value;
    },
  };
}
