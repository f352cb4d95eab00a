/*
 * Free/busy arithmetic for "find a time": busy periods (JMAP Calendars §2.2
 * Principal/getAvailability) as instants, merged, and the next slot free for everyone. Days and
 * working hours are wall clocks of the event's zone, turned into instants one by one, so a day
 * with a daylight-saving change is 23 or 25 hours long and the hours stay where people expect.
 */
import type { BusyPeriod } from '@colibri/jmap-types';
import { addToLocalDateTime, localDateTimeToInstant, toLocalDateTime } from './time';

/** A half-open interval of instants [start, end), in epoch milliseconds. */
export interface Interval {
  start: number;
  end: number;
}

export interface BusyBlock extends Interval {
  status: BusyPeriod['busyStatus'];
}

/** Working hours, as wall-clock hours of the day in the event's zone. */
export interface WorkingHours {
  start: number;
  end: number;
}

export const DEFAULT_WORKING_HOURS: WorkingHours = { start: 8, end: 18 };
/** The grain of slots to pick and of "next free slot". */
export const SLOT_MINUTES = 30;
/** Explicit limit: "next free slot" looks this many days ahead at most. */
export const MAX_SEARCH_DAYS = 31;

const STATUS_RANK: Record<BusyPeriod['busyStatus'], number> = { tentative: 0, unavailable: 1, confirmed: 2 };

/** The busy periods as intervals, malformed and empty ones dropped, sorted by start. */
export function busyBlocksOf(periods: readonly BusyPeriod[]): BusyBlock[] {
  return periods
    .map((p) => ({ start: Date.parse(p.utcStart), end: Date.parse(p.utcEnd), status: p.busyStatus }))
    .filter((b) => Number.isFinite(b.start) && Number.isFinite(b.end) && b.end > b.start)
    .sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * Overlapping and touching periods as one, sorted and disjoint; the merged block takes the
 * firmest status among its parts (confirmed > unavailable > tentative).
 */
export function mergeBusy(blocks: readonly BusyBlock[]): BusyBlock[] {
  const sorted = [...blocks].sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: BusyBlock[] = [];
  for (const block of sorted) {
    const last = merged[merged.length - 1];
    if (last && block.start <= last.end) {
      last.end = Math.max(last.end, block.end);
      if (STATUS_RANK[block.status] > STATUS_RANK[last.status]) last.status = block.status;
    } else merged.push({ ...block });
  }
  return merged;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The instant a wall clock "date hour:minute" shows in a zone (a skipped time lands just after the jump). */
export function instantOfWall(date: string, minutesOfDay: number, timeZone: string): number {
  const days = Math.floor(minutesOfDay / 1440);
  const rest = minutesOfDay - days * 1440;
  const local = addToLocalDateTime(`${date}T${pad(Math.floor(rest / 60))}:${pad(rest % 60)}:00`, days);
  return localDateTimeToInstant(local, timeZone)?.getTime() ?? Number.NaN;
}

/** The working hours of a day ("2026-12-01") in a zone, as instants. */
export function dayWindow(date: string, timeZone: string, hours = DEFAULT_WORKING_HOURS): Interval {
  return {
    start: instantOfWall(date, hours.start * 60, timeZone),
    end: instantOfWall(date, hours.end * 60, timeZone),
  };
}

/** A whole day ("2026-12-01") of a zone, midnight to midnight: 23, 24 or 25 hours. */
export function wholeDay(date: string, timeZone: string): Interval {
  return { start: instantOfWall(date, 0, timeZone), end: instantOfWall(date, 1440, timeZone) };
}

/** The date ("2026-12-01") of an instant in a zone. */
export const dateIn = (instant: number, timeZone: string) =>
  toLocalDateTime(new Date(instant), timeZone).slice(0, 10);

/** The date a number of days after another. */
export const shiftDate = (date: string, days: number) =>
  addToLocalDateTime(`${date}T00:00:00`, days).slice(0, 10);

/** The slots of a day's window, every `SLOT_MINUTES` of wall clock (a skipped wall time once). */
export function slotsOfDay(
  date: string,
  timeZone: string,
  hours = DEFAULT_WORKING_HOURS,
  step = SLOT_MINUTES,
): Interval[] {
  const slots: Interval[] = [];
  for (let minute = hours.start * 60; minute < hours.end * 60; minute += step) {
    const start = instantOfWall(date, minute, timeZone);
    const end = instantOfWall(date, minute + step, timeZone);
    if (end > start && start > (slots[slots.length - 1]?.start ?? Number.NEGATIVE_INFINITY))
      slots.push({ start, end });
  }
  return slots;
}

export const overlaps = (a: Interval, b: Interval) => a.start < b.end && b.start < a.end;

/** The first busy block that overlaps an interval (blocks sorted), if any. */
function firstOverlap(busy: readonly Interval[], slot: Interval): Interval | undefined {
  return busy.find((b) => overlaps(b, slot));
}

/** Whether an interval is free in every list of busy blocks. */
export const isFreeForAll = (busyByPerson: readonly (readonly Interval[])[], slot: Interval) =>
  busyByPerson.every((busy) => !busy.some((b) => overlaps(b, slot)));

/** The first slot boundary of a day (wall clock, every `step` minutes) at or after an instant. */
function alignUp(instant: number, date: string, timeZone: string, hours: WorkingHours, step: number): number {
  for (let minute = hours.start * 60; minute <= hours.end * 60; minute += step) {
    const at = instantOfWall(date, minute, timeZone);
    if (at >= instant) return at;
  }
  return Number.POSITIVE_INFINITY;
}

export interface NextSlotQuery {
  /** Every person's busy blocks (one list each, in any order). */
  busyByPerson: readonly (readonly Interval[])[];
  /** The slot must start strictly after this instant (the current start: "next"). */
  after: number;
  /** The event's length in milliseconds (timed), or in days (all day). */
  durationMs: number;
  timeZone: string;
  allDay?: boolean;
  /** For an all-day event: how many days it covers. */
  days?: number;
  hours?: WorkingHours;
  step?: number;
  maxDays?: number;
}

/**
 * The next slot free for everyone: timed, within one day's working hours, starting on a slot
 * boundary of the wall clock; all day, the next run of `days` days whose working hours are all
 * free (an all-day busy period from a server in UTC may spill an hour into the next local day:
 * the night does not count). Null when nothing is found within `maxDays`.
 */
export function nextCommonFreeSlot(query: NextSlotQuery): Interval | null {
  const { timeZone, after } = query;
  const hours = query.hours ?? DEFAULT_WORKING_HOURS;
  const step = query.step ?? SLOT_MINUTES;
  const maxDays = query.maxDays ?? MAX_SEARCH_DAYS;
  const busy = mergeBusy(
    query.busyByPerson.flat().map((b) => ({ start: b.start, end: b.end, status: 'confirmed' as const })),
  );
  const firstDate = dateIn(after, timeZone);
  if (query.allDay) {
    const days = Math.max(1, query.days ?? 1);
    for (let offset = 1; offset <= maxDays; offset += 1) {
      const date = shiftDate(firstDate, offset);
      const windows = Array.from({ length: days }, (_, i) => dayWindow(shiftDate(date, i), timeZone, hours));
      if (windows.every((w) => !firstOverlap(busy, w)))
        return {
          start: wholeDay(date, timeZone).start,
          end: wholeDay(shiftDate(date, days - 1), timeZone).end,
        };
    }
    return null;
  }
  for (let offset = 0; offset <= maxDays; offset += 1) {
    const date = shiftDate(firstDate, offset);
    const window = dayWindow(date, timeZone, hours);
    let candidate = alignUp(Math.max(window.start, after + 1), date, timeZone, hours, step);
    while (candidate + query.durationMs <= window.end) {
      const slot = { start: candidate, end: candidate + query.durationMs };
      const blocking = firstOverlap(busy, slot);
      if (!blocking) return slot;
      candidate = alignUp(blocking.end, date, timeZone, hours, step);
    }
  }
  return null;
}
