import type { EventInput } from '@fullcalendar/core';
import type { Calendar, CalendarEvent } from '@colibri/jmap-types';
import { addToLocalDateTime, endOf, localDateTimeToInstant, parseDuration } from './time';

/** Colours for calendars without one (draft §4: color may be null; the client picks). */
export const FALLBACK_COLORS = ['#1a73e8', '#188038', '#d93025', '#9334e6', '#e37400', '#007b83'];

export function calendarColor(calendar: Pick<Calendar, 'color'>, index: number): string {
  return calendar.color ?? FALLBACK_COLORS[index % FALLBACK_COLORS.length]!;
}

/** An event is shown when any of its calendars is visible (draft §4 isVisible). */
export function isShown(event: Pick<CalendarEvent, 'calendarIds'>, visible: ReadonlySet<string>): boolean {
  return Object.keys(event.calendarIds ?? {}).some((id) => visible.has(id));
}

/** Whether the user may change events of this calendar (draft §4 myRights). */
export const mayWrite = (calendar: Pick<Calendar, 'myRights'> | undefined) =>
  Boolean(calendar?.myRights?.mayWriteAll || calendar?.myRights?.mayWriteOwn);

/**
 * An occurrence as FullCalendar shows it. All-day events (showWithoutTime, RFC 8984 §4.2.4)
 * are dates, not instants: the same days in every zone. Timed events use the server's
 * utcStart/utcEnd (draft §5) and FullCalendar shows them in the browser's zone; when the server
 * did not send them they are computed from start, timeZone and duration.
 */
export function toEventInput(
  event: CalendarEvent,
  calendars: ReadonlyMap<string, { color: string; editable: boolean }>,
  displayTimeZone: string,
  noTitle: string,
  /** Proposed new times awaiting the user's answer as organiser (a badge on the event). */
  pendingProposals = 0,
): EventInput {
  const calendarId = Object.keys(event.calendarIds ?? {}).find((id) => calendars.has(id));
  const calendar = calendarId ? calendars.get(calendarId) : undefined;
  const base: EventInput = {
    id: event.id,
    title: event.title || noTitle,
    backgroundColor: event.color ?? calendar?.color,
    borderColor: event.color ?? calendar?.color,
    // An invitation from elsewhere is the organiser's to change (draft §5.6 isOrigin).
    editable: Boolean(calendar?.editable) && event.isOrigin !== false,
    classNames: [
      ...(event.status === 'cancelled' ? ['calendar-event--cancelled'] : []),
      ...(pendingProposals > 0 ? ['calendar-event--proposals'] : []),
    ],
    extendedProps: { event, pendingProposals },
  };
  if (event.showWithoutTime) {
    const days = Math.max(1, parseDuration(event.duration)?.days ?? 1);
    return {
      ...base,
      allDay: true,
      start: event.start.slice(0, 10),
      end: addToLocalDateTime(event.start.slice(0, 10), days).slice(0, 10),
    };
  }
  const zone = event.timeZone ?? displayTimeZone;
  const start = event.utcStart ?? localDateTimeToInstant(event.start, zone)?.toISOString();
  const end = event.utcEnd ?? localDateTimeToInstant(endOf(event.start, event.duration), zone)?.toISOString();
  return { ...base, allDay: false, start, end };
}
