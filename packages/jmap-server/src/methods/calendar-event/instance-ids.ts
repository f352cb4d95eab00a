import type { CalendarEventId } from '@colibri/mail-store';
import { toCalendarEventId } from '../shared/ids.js';

/*
 * JMAP Calendars §5.11: CalendarEvent/query with expandRecurrences returns an id per occurrence;
 * CalendarEvent/get accepts those ids. Ours are the recurring event's id, `_`, and the
 * occurrence's recurrenceId in basic form (`V…_20260330T090000`): valid JMAP Ids that say
 * which occurrence they name, so nothing needs to be stored for them.
 */

export function instanceId(baseId: string, recurrenceId: string): string {
  return `${baseId}_${recurrenceId.replace(/[-:]/g, '')}`;
}

/** The base event and recurrenceId an occurrence id names, or null when it is no occurrence id. */
export function parseInstanceId(id: string): { baseId: CalendarEventId; recurrenceId: string } | null {
  const match = /^(.+)_(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})$/.exec(id);
  if (!match) return null;
  const baseId = toCalendarEventId(match[1]!);
  if (baseId === null) return null;
  const [, , y, mo, d, h, mi, s] = match;
  return { baseId, recurrenceId: `${y}-${mo}-${d}T${h}:${mi}:${s}` };
}
