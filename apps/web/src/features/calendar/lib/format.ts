import type { CalendarEvent } from '@colibri/jmap-types';
import { addToLocalDateTime, endOf, localDateTimeToInstant } from './time';

/**
 * "Tuesday 1 December 2026, 09:30 – 10:30" in the user's zone and language; all-day events as
 * their dates ("Tuesday 1 December 2026", or a range), the same in every zone.
 */
export function formatWhen(
  event: CalendarEvent,
  locale: string,
  displayTimeZone: string,
  allDayLabel: string,
): string {
  if (event.showWithoutTime) {
    const format = new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone: 'UTC' });
    const first = new Date(`${event.start.slice(0, 10)}T00:00:00Z`);
    const lastLocal = addToLocalDateTime(endOf(event.start.slice(0, 10), event.duration ?? 'P1D'), -1);
    const last = new Date(`${lastLocal.slice(0, 10)}T00:00:00Z`);
    const days = last > first ? format.formatRange(first, last) : format.format(first);
    return `${days} (${allDayLabel})`;
  }
  const zone = event.timeZone ?? displayTimeZone;
  const start = event.utcStart ? new Date(event.utcStart) : localDateTimeToInstant(event.start, zone);
  const end = event.utcEnd
    ? new Date(event.utcEnd)
    : localDateTimeToInstant(endOf(event.start, event.duration), zone);
  if (!start || !end) return event.start;
  const format = new Intl.DateTimeFormat(locale, {
    dateStyle: 'full',
    timeStyle: 'short',
    timeZone: displayTimeZone,
  });
  return format.formatRange(start, end);
}
