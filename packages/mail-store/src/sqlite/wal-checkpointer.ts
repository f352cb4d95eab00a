import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** A second connection to the database file, in a worker thread, that only checkpoints. */
export interface WalCheckpointer {
  /** A PASSIVE checkpoint on the worker's connection; resolves when it is done. */
  checkpoint(): Promise<void>;
  /** Closes the worker's connection and ends the thread. */
  close(): Promise<void>;
}

// Plain JavaScript run with `eval`, so that the worker is the same from the sources (tests, tsx)
// and from dist; the driver's path is resolved here, where the package's dependencies are.
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
// NORMAL (never OFF): the checkpoint fsyncs the WAL before copying its frames into the database
// file and fsyncs the database file after, so what it moves stays durable.
db.pragma('synchronous = NORMAL');
parentPort.on('message', (message) => {
  if (message === 'close') {
    db.close();
    parentPort.close();
    return;
  }
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
    parentPort.postMessage({ ok: true });
  } catch (error) {
    parentPort.postMessage({ ok: false, error: String(error) });
  }
});
`;

/**
 * Starts the checkpointing thread on `file` (the database, already in WAL mode). better-sqlite3
 * is synchronous: a checkpoint on the main connection copies pages and fsyncs twice on the event
 * loop, stalling every SMTP dialogue and JMAP request meanwhile. On its own connection in a
 * worker it runs beside them (SQLite allows a checkpoint concurrent with readers and a writer).
 */
export function startWalCheckpointer(file: string): WalCheckpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(workerSource, { eval: true, workerData: { driver, file } });
  // The thread must not keep a process alive that is otherwise done (tests, CLI), but must while
  // someone waits for it: with nothing else to do, the process would end in the middle of an await
  // (exit code 13). Referenced only while a checkpoint or the close is in flight.
  worker.unref();
  const waiting: { resolve(): void; reject(error: Error): void }[] = [];
  let failure: Error | null = null;
  const fail = (error: Error) => {
    failure ??= error;
    for (const w of waiting.splice(0)) w.reject(failure);
  };
  worker.on('message', (result: { ok: boolean; error?: string }) => {
    const next = waiting.shift();
    if (waiting.length === 0) worker.unref();
    if (result.ok) next?.resolve();
    else next?.reject(new Error(`Checkpoint failed: ${result.error}`));
  });
  worker.on('error', fail);
  const exited = new Promise<void>((resolve) =>
    worker.once('exit', () => {
      fail(new Error('The checkpoint thread has stopped'));
      resolve();
    }),
  );
  return {
    checkpoint() {
      if (failure) return Promise.reject(failure);
      return new Promise<void>((resolve, reject) => {
        waiting.push({ resolve, reject });
        worker.ref();
        worker.postMessage('checkpoint');
      });
    },
    async close() {
      worker.ref();
      if (!failure) worker.postMessage('close');
      await exited;
    },
  };
}
