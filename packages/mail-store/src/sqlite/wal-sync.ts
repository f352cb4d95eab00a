import { open, type FileHandle } from 'node:fs/promises';
import { setSynchronous, type Db } from './open-database.js';

/** Commits whose durability is made separately, by syncing the WAL file off the event loop. */
export interface WalSync {
  /**
   * Runs `work` in an IMMEDIATE transaction that commits WITHOUT syncing (`synchronous = NORMAL`):
   * its frames are in the WAL file (the page cache), which a killed process does not lose, but a
   * power loss could. Only `sync()` started after it returns makes it durable.
   */
  commitUnsynced<T>(work: () => T): T;
  /** fdatasyncs the WAL file on libuv's thread pool: every commit made before the call is durable. */
  sync(): Promise<void>;
  /** Closes the WAL file handle (after the last sync); the database stays open. */
  close(): Promise<void>;
}

/**
 * Durable commits without blocking the event loop on the disk.
 *
 * better-sqlite3 is synchronous: with `synchronous = FULL` every COMMIT fsyncs the WAL on the
 * main thread, and the whole server (every SMTP dialogue, every JMAP request) waits for the disk.
 * Here the transaction commits with `synchronous = NORMAL` (its frames are written to the WAL),
 * then the WAL file is fdatasynced on libuv's thread pool, and only then is the caller told: the
 * same guarantee as FULL against a power loss, without the wait on the loop. Syncing the WAL file
 * syncs every frame written before, so one sync covers every transaction committed before it
 * started (group commit shares them). A checkpoint in between (ours or another connection's)
 * syncs the WAL before copying it and the database after (SQLite's NORMAL rules), so the frames it
 * moved, and a WAL restarted after it, are durable in the database file.
 *
 * The WAL file is opened once and kept: SQLite never replaces it while the database is open (a
 * restart rewrites it from the start, a truncation keeps the inode), so the handle stays valid.
 */
export function createWalSync(db: Db): WalSync {
  const walPath = `${db.name}-wal`;
  let handle: Promise<FileHandle> | null = null;
  let syncing: Promise<void> = Promise.resolve();
  return {
    commitUnsynced(work) {
      setSynchronous(db, 'NORMAL');
      try {
        return db.transaction(work).immediate();
      } finally {
        setSynchronous(db, 'FULL');
      }
    },
    sync() {
      // After a commit the WAL file exists (the transaction wrote to it).
      handle ??= open(walPath, 'r');
      const opened = handle;
      opened.catch(() => {
        if (handle === opened) handle = null; // try again at the next sync
      });
      const done = opened.then((h) => h.datasync());
      syncing = done.catch(() => undefined);
      return done;
    },
    async close() {
      await syncing;
      const opened = handle;
      handle = null;
      await opened?.then(
        (h) => h.close(),
        () => undefined,
      );
    },
  };
}
