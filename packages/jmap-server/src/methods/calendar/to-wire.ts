import type { Calendar as WireCalendar, CalendarProperty, CalendarRights } from '@colibri/jmap-types';
import type { Calendar } from '@colibri/mail-store';

/** The owner may do everything (calendars are not shared yet: shareWith is null). */
export const OWNER_CALENDAR_RIGHTS: CalendarRights = {
  mayReadFreeBusy: true,
  mayReadItems: true,
  mayWriteAll: true,
  mayWriteOwn: true,
  mayUpdatePrivate: true,
  mayRSVP: true,
  mayAdmin: true,
  mayDelete: true,
};

/** JMAP Calendars §4: every Calendar property; /get returns them all by default. */
export const CALENDAR_PROPERTIES: readonly CalendarProperty[] = [
  'id',
  'name',
  'description',
  'color',
  'sortOrder',
  'isSubscribed',
  'isVisible',
  'isDefault',
  'includeInAvailability',
  'defaultAlertsWithTime',
  'defaultAlertsWithoutTime',
  'timeZone',
  'shareWith',
  'myRights',
];

export function calendarToWire(calendar: Calendar): WireCalendar {
  return {
    id: calendar.id,
    name: calendar.name,
    description: calendar.description,
    color: calendar.color,
    sortOrder: calendar.sortOrder,
    isSubscribed: calendar.isSubscribed,
    isVisible: calendar.isVisible,
    isDefault: calendar.isDefault,
    includeInAvailability: calendar.includeInAvailability,
    // Default alerts are not kept yet: always null (a client may set null only).
    defaultAlertsWithTime: null,
    defaultAlertsWithoutTime: null,
    timeZone: calendar.timeZone,
    shareWith: null,
    myRights: OWNER_CALENDAR_RIGHTS,
  };
}
