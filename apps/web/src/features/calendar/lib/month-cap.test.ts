import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capMonthEvents } from './month-cap';
import type { CappableEvent } from './month-cap';

// The day grid uses the browser's zone: these tests run in one with DST (last Sunday of March
// and of October), whatever the machine's.
let savedZone: string | undefined;
beforeAll(() => {
  savedZone = process.env.TZ;
  process.env.TZ = 'Europe/Paris';
});
afterAll(() => {
  if (savedZone === undefined) delete process.env.TZ;
  else process.env.TZ = savedZone;
});

type Event = CappableEvent & { id: string };

/** A timed event in Paris winter time (UTC+1) on a day of December 2026, hours local. */
const timed = (id: string, day: number, from: number, to = from + 1): Event => ({
  id,
  title: id,
  allDay: false,
  start: new Date(Date.UTC(2026, 11, day, from - 1)).toISOString(),
  end: new Date(Date.UTC(2026, 11, day, to - 1)).toISOString(),
});
const allDay = (id: string, start: string, end: string): Event => ({
  id,
  title: id,
  allDay: true,
  start,
  end,
});
const ids = (events: readonly Event[]) => events.map((e) => e.id);

describe('capMonthEvents: what a month day cell shows', () => {
  it('keeps the first events of each day by start time and counts the rest', () => {
    const events = [timed('late', 3, 18), timed('nine', 3, 9), timed('eight', 3, 8), timed('noon', 3, 12)];
    events.push(timed('other day', 4, 18));
    const { shown, hidden } = capMonthEvents(events, 2);
    expect(ids(shown)).toEqual(['nine', 'eight', 'other day']);
    expect(hidden).toEqual(new Map([['2026-12-03', 2]]));
  });

  it('shows everything when no day is over the limit', () => {
    const events = [timed('a', 1, 9), timed('b', 1, 10), timed('c', 2, 9)];
    const { shown, hidden } = capMonthEvents(events, 2);
    expect(shown).toEqual(events);
    expect(hidden.size).toBe(0);
  });

  it('puts all-day events before the timed events of the day', () => {
    const events = [timed('early', 5, 7), timed('mid', 5, 10), allDay('holiday', '2026-12-05', '2026-12-06')];
    const { shown, hidden } = capMonthEvents(events, 2);
    expect(ids(shown)).toEqual(['early', 'holiday']);
    expect(hidden.get('2026-12-05')).toBe(1);
  });

  it('orders longer events first when they start together, then by title', () => {
    const events = [
      allDay('one day', '2026-12-07', '2026-12-08'),
      allDay('b two days', '2026-12-07', '2026-12-09'),
      allDay('a two days', '2026-12-07', '2026-12-09'),
    ];
    const { shown, hidden } = capMonthEvents(events, 2);
    expect(ids(shown)).toEqual(['b two days', 'a two days']);
    expect(hidden).toEqual(new Map([['2026-12-07', 1]]));
  });

  it('keeps a multi-day event whole and counts it in every day it covers', () => {
    const trip = allDay('trip', '2026-12-14', '2026-12-17'); // 14, 15 and 16
    const events = [timed('a', 15, 9), timed('b', 15, 10), trip, timed('c', 16, 9)];
    const { shown, hidden } = capMonthEvents(events, 2);
    // The trip starts first: it takes a place on the 14th, 15th and 16th.
    expect(ids(shown)).toEqual(['a', 'trip', 'c']);
    expect(hidden).toEqual(new Map([['2026-12-15', 1]]));
  });

  it('hides a multi-day event that does not fit in one of its days, and counts it in each', () => {
    const events = [
      timed('a', 21, 8),
      timed('b', 21, 9),
      // From the 20th, 22:00 to the 22nd, 10:00: the 20th is full (x, y), so it is hidden on all three days.
      { ...timed('late', 20, 22), end: new Date(Date.UTC(2026, 11, 22, 9)).toISOString() },
      timed('x', 20, 8),
      timed('y', 20, 9),
    ];
    const { shown, hidden } = capMonthEvents(events, 2);
    expect(ids(shown)).toEqual(['a', 'b', 'x', 'y']);
    expect(hidden).toEqual(
      new Map([
        ['2026-12-20', 1],
        ['2026-12-21', 1],
        ['2026-12-22', 1],
      ]),
    );
  });

  it('counts a timed event ending at midnight in its first day only', () => {
    const events: Event[] = [
      { ...timed('evening', 9, 20), end: new Date(Date.UTC(2026, 11, 9, 23)).toISOString() },
    ];
    events.push(timed('x', 10, 8), timed('y', 10, 9));
    const { shown, hidden } = capMonthEvents(events, 2);
    expect(ids(shown)).toEqual(['evening', 'x', 'y']);
    expect(hidden.size).toBe(0);
  });

  it('counts the days of DST changes once each (23 and 25 hours long)', () => {
    // Paris: 29 March 2026 has 23 hours, 25 October 2026 has 25.
    const spring = allDay('spring', '2026-03-28', '2026-03-31'); // 28, 29, 30
    const autumn = allDay('autumn', '2026-10-24', '2026-10-27'); // 24, 25, 26
    // 25 October, 23:30 local (UTC+1 after the change) to 26 October 00:30.
    const lateAutumn: Event = {
      id: 'late autumn',
      allDay: false,
      start: '2026-10-25T22:30:00Z',
      end: '2026-10-25T23:30:00Z',
    };
    // 29 March, 00:30 local (UTC+1) to 03:30 (UTC+2): one day.
    const earlySpring: Event = {
      id: 'early spring',
      allDay: false,
      start: '2026-03-28T23:30:00Z',
      end: '2026-03-29T01:30:00Z',
    };
    const { shown, hidden } = capMonthEvents([spring, autumn, lateAutumn, earlySpring], 1);
    expect(ids(shown)).toEqual(['spring', 'autumn']);
    expect(hidden).toEqual(
      new Map([
        ['2026-03-29', 1],
        ['2026-10-25', 1],
        ['2026-10-26', 1],
      ]),
    );
  });

  it('accepts Dates, keeps events without a usable start, and rejects a bad limit', () => {
    const events: Event[] = [
      { id: 'date', allDay: false, start: new Date(Date.UTC(2026, 11, 1, 8)) },
      { id: 'no start', allDay: false },
      { id: 'second', allDay: false, start: new Date(Date.UTC(2026, 11, 1, 9)) },
    ];
    expect(ids(capMonthEvents(events, 1).shown)).toEqual(['date', 'no start']);
    expect(() => capMonthEvents(events, 0)).toThrow(RangeError);
  });
});
