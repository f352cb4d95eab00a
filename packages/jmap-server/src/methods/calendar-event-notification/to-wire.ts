import type { CalendarEventNotification } from '@colibri/jmap-types';
import type { CalendarEventNotification as StoredNotification } from '@colibri/mail-store';

/** JMAP Calendars §7: every CalendarEventNotification property, the default when `properties` is null. */
export const CALENDAR_EVENT_NOTIFICATION_PROPERTIES: readonly (keyof CalendarEventNotification)[] = [
  'id',
  'created',
  'changedBy',
  'comment',
  'type',
  'calendarEventId',
  'isDraft',
  'event',
  'eventPatch',
];

/** isDraft for created/updated only, eventPatch for updated only (§7). */
export function calendarEventNotificationToWire(n: StoredNotification): CalendarEventNotification {
  return {
    id: n.id,
    created: n.created.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    changedBy: { ...n.changedBy },
    comment: n.comment,
    type: n.type,
    calendarEventId: n.calendarEventId,
    ...(n.isDraft === null ? {} : { isDraft: n.isDraft }),
    event: n.event,
    ...(n.eventPatch === null ? {} : { eventPatch: n.eventPatch }),
  };
}
