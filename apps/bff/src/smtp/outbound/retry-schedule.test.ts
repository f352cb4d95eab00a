import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY_POLICY, nextAttemptAt } from './retry-schedule.js';

const minute = 60_000;

describe('retry schedule (RFC 5321 §4.5.4.1)', () => {
  const sendAt = new Date('2026-11-29T00:00:00Z');

  it('backs off 1, 5, 15, 30 minutes, 1, 2, 4 hours, then every 4 hours', () => {
    const delays = [1, 2, 3, 4, 5, 6, 7, 8].map(
      (failures) =>
        (nextAttemptAt(DEFAULT_RETRY_POLICY, failures, sendAt, sendAt)!.getTime() - sendAt.getTime()) /
        minute,
    );
    expect(delays).toEqual([1, 5, 15, 30, 60, 120, 240, 240]);
  });

  it('gives up once the next attempt would be more than 5 days after sendAt', () => {
    const almost = new Date(sendAt.getTime() + 5 * 24 * 60 * minute - 5 * minute);
    expect(nextAttemptAt(DEFAULT_RETRY_POLICY, 2, sendAt, almost)).not.toBeNull();
    expect(nextAttemptAt(DEFAULT_RETRY_POLICY, 9, sendAt, almost)).toBeNull();
  });
});
