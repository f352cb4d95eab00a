import type { Calendar as WireCalendar, CalendarProperty, CalendarRights } from '@colibri/jmap-types';
import type { Calendar } from '@colibri/mail-store';

/** The owner may do everything. */
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

/**
 * The wire Calendar as the principal sees it: `myRights` are theirs, and `shareWith` (RFC 9670 §4)
 * is shown to those who may change it (mayAdmin), else null. The defaults (no view) are the owner's.
 */
export function calendarToWire(
  calendar: Calendar,
  view?: { rights: CalendarRights; shareWith: Record<string, CalendarRights> | undefined },
): WireCalendar {
  const rights = view?.rights ?? OWNER_CALENDAR_RIGHTS;
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
    shareWith: rights.mayAdmin ? (view?.shareWith ?? null) : null,
    myRights: rights,
  };
}
