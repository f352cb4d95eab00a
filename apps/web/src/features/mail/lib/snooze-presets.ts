/**
 * When a snooze preset wakes, as Gmail offers them, in the user's time zone: the wall-clock
 * hours below are local, so "tomorrow morning" is 08:00 where the user is, whatever the UTC
 * offset, across daylight-saving changes too. Pure (a clock and a zone in, instants out).
 */
import { instantAt, wallClockAt } from '../../../lib/wall-clock';
import type { WallClockWithWeekday as WallClock } from '../../../lib/wall-clock';

export type SnoozePresetId = 'laterToday' | 'tomorrow' | 'weekend' | 'nextWeek';

export interface SnoozePreset {
  id: SnoozePresetId;
  until: Date;
}

/** The morning hour of the day presets; "later today" is the evening hour. */
export const MORNING_HOUR = 8;
export const EVENING_HOUR = 18;
/** "Later today" is offered only while the evening is at least this far ahead. */
const LATER_TODAY_MIN_MS = 60 * 60 * 1000;

const dayAt = (wall: WallClock, daysAhead: number, hour: number) => ({
  year: wall.year,
  month: wall.month,
  day: wall.day + daysAhead,
  hour,
  minute: 0,
});

/** Days from `weekday` to the next `target` weekday, 1 to 7 (never today). */
const daysUntil = (weekday: number, target: number) => (target - weekday + 7) % 7 || 7;

/**
 * The presets that make sense now: later today (18:00, while at least an hour ahead), tomorrow
 * morning (08:00), this weekend (Saturday 08:00, not offered on a weekend) and next week
 * (Monday 08:00).
 */
export function snoozePresets(now: Date, timeZone: string): SnoozePreset[] {
  const wall = wallClockAt(now, timeZone);
  const presets: SnoozePreset[] = [];
  const evening = instantAt(timeZone, dayAt(wall, 0, EVENING_HOUR));
  if (evening.getTime() - now.getTime() >= LATER_TODAY_MIN_MS)
    presets.push({ id: 'laterToday', until: evening });
  presets.push({ id: 'tomorrow', until: instantAt(timeZone, dayAt(wall, 1, MORNING_HOUR)) });
  const weekend = wall.weekday === 6 || wall.weekday === 0;
  if (!weekend)
    presets.push({
      id: 'weekend',
      until: instantAt(timeZone, dayAt(wall, daysUntil(wall.weekday, 6), MORNING_HOUR)),
    });
  presets.push({
    id: 'nextWeek',
    until: instantAt(timeZone, dayAt(wall, daysUntil(wall.weekday, 1), MORNING_HOUR)),
  });
  return presets;
}

/** The user's time zone, as the browser knows it. */
export const localTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * The value of an `<input type="datetime-local">` ("2026-03-28T14:30", seconds and their
 * fraction optional: "2026-03-28T14:30:05.000" is what some browsers give) as an
 * instant in `timeZone`; null when it is not one.
 */
export function parseLocalDateTime(value: string, timeZone: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/.exec(value);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0));
  const instant = instantAt(timeZone, {
    year: year!,
    month: month!,
    day: day!,
    hour: hour!,
    minute: minute!,
  });
  const millis = Number(`0.${match[7] ?? 0}`) * 1000;
  return new Date(instant.getTime() + (second ?? 0) * 1000 + millis);
}

/** An instant as a datetime-local value in `timeZone` (minutes), e.g. for the input's `min`. */
export function toLocalDateTime(instant: Date, timeZone: string): string {
  const wall = wallClockAt(instant, timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${wall.year}-${two(wall.month)}-${two(wall.day)}T${two(wall.hour)}:${two(wall.minute)}`;
}
