import type { SetError } from '@colibri/jmap-types';
import type { JSCalendarEvent } from '@colibri/icalendar';
import type { CalendarEventInput, CalendarId } from '@colibri/mail-store';
import { CALENDAR_DATE_RANGE, MAX_PARTICIPANTS_PER_EVENT } from '../calendar/capability.js';
import { invalidProperties } from '../shared/set-properties.js';
import { seriesSpan } from './event-times.js';
import { invalidEventProperties } from './jscalendar-schema.js';
import { JMAP_EVENT_PROPERTIES } from './to-wire.js';

/**
 * A CalendarEvent wire object (JMAP Calendars §5) checked and turned into what the store keeps:
 * the JSCalendar document and the columns it queries by. `current` holds the server-set values a
 * client may echo (id, isOrigin, baseEventId, utcStart, utcEnd); `resolveCalendar` maps an id or
 * `#creationId` to a calendar id (null when it cannot be one).
 */
export function eventInputOf(
  wire: Record<string, unknown>,
  current: Record<string, unknown>,
  resolveCalendar: (id: string) => CalendarId | null,
): (CalendarEventInput & { document: JSCalendarEvent }) | SetError {
  const document: Record<string, unknown> = {};
  const bad: string[] = [];
  for (const [property, value] of Object.entries(wire)) {
    if (!(JMAP_EVENT_PROPERTIES as readonly string[]).includes(property)) document[property] = value;
    else if (property === 'calendarIds' || property === 'isDraft') continue;
    else if (JSON.stringify(current[property]) !== JSON.stringify(value)) bad.push(property);
  }
  let calendarIds: CalendarId[] = [];
  const given = wire.calendarIds;
  if (typeof given !== 'object' || given === null || Array.isArray(given)) bad.push('calendarIds');
  else {
    const entries = Object.entries(given);
    const ids = entries.map(([id, value]) => (value === true ? resolveCalendar(id) : null));
    if (entries.length === 0 || ids.some((id) => id === null)) bad.push('calendarIds');
    else calendarIds = ids as CalendarId[];
  }
  if (wire.isDraft !== undefined && typeof wire.isDraft !== 'boolean') bad.push('isDraft');
  bad.push(...invalidEventProperties(document));
  if (typeof document.start !== 'string') bad.push('start');
  if (typeof document.uid !== 'string') bad.push('uid');
  const participants = document.participants;
  if (participants && Object.keys(participants).length > MAX_PARTICIPANTS_PER_EVENT) bad.push('participants');
  if (bad.length > 0)
    return invalidProperties(
      [...new Set(bad)],
      `Invalid or read-only properties: ${[...new Set(bad)].join(', ')}.`,
    );

  const event = document as unknown as JSCalendarEvent;
  const span = seriesSpan(event);
  if (typeof span === 'string')
    return invalidProperties(['recurrenceRules'], `Cannot expand the recurrence: ${span}.`);
  const earliest = Date.parse(CALENDAR_DATE_RANGE.min);
  const latest = Date.parse(CALENDAR_DATE_RANGE.max);
  if (span.utcStart.getTime() < earliest || span.utcStart.getTime() > latest)
    return invalidProperties(
      ['start'],
      `Events start between ${CALENDAR_DATE_RANGE.min} and ${CALENDAR_DATE_RANGE.max} (minDateTime, maxDateTime).`,
    );
  return {
    calendarIds,
    uid: event.uid,
    utcStart: span.utcStart,
    utcEnd: span.utcEnd,
    isDraft: wire.isDraft === true,
    data: document,
    document: event,
  };
}
