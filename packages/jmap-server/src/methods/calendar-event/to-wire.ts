import type { CalendarEvent } from '@colibri/jmap-types';
import type { JSCalendarEvent } from '@colibri/icalendar';
import type { CalendarEventRecord } from '@colibri/mail-store';

/** JMAP Calendars §5: the properties a CalendarEvent has beyond the JSCalendar Event's. */
export const JMAP_EVENT_PROPERTIES = [
  'id',
  'baseEventId',
  'calendarIds',
  'isDraft',
  'isOrigin',
  'utcStart',
  'utcEnd',
] as const;

/** The event document the store keeps: the JSCalendar Event. */
export const documentOf = (record: CalendarEventRecord): JSCalendarEvent =>
  record.data as unknown as JSCalendarEvent;

/** The wire object (utcStart and utcEnd are added by /get only when asked for). */
export function eventToWire(record: CalendarEventRecord): CalendarEvent {
  return {
    ...(record.data as unknown as CalendarEvent),
    id: record.id,
    baseEventId: null,
    calendarIds: Object.fromEntries(record.calendarIds.map((id) => [id, true as const])),
    isDraft: record.isDraft,
    isOrigin: record.isOrigin,
  };
}
