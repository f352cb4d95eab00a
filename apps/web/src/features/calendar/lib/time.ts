/*
 * Wall-clock times in IANA time zones (RFC 8984 LocalDateTime + timeZone) and durations
 * (RFC 8984 §1.4.6), with Intl only: no time zone library, correct across DST changes.
 */
import { formatIn, instantAt, wallClockAt } from '../../../lib/wall-clock';
import type { WallClock } from '../../../lib/wall-clock';

export type { WallClock };

/** The user's time zone, as the browser knows it. */
export const browserTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** Whether the browser knows this IANA zone. */
export function isTimeZone(value: string): boolean {
  try {
    formatIn(value);
    return true;
  } catch {
    return false;
  }
}

const wallMs = (w: WallClock) => Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** RFC 8984 LocalDateTime "2026-12-01T09:30:00" of a wall clock. */
export function formatLocalDateTime(wall: WallClock): string {
  return `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}T${pad(wall.hour)}:${pad(wall.minute)}:${pad(wall.second)}`;
}

/** Parses "2026-12-01T09:30:00" (seconds optional, date alone allowed); null when it is not one. */
export function parseLocalDateTime(value: string): WallClock | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(value);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0));
  const wall = { year: year!, month: month!, day: day!, hour: hour!, minute: minute!, second: second! };
  // Rejects 2026-02-30 and 25:00.
  const check = new Date(wallMs(wall));
  if (check.getUTCMonth() !== wall.month - 1 || check.getUTCDate() !== wall.day || wall.hour > 23)
    return null;
  return wall;
}

/** The LocalDateTime of `timeZone` at an instant. */
export function toLocalDateTime(instant: Date, timeZone: string): string {
  return formatLocalDateTime(wallClockAt(instant, timeZone));
}

/** The instant of a LocalDateTime in a zone; null for a malformed value. */
export function localDateTimeToInstant(value: string, timeZone: string): Date | null {
  const wall = parseLocalDateTime(value);
  return wall ? instantAt(timeZone, wall) : null;
}

/** Adds days and milliseconds to a wall clock, as calendar arithmetic (no zone involved). */
export function addToLocalDateTime(value: string, days: number, ms = 0): string {
  const wall = parseLocalDateTime(value);
  if (!wall) return value;
  const d = new Date(wallMs(wall) + days * 86_400_000 + ms);
  return formatLocalDateTime({
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  });
}

/** Wall-clock milliseconds from `a` to `b` (both LocalDateTime), ignoring zones. */
export function localDifferenceMs(a: string, b: string): number {
  const wa = parseLocalDateTime(a);
  const wb = parseLocalDateTime(b);
  return wa && wb ? wallMs(wb) - wallMs(wa) : 0;
}

export interface ParsedDuration {
  days: number;
  /** The time part (hours, minutes, seconds), in milliseconds. */
  ms: number;
}

/** RFC 8984 §1.4.6 Duration ("P1W", "P1DT2H30M", "PT45M"); null when malformed. */
export function parseDuration(value: string | undefined): ParsedDuration | null {
  if (value === undefined) return { days: 0, ms: 0 };
  const match = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(value);
  if (!match || value === 'P' || value.endsWith('T')) return null;
  const [weeks, days, hours, minutes, seconds] = match.slice(1).map((part) => Number(part ?? 0));
  return {
    days: weeks! * 7 + days!,
    ms: ((hours! * 60 + minutes!) * 60 + seconds!) * 1000,
  };
}

/** A Duration for whole days plus a time part, in RFC 8984 §1.4.6 form ("P1DT1H", "PT0S"). */
export function formatDuration({ days, ms }: ParsedDuration): string {
  const seconds = Math.round(ms / 1000);
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const time = `${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s ? `${s}S` : ''}`;
  if (!days && !time) return 'PT0S';
  return `P${days ? `${days}D` : ''}${time ? `T${time}` : ''}`;
}

/** A Duration for a length in milliseconds, whole days of 24 hours folded into days. */
export function durationOfMs(ms: number): string {
  const days = Math.floor(ms / 86_400_000);
  return formatDuration({ days, ms: ms - days * 86_400_000 });
}

/** The LocalDateTime at which an event that starts at `start` and lasts `duration` ends. */
export function endOf(start: string, duration: string | undefined): string {
  const parsed = parseDuration(duration) ?? { days: 0, ms: 0 };
  return addToLocalDateTime(start, parsed.days, parsed.ms);
}
