const minute = 60_000;
const hour = 60 * minute;

/** When a temporarily failed recipient is tried again, and when we give up. */
export interface RetryPolicy {
  /** Delay before attempt n+1 after n failures; the last entry repeats. */
  delaysMs: readonly number[];
  /** Counted from sendAt: a temporary failure after this long is final (and bounced). */
  giveUpAfterMs: number;
}

/**
 * RFC 5321 §4.5.4.1: retry at least 30 minutes apart after the first tries, and give up after
 * 4–5 days. A first quick retry catches greylisting.
 */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  delaysMs: [1 * minute, 5 * minute, 15 * minute, 30 * minute, 1 * hour, 2 * hour, 4 * hour],
  giveUpAfterMs: 5 * 24 * hour,
};

/** The next attempt after `failures` failed ones, or null when the recipient should be given up. */
export function nextAttemptAt(policy: RetryPolicy, failures: number, sendAt: Date, now: Date): Date | null {
  const delays = policy.delaysMs;
  const delay = delays[Math.min(Math.max(failures - 1, 0), delays.length - 1)] ?? 0;
  const next = now.getTime() + delay;
  return next - sendAt.getTime() > policy.giveUpAfterMs ? null : new Date(next);
}
