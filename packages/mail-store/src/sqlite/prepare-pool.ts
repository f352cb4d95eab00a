import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { prepareImportBytes, type PreparedImport } from './prepare-import.js';

/**
 * Parses and hashes messages of a batch import in worker threads, so that the event loop, which
 * runs every SQLite statement, commits one batch while the next is parsed: the two halves of an
 * import take turns on one core otherwise. A message the pool cannot take (no thread, a thread
 * that failed, anything a thread threw) is prepared on the calling thread, with the same result
 * and the same errors: the pool only ever changes where the work runs.
 */
export interface PreparePool {
  prepare(raw: Uint8Array): Promise<PreparedImport>;
  /** Threads that are up (0 until the first one has loaded the parser, or when none can). */
  readonly threads: number;
  close(): Promise<void>;
}

/** At most this many threads: one per core beyond the event loop's. */
export const maxPrepareThreads = Math.max(1, Math.min(4, availableParallelism() - 1));

// CommonJS run with `eval`; it loads this package's own compiled prepare-import module. The sources
// (tests, tsx) get no threads: on Node 20 a worker thread does not inherit the TypeScript loader.
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
import(workerData.module).then(
  ({ prepareImportBytes }) => {
    parentPort.on('message', ({ id, raw }) => {
      try {
        parentPort.postMessage({ id, prepared: prepareImportBytes(raw) });
      } catch (error) {
        parentPort.postMessage({ id, error: String(error) });
      }
    });
    parentPort.postMessage({ ready: true });
  },
  (error) => parentPort.postMessage({ failed: String(error) }),
);
`;

interface Thread {
  worker: Worker;
  ready: boolean;
  pending: Map<number, { raw: Uint8Array; resolve(p: PreparedImport): void; reject(e: unknown): void }>;
}

/** Starts `size` threads (lazily useful: until one is ready, work runs on the caller's thread). */
export function startPreparePool(size = maxPrepareThreads): PreparePool {
  const module = new URL('./prepare-import.js', import.meta.url).href;
  if (import.meta.url.endsWith('.ts')) size = 0;
  const threads: Thread[] = [];
  let nextId = 0;
  let turn = 0;

  const inThread = (raw: Uint8Array) => Promise.resolve().then(() => prepareImportBytes(raw));
  const retire = (thread: Thread) => {
    thread.ready = false;
    const index = threads.indexOf(thread);
    if (index >= 0) threads.splice(index, 1);
    // What it had is done here instead: never lost, never an error of the pool's own.
    for (const item of thread.pending.values()) inThread(item.raw).then(item.resolve, item.reject);
    thread.pending.clear();
    void thread.worker.terminate();
  };

  for (let i = 0; i < size; i += 1) {
    let worker: Worker;
    try {
      worker = new Worker(workerSource, { eval: true, workerData: { module } });
    } catch {
      break;
    }
    // Threads must not keep a process alive that is otherwise done (the CLI, tests), but must while
    // work is out there: with nothing else to do, the process would end in the middle of an await
    // (exit code 13). Referenced only while a message is in its hands.
    worker.unref();
    const thread: Thread = { worker, ready: false, pending: new Map() };
    threads.push(thread);
    worker.on(
      'message',
      (message: { ready?: true; failed?: string; id?: number } & Record<string, unknown>) => {
        if (message.ready) thread.ready = true;
        else if (message.failed !== undefined) retire(thread);
        else if (message.id !== undefined) {
          const item = thread.pending.get(message.id);
          thread.pending.delete(message.id);
          if (thread.pending.size === 0) worker.unref();
          if (!item) return;
          // An error is taken again on this thread, so that it is the real StoreError.
          if (message.error !== undefined) inThread(item.raw).then(item.resolve, item.reject);
          else item.resolve(message.prepared as PreparedImport);
        }
      },
    );
    worker.on('error', () => retire(thread));
    worker.on('exit', () => retire(thread));
  }

  return {
    get threads() {
      return threads.filter((t) => t.ready).length;
    },
    prepare(raw) {
      // No queue bound here: callers hand over a batch at a time (≤ 1,000 messages, ≤ 32 MiB).
      const ready = threads.filter((t) => t.ready);
      if (ready.length === 0) return inThread(raw);
      const thread = ready[turn++ % ready.length]!;
      const id = nextId++;
      return new Promise<PreparedImport>((resolve, reject) => {
        thread.pending.set(id, { raw, resolve, reject });
        thread.worker.ref();
        // A copy of just these bytes is moved to the thread: the caller's are often a view of a
        // larger read buffer, which posting would copy whole.
        const copy = new Uint8Array(raw);
        thread.worker.postMessage({ id, raw: copy }, [copy.buffer]);
      });
    },
    async close() {
      const all = threads.splice(0);
      await Promise.all(all.map((t) => (t.worker.ref(), t.worker.terminate())));
    },
  };
}
