/*
 * Wall clocks of IANA time zones with Intl only (no time zone library), correct across
 * daylight-saving changes. Shared by the calendar (RFC 8984 LocalDateTime + timeZone) and the
 * mail snooze presets.
 */

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** A wall clock with its day of the week. */
export interface WallClockWithWeekday extends WallClock {
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
}

const formats = new Map<string, Intl.DateTimeFormat>();
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** A cached formatter of every wall-clock field in `timeZone`; throws RangeError for an unknown zone. */
export function formatIn(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    formats.set(timeZone, format);
  }
  return format;
}

/** The wall clock of `timeZone` at an instant. */
export function wallClockAt(instant: Date, timeZone: string): WallClockWithWeekday {
  const parts = Object.fromEntries(
    formatIn(timeZone)
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    weekday: WEEKDAYS.indexOf(parts.weekday ?? ''),
  };
}

const wallMs = (w: Omit<WallClock, 'second'> & { second?: number }) =>
  Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second ?? 0);

/**
 * The instant when `timeZone`'s clock shows this date and time. The fields may overflow (day 32
 * is the 1st of next month), as with Date.UTC. A time skipped by a daylight-saving jump lands
 * just after it; a repeated one takes the first (RFC 5545 §3.3.5, as JSCalendar does).
 */
export function instantAt(timeZone: string, wall: Omit<WallClock, 'second'> & { second?: number }): Date {
  const asUtc = wallMs(wall);
  const offsetAt = (instant: number) => wallMs(wallClockAt(new Date(instant), timeZone)) - instant;
  // Two rounds: the offset at the first guess may differ from the one at the answer (DST).
  const first = asUtc - offsetAt(asUtc);
  return new Date(asUtc - offsetAt(first));
}
