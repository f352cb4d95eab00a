import { describe, expect, it } from 'vitest';
import { instantAt } from '../../../lib/wall-clock';
import { parseLocalDateTime, snoozePresets, toLocalDateTime } from './snooze-presets';

const untilOf = (presets: ReturnType<typeof snoozePresets>) =>
  Object.fromEntries(presets.map((p) => [p.id, p.until.toISOString()]));

describe('snoozePresets', () => {
  it('gives local wall-clock times: 18:00 today, 08:00 tomorrow, Saturday and Monday 08:00 (Paris, winter)', () => {
    // Wednesday 10:15 in Paris (UTC+1).
    const presets = snoozePresets(new Date('2026-01-14T09:15:00Z'), 'Europe/Paris');
    expect(untilOf(presets)).toEqual({
      laterToday: '2026-01-14T17:00:00.000Z',
      tomorrow: '2026-01-15T07:00:00.000Z',
      weekend: '2026-01-17T07:00:00.000Z',
      nextWeek: '2026-01-19T07:00:00.000Z',
    });
  });

  it('follows the user’s zone, not UTC: the same instant is already Thursday in Tokyo', () => {
    // 2026-01-14T20:00Z is Thursday 05:00 in Tokyo (UTC+9) and Wednesday 15:00 in New York.
    const now = new Date('2026-01-14T20:00:00Z');
    expect(untilOf(snoozePresets(now, 'Asia/Tokyo'))).toMatchObject({
      laterToday: '2026-01-15T09:00:00.000Z',
      tomorrow: '2026-01-15T23:00:00.000Z',
    });
    expect(untilOf(snoozePresets(now, 'America/New_York'))).toMatchObject({
      laterToday: '2026-01-14T23:00:00.000Z',
      tomorrow: '2026-01-15T13:00:00.000Z',
    });
  });

  it('drops "later today" within an hour of the evening, and "this weekend" on a weekend', () => {
    // Saturday 17:30 in Paris.
    const presets = snoozePresets(new Date('2026-01-17T16:30:00Z'), 'Europe/Paris');
    expect(presets.map((p) => p.id)).toEqual(['tomorrow', 'nextWeek']);
    // Next week from a Saturday is the Monday after.
    expect(untilOf(presets).nextWeek).toBe('2026-01-19T07:00:00.000Z');
  });

  it('keeps 08:00 across a daylight-saving change (Paris, the night clocks go forward)', () => {
    // Saturday 28 March 2026, 12:00 in Paris (UTC+1); on Sunday the offset is UTC+2.
    const presets = snoozePresets(new Date('2026-03-28T11:00:00Z'), 'Europe/Paris');
    expect(untilOf(presets).tomorrow).toBe('2026-03-29T06:00:00.000Z');
    // Across the change and the month's end: Monday 30 March, 08:00 summer time.
    expect(untilOf(presets).nextWeek).toBe('2026-03-30T06:00:00.000Z');
  });

  it('crosses a month and a year end (Friday 31 December)', () => {
    const presets = snoozePresets(new Date('2027-12-31T10:00:00Z'), 'UTC');
    expect(untilOf(presets)).toEqual({
      laterToday: '2027-12-31T18:00:00.000Z',
      tomorrow: '2028-01-01T08:00:00.000Z',
      weekend: '2028-01-01T08:00:00.000Z',
      nextWeek: '2028-01-03T08:00:00.000Z',
    });
  });
});

describe('datetime-local values', () => {
  it('reads a picked date and time in the user’s zone, and writes one back', () => {
    expect(parseLocalDateTime('2026-07-01T09:30', 'Europe/Paris')?.toISOString()).toBe(
      '2026-07-01T07:30:00.000Z',
    );
    expect(parseLocalDateTime('2026-07-01T09:30:15', 'UTC')?.toISOString()).toBe('2026-07-01T09:30:15.000Z');
    expect(parseLocalDateTime('2026-07-01T09:30:15.250', 'UTC')?.toISOString()).toBe(
      '2026-07-01T09:30:15.250Z',
    );
    expect(toLocalDateTime(new Date('2026-07-01T07:30:00Z'), 'Europe/Paris')).toBe('2026-07-01T09:30');
  });

  it('refuses what is not a datetime-local value', () => {
    expect(parseLocalDateTime('', 'UTC')).toBeNull();
    expect(parseLocalDateTime('tomorrow', 'UTC')).toBeNull();
    expect(parseLocalDateTime('2026-07-01 09:30', 'UTC')).toBeNull();
  });

  it('puts a time skipped by the clocks going forward just after the jump', () => {
    // 02:30 does not exist in Paris on 29 March 2026: it lands at 03:30 local (01:30Z).
    expect(
      instantAt('Europe/Paris', { year: 2026, month: 3, day: 29, hour: 2, minute: 30 }).toISOString(),
    ).toBe('2026-03-29T01:30:00.000Z');
  });
});
