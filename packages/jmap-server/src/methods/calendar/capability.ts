import type { CalendarsAccountCapability } from '@colibri/jmap-types';
import { calendarEventLimits } from '@colibri/mail-store';

/** The earliest and latest instants an event may start at (the account capability says so). */
export const CALENDAR_DATE_RANGE = { min: '1900-01-01T00:00:00Z', max: '2199-12-31T23:59:59Z' };

/**
 * CalendarEvent/query with expandRecurrences: the longest span (days; a year of a busy calendar,
 * leap day included) and the most occurrences one query expands (beyond it:
 * cannotCalculateOccurrences, the client narrows the range).
 */
export const EXPANSION_LIMITS = { maxDays: 366, maxOccurrences: 10_000 };

/** The most participants one event may have. */
export const MAX_PARTICIPANTS_PER_EVENT = 1000;

/** JMAP Calendars: the account capability `urn:ietf:params:jmap:calendars` of the owner's account. */
export const CALENDARS_ACCOUNT_CAPABILITY: CalendarsAccountCapability = {
  maxCalendarsPerEvent: calendarEventLimits.maxCalendarsPerEvent,
  minDateTime: CALENDAR_DATE_RANGE.min,
  maxDateTime: CALENDAR_DATE_RANGE.max,
  maxExpandedQueryDuration: `P${EXPANSION_LIMITS.maxDays}D`,
  maxParticipantsPerEvent: MAX_PARTICIPANTS_PER_EVENT,
  mayCreateCalendar: true,
};
