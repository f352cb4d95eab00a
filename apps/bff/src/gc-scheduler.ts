import type { MailStore } from '@colibri/mail-store';
import type { Logger } from './logger.js';
import { createTimedRunner } from './timed-runner.js';

/**
 * How often the server collects garbage: expired uploads, blobs of destroyed emails and sent
 * submissions, and a bounded slice of the sweep of blobs nothing names (an interrupted import).
 * Each run is bounded by the store (the sweep's per-run limit), so a short period is cheap; while
 * a sweep has not reached its end, the next slice follows after `GC_CONTINUE_DELAY_MS`.
 */
export const GC_INTERVAL_MS = 10 * 60_000;
export const GC_CONTINUE_DELAY_MS = 5_000;

export interface GcScheduler {
  /** Stops the timer and waits for a run in progress. Safe to call twice. */
  close(): Promise<void>;
}

/** Runs `MailStore.collectGarbage` periodically, one run at a time; failures are logged, not fatal. */
export function startGcScheduler(
  store: MailStore,
  options: { log: Logger; intervalMs?: number; continueDelayMs?: number },
): GcScheduler {
  const interval = options.intervalMs ?? GC_INTERVAL_MS;
  const continueDelay = options.continueDelayMs ?? GC_CONTINUE_DELAY_MS;
  const runner = createTimedRunner(async () => {
    try {
      const result = await store.collectGarbage();
      const removed = result.removedBlobs + (result.sweep?.removed ?? 0);
      const other =
        (result.expiredUploads ?? 0) + (result.prunedSubmissions ?? 0) + (result.sweptTemporaries ?? 0);
      if (removed > 0 || other > 0) options.log.info('collected garbage', { ...result });
      runner.plan(result.sweep && !result.sweep.complete ? continueDelay : interval);
    } catch (error) {
      options.log.error('garbage collection failed', { error });
      runner.plan(interval);
    }
  });
  runner.plan(continueDelay);
  return { close: () => runner.close() };
}
