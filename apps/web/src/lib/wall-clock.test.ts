import { describe, expect, it } from 'vitest';
import { instantAt, wallClockAt } from './wall-clock';

describe('wall clocks in IANA zones', () => {
  it('reads the wall clock and weekday of a zone at an instant', () => {
    // 2026-03-29 01:30 UTC is 03:30 in Paris, just after the spring-forward jump (a Sunday).
    expect(wallClockAt(new Date('2026-03-29T01:30:00Z'), 'Europe/Paris')).toEqual({
      year: 2026,
      month: 3,
      day: 29,
      hour: 3,
      minute: 30,
      second: 0,
      weekday: 0,
    });
  });

  it('finds the instant of a wall clock across daylight-saving changes', () => {
    const wall = { year: 2026, month: 10, day: 26, hour: 9, minute: 0 };
    expect(instantAt('Europe/Paris', wall).toISOString()).toBe('2026-10-26T08:00:00.000Z');
    expect(instantAt('Europe/Paris', { ...wall, month: 10, day: 24 }).toISOString()).toBe(
      '2026-10-24T07:00:00.000Z',
    );
  });

  it('lands a skipped time just after the jump and lets the day overflow into the next month', () => {
    const skipped = { year: 2026, month: 3, day: 29, hour: 2, minute: 30 };
    expect(instantAt('Europe/Paris', skipped).toISOString()).toBe('2026-03-29T01:30:00.000Z');
    const overflow = { year: 2026, month: 1, day: 32, hour: 8, minute: 0, second: 5 };
    expect(instantAt('UTC', overflow).toISOString()).toBe('2026-02-01T08:00:05.000Z');
  });
});
