import type { MailStore } from '@colibri/mail-store';
import { maxWakesPerRun } from '@colibri/mail-store';
import type { Logger } from './logger.js';
import { createTimedRunner } from './timed-runner.js';

/**
 * The longest the scheduler sleeps between looks at the store, even with nothing due sooner:
 * snoozes made after it went to sleep (by another process, or a call that did not `poke`) are
 * still woken within this interval.
 */
export const MAX_SNOOZE_CHECK_INTERVAL_MS = 60_000;
/** After a failed run, the next try comes this much later (the store may be busy or closing). */
export const SNOOZE_RETRY_DELAY_MS = 5_000;

export interface SnoozeScheduler {
  /** Looks again now (after a snooze was set), instead of at the next planned time. */
  poke(): void;
  /** Stops the timer and waits for a run in progress. Safe to call twice. */
  close(): Promise<void>;
}

/**
 * Wakes due snoozes (`MailStore.wakeDueSnoozes`): sleeps until the earliest `until`, capped at
 * `MAX_SNOOZE_CHECK_INTERVAL_MS`, wakes what is due, and plans again. One run at a time.
 */
export function startSnoozeScheduler(
  store: MailStore,
  options: { log: Logger; now?: () => Date; maxIntervalMs?: number },
): SnoozeScheduler {
  const now = options.now ?? (() => new Date());
  const maxInterval = options.maxIntervalMs ?? MAX_SNOOZE_CHECK_INTERVAL_MS;
  const plan = (delayMs: number) => runner.plan(Math.min(delayMs, maxInterval));
  const runner = createTimedRunner(async () => {
    try {
      // A full batch may leave more due: go again until a batch is not full.
      let woken: number;
      do {
        woken = (await store.wakeDueSnoozes(now())).length;
        if (woken > 0) options.log.info('woke snoozed emails', { count: woken });
      } while (woken >= maxWakesPerRun && !runner.closed);
      const next = await store.nextSnoozeDue();
      plan(next === null ? maxInterval : next.getTime() - now().getTime());
    } catch (error) {
      options.log.error('waking snoozed emails failed', { error });
      plan(SNOOZE_RETRY_DELAY_MS);
    }
  });

  runner.plan(0);
  return {
    poke() {
      runner.plan(0);
    },
    close: () => runner.close(),
  };
}
