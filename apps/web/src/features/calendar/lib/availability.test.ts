import { describe, expect, it } from 'vitest';
import type { BusyPeriod } from '@colibri/jmap-types';
import {
  busyBlocksOf,
  dayWindow,
  isFreeForAll,
  mergeBusy,
  nextCommonFreeSlot,
  slotsOfDay,
  wholeDay,
} from './availability';
import type { BusyBlock } from './availability';

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();
const block = (start: string, end: string, status: BusyBlock['status'] = 'confirmed'): BusyBlock => ({
  start: at(start),
  end: at(end),
  status,
});
const period = (utcStart: string, utcEnd: string, busyStatus: BusyPeriod['busyStatus'] = 'confirmed') => ({
  utcStart,
  utcEnd,
  busyStatus,
  event: null,
});
const PARIS = 'Europe/Paris';

describe('busy periods (JMAP Calendars §2.2 BusyPeriod)', () => {
  it('reads the periods as sorted instants, dropping empty and malformed ones', () => {
    const blocks = busyBlocksOf([
      period('2026-12-01T10:00:00Z', '2026-12-01T11:00:00Z'),
      period('2026-12-01T08:00:00Z', '2026-12-01T09:00:00Z', 'tentative'),
      period('2026-12-01T12:00:00Z', '2026-12-01T12:00:00Z'),
      period('not a date', '2026-12-01T12:00:00Z'),
    ]);
    expect(blocks.map((b) => [iso(b.start), b.status])).toEqual([
      ['2026-12-01T08:00:00.000Z', 'tentative'],
      ['2026-12-01T10:00:00.000Z', 'confirmed'],
    ]);
  });

  it('merges overlapping, nested and touching periods, keeping the firmest status', () => {
    const merged = mergeBusy([
      block('2026-12-01T10:30:00Z', '2026-12-01T11:30:00Z', 'tentative'),
      block('2026-12-01T10:00:00Z', '2026-12-01T11:00:00Z', 'tentative'),
      block('2026-12-01T10:15:00Z', '2026-12-01T10:45:00Z', 'confirmed'),
      block('2026-12-01T11:30:00Z', '2026-12-01T12:00:00Z', 'unavailable'),
      block('2026-12-01T14:00:00Z', '2026-12-01T15:00:00Z', 'tentative'),
    ]);
    expect(merged.map((b) => [iso(b.start), iso(b.end), b.status])).toEqual([
      ['2026-12-01T10:00:00.000Z', '2026-12-01T12:00:00.000Z', 'confirmed'],
      ['2026-12-01T14:00:00.000Z', '2026-12-01T15:00:00.000Z', 'tentative'],
    ]);
  });

  it('does not change the blocks it is given', () => {
    const input = [
      block('2026-12-01T10:00:00Z', '2026-12-01T11:00:00Z'),
      block('2026-12-01T10:30:00Z', '2026-12-01T12:00:00Z'),
    ];
    mergeBusy(input);
    expect(iso(input[0]!.end)).toBe('2026-12-01T11:00:00.000Z');
  });
});

describe('days and working hours across daylight-saving changes', () => {
  it('puts working hours at the same wall-clock times on either side of the spring change', () => {
    // Paris moves from +01:00 to +02:00 on 29 March 2026.
    expect(iso(dayWindow('2026-03-28', PARIS).start)).toBe('2026-03-28T07:00:00.000Z');
    expect(iso(dayWindow('2026-03-29', PARIS).start)).toBe('2026-03-29T06:00:00.000Z');
    expect(iso(dayWindow('2026-03-29', PARIS).end)).toBe('2026-03-29T16:00:00.000Z');
  });

  it('has 23- and 25-hour days', () => {
    const spring = wholeDay('2026-03-29', PARIS);
    const autumn = wholeDay('2026-10-25', PARIS);
    expect((spring.end - spring.start) / 3_600_000).toBe(23);
    expect((autumn.end - autumn.start) / 3_600_000).toBe(25);
  });

  it('gives slots that follow each other without a gap or a repeat over the skipped hour', () => {
    const slots = slotsOfDay('2026-03-29', PARIS, { start: 0, end: 5 });
    for (let i = 1; i < slots.length; i += 1) expect(slots[i]!.start).toBe(slots[i - 1]!.end);
    // 00:00 to 05:00 on the wall is 4 hours of real time that day.
    expect(slots[slots.length - 1]!.end - slots[0]!.start).toBe(4 * 3_600_000);
  });
});

describe('the next slot free for everyone', () => {
  const hour = 3_600_000;

  it('skips past every person’s busy time, overlapping periods included', () => {
    const bob = [block('2026-12-01T09:00:00Z', '2026-12-01T10:00:00Z')]; // 10:00–11:00 Paris
    const carol = [
      block('2026-12-01T09:30:00Z', '2026-12-01T10:15:00Z'),
      block('2026-12-01T10:00:00Z', '2026-12-01T10:30:00Z'),
    ];
    const slot = nextCommonFreeSlot({
      busyByPerson: [bob, carol],
      after: at('2026-12-01T09:00:00Z'),
      durationMs: hour,
      timeZone: PARIS,
    });
    // 11:30 Paris: the first boundary after Carol's last period, for a whole hour.
    expect(slot && iso(slot.start)).toBe('2026-12-01T10:30:00.000Z');
    expect(slot && slot.end - slot.start).toBe(hour);
  });

  it('is the next one, not the current start, when nobody is busy', () => {
    const slot = nextCommonFreeSlot({
      busyByPerson: [[], []],
      after: at('2026-12-01T09:00:00Z'),
      durationMs: hour,
      timeZone: PARIS,
    });
    expect(slot && iso(slot.start)).toBe('2026-12-01T09:30:00.000Z');
  });

  it('moves to the next day’s working hours when the day is full, across the DST change', () => {
    // Busy from 17:00 Paris to the end of 28 March: the answer is 08:00 summer time on the 29th.
    const slot = nextCommonFreeSlot({
      busyByPerson: [[block('2026-03-28T16:00:00Z', '2026-03-28T23:00:00Z')]],
      after: at('2026-03-28T15:00:00Z'),
      durationMs: hour,
      timeZone: PARIS,
    });
    expect(slot && iso(slot.start)).toBe('2026-03-29T06:00:00.000Z');
  });

  it('never ends after the working hours', () => {
    const slot = nextCommonFreeSlot({
      busyByPerson: [[]],
      after: at('2026-12-01T16:00:00Z'), // 17:00 Paris
      durationMs: 2 * hour,
      timeZone: PARIS,
    });
    expect(slot && iso(slot.start)).toBe('2026-12-02T07:00:00.000Z');
  });

  it('for an all-day event, finds the next days whose working hours are free', () => {
    // An all-day event of a server in UTC: it spills into 01:00 Paris on the 3rd, a night hour.
    const busy = [block('2026-12-02T00:00:00Z', '2026-12-03T00:00:00Z')];
    const slot = nextCommonFreeSlot({
      busyByPerson: [busy],
      after: wholeDay('2026-12-01', PARIS).start,
      durationMs: 0,
      days: 2,
      allDay: true,
      timeZone: PARIS,
    });
    expect(slot && iso(slot.start)).toBe('2026-12-02T23:00:00.000Z');
    expect(slot && iso(slot.end)).toBe('2026-12-04T23:00:00.000Z');
  });

  it('gives up after the search limit', () => {
    const slot = nextCommonFreeSlot({
      busyByPerson: [[block('2026-12-01T00:00:00Z', '2027-02-01T00:00:00Z')]],
      after: at('2026-12-01T09:00:00Z'),
      durationMs: hour,
      timeZone: PARIS,
      maxDays: 31,
    });
    expect(slot).toBeNull();
  });

  it('tells whether a slot is free for everyone', () => {
    const busy = [[block('2026-12-01T09:00:00Z', '2026-12-01T10:00:00Z')], []];
    expect(isFreeForAll(busy, { start: at('2026-12-01T09:30:00Z'), end: at('2026-12-01T10:30:00Z') })).toBe(
      false,
    );
    expect(isFreeForAll(busy, { start: at('2026-12-01T10:00:00Z'), end: at('2026-12-01T11:00:00Z') })).toBe(
      true,
    );
  });
});
