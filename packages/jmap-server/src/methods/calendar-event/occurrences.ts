import { applyPatch, expandOccurrences, localToUtc } from '@colibri/icalendar';
import type { JSCalendarEvent, Occurrence } from '@colibri/icalendar';
import type { CalendarEvent } from '@colibri/jmap-types';
import type { CalendarEventRecord } from '@colibri/mail-store';
import { instanceId } from './instance-ids.js';
import { localSeconds, zoneOf } from './event-times.js';
import { documentOf, eventToWire } from './to-wire.js';

/** The series properties an occurrence does not carry (RFC 8984 §4.3.5, JMAP Calendars §5.11). */
const SERIES_ONLY = ['recurrenceRules', 'excludedRecurrenceRules', 'recurrenceOverrides'] as const;

/**
 * One occurrence of a recurring event as its own CalendarEvent (JMAP Calendars §5.11): the base
 * event with the occurrence's override patch applied, `recurrenceId` set, the series properties
 * removed, `baseEventId` naming the base, its id from `instanceId`.
 */
export function occurrenceToWire(
  record: CalendarEventRecord,
  occurrence: Pick<Occurrence, 'recurrenceId' | 'patch'>,
): CalendarEvent {
  const base = eventToWire(record) as unknown as Record<string, unknown>;
  for (const property of SERIES_ONLY) delete base[property];
  const patched = occurrence.patch
    ? (applyPatch(base as unknown as JSCalendarEvent, occurrence.patch) as unknown as Record<string, unknown>)
    : base;
  const event = documentOf(record);
  return {
    ...(patched as unknown as CalendarEvent),
    start:
      typeof patched.start === 'string' && occurrence.patch?.start !== undefined
        ? patched.start
        : occurrence.recurrenceId,
    id: instanceId(record.id, occurrence.recurrenceId),
    baseEventId: record.id,
    recurrenceId: occurrence.recurrenceId,
    recurrenceIdTimeZone: event.timeZone ?? null,
  };
}

/**
 * The occurrence of `record` whose recurrenceId is `recurrenceId`, or null when the series has no
 * such occurrence (not produced by its rules, or excluded). An override key is an occurrence
 * wherever its patch moved it (RFC 8984 §4.3.4); others are looked for around their own time.
 */
export function findOccurrence(
  record: CalendarEventRecord,
  recurrenceId: string,
  floatingZone: string,
): CalendarEvent | null {
  const event = documentOf(record);
  const patch = event.recurrenceOverrides?.[recurrenceId];
  if (patch !== undefined)
    return patch.excluded === true ? null : occurrenceToWire(record, { recurrenceId, patch });
  if ((event.recurrenceRules ?? []).length === 0) return null;
  const at = localToUtc(zoneOf(event, floatingZone), localSeconds(recurrenceId)) * 1000;
  const day = 86400 * 1000;
  const expanded = expandOccurrences(event, new Date(at - 2 * day), new Date(at + 2 * day), {
    floatingTimeZone: floatingZone,
  });
  if (!expanded.ok) return null;
  const found = expanded.value.occurrences.find((o) => o.recurrenceId === recurrenceId);
  return found ? occurrenceToWire(record, found) : null;
}
