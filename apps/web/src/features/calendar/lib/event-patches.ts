import type { PatchObject, CalendarEvent } from '@colibri/jmap-types';
import { addToLocalDateTime, localDifferenceMs } from './time';

/** Properties that a recurrence override may change (RFC 8984 §4.3.5; draft §5: not isDraft). */
const OVERRIDABLE = [
  'title',
  'description',
  'start',
  'duration',
  'timeZone',
  'showWithoutTime',
  'locations',
  'virtualLocations',
  'participants',
  'status',
] as const;

/** RFC 8984 defaults: a missing property and its default are the same value, not a change. */
const DEFAULTS: Partial<Record<(typeof OVERRIDABLE)[number], unknown>> = {
  title: '',
  description: '',
  showWithoutTime: false,
  status: 'confirmed',
};

const valueOf = (event: Partial<CalendarEvent>, key: (typeof OVERRIDABLE)[number]) =>
  event[key] ?? DEFAULTS[key] ?? null;

/** RFC 6901: a JSON Pointer segment ("/" and "~" escaped), for PatchObject paths (RFC 8620 §5.3). */
export const pointerSegment = (key: string) => key.replaceAll('~', '~0').replaceAll('/', '~1');

/** What differs between an occurrence as it is and as edited: the override's patch. */
export function overridePatchOf(
  occurrence: Partial<CalendarEvent>,
  edited: Partial<CalendarEvent>,
): PatchObject {
  const patch: PatchObject = {};
  for (const key of OVERRIDABLE) {
    if (!(key in edited)) continue;
    const before = valueOf(occurrence, key);
    const after = valueOf(edited, key);
    if (JSON.stringify(before) !== JSON.stringify(after)) patch[key] = after;
  }
  return patch;
}

/**
 * The CalendarEvent/set patch of a base event that writes the override of one occurrence
 * (RFC 8984 §4.3.5). The override is sent whole (draft §5.6 "Patching": a path inside it could
 * not add a property whose value is null), merged with what was already overridden unless
 * `replace` (an exclusion replaces everything).
 */
export function occurrenceUpdate(
  master: Pick<CalendarEvent, 'recurrenceOverrides'>,
  recurrenceId: string,
  override: PatchObject,
  replace = false,
): PatchObject {
  const overrides = master.recurrenceOverrides;
  if (!overrides) return { recurrenceOverrides: { [recurrenceId]: override } };
  const existing = overrides[recurrenceId];
  const value = existing && !replace ? { ...existing, ...override } : override;
  return { [`recurrenceOverrides/${pointerSegment(recurrenceId)}`]: value };
}

/** The patch that puts an occurrence's override back as it was before `occurrenceUpdate`. */
export function occurrenceRestore(
  master: Pick<CalendarEvent, 'recurrenceOverrides'>,
  recurrenceId: string,
): PatchObject {
  const overrides = master.recurrenceOverrides;
  if (!overrides) return { recurrenceOverrides: null };
  return { [`recurrenceOverrides/${pointerSegment(recurrenceId)}`]: overrides[recurrenceId] ?? null };
}

/**
 * The patch of a base event for an edit of all occurrences made from one of them: a change of
 * the occurrence's start moves the series by the same wall-clock amount, so editing Thursday's
 * 10:00 to 11:00 moves every occurrence to 11:00 and keeps the series' first day.
 */
export function seriesUpdate(
  master: Pick<CalendarEvent, 'start'>,
  occurrence: Pick<CalendarEvent, 'start'>,
  edited: Partial<CalendarEvent>,
): PatchObject {
  const patch: PatchObject = { ...edited };
  if (edited.start !== undefined) {
    const shift = localDifferenceMs(occurrence.start, edited.start);
    patch.start = addToLocalDateTime(master.start, 0, shift);
  }
  return patch;
}

/** Server-set or computed properties that a create must not carry (draft §5). */
const NOT_CREATABLE = ['id', 'baseEventId', 'isOrigin', 'utcStart', 'utcEnd'] as const;

/** A stored event as a create, to put a deleted event back (same uid: the same event to others). */
export function recreationOf(event: Partial<CalendarEvent>): Partial<CalendarEvent> {
  const copy: Partial<CalendarEvent> = { ...event };
  for (const key of NOT_CREATABLE) delete copy[key];
  return copy;
}
