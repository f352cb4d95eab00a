/**
 * A job run by a timer, one run at a time: `plan(ms)` (re)arms the timer (unref'd: it never keeps
 * the process alive), `close()` disarms it and waits for a run in progress. The job decides its
 * next time by calling `plan` itself. Shared by the background schedulers (snoozes, GC).
 */
export interface TimedRunner {
  plan(delayMs: number): void;
  readonly closed: boolean;
  close(): Promise<void>;
}

export function createTimedRunner(job: () => Promise<void>): TimedRunner {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let closed = false;

  const run = () => {
    timer = null;
    if (closed || running) return;
    running = job().finally(() => {
      running = null;
    });
  };

  return {
    plan(delayMs) {
      if (closed) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(run, Math.max(0, delayMs));
      timer.unref();
    },
    get closed() {
      return closed;
    },
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await running;
    },
  };
}
