import type { CalendarEvent } from '@colibri/jmap-types';
import { durationOfMs, formatDuration, toLocalDateTime } from './time';

/**
 * The edit a drag or resize in the grid makes: the new start in the event's own zone (a
 * meeting set in New York stays a New York meeting when moved from Paris), and the new length.
 * All-day events move by whole days. FullCalendar gives local Dates; an all-day one is midnight
 * of its day in the browser's zone.
 */
export function moveEdit(
  occurrence: CalendarEvent,
  start: Date,
  end: Date | null,
  displayTimeZone: string,
): Pick<CalendarEvent, 'start' | 'duration'> {
  if (occurrence.showWithoutTime) {
    const day = toLocalDateTime(start, displayTimeZone).slice(0, 10);
    const days = end ? Math.max(1, Math.round((end.getTime() - start.getTime()) / 86_400_000)) : null;
    return {
      start: `${day}T00:00:00`,
      duration: days ? formatDuration({ days, ms: 0 }) : (occurrence.duration ?? 'P1D'),
    };
  }
  return {
    start: toLocalDateTime(start, occurrence.timeZone ?? displayTimeZone),
    duration: end ? durationOfMs(end.getTime() - start.getTime()) : (occurrence.duration ?? 'PT1H'),
  };
}
