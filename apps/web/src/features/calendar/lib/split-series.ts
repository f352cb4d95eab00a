import type { CalendarEvent, PatchObject, RecurrenceRule } from '@colibri/jmap-types';
import { recreationOf } from './event-patches';
import { addToLocalDateTime, localDifferenceMs } from './time';

/**
 * The rules of a series cut just before the occurrence `recurrenceId` (RFC 8984 §4.3.3 `until`
 * is inclusive, in the event's zone, so one second before it). A `count` goes: every occurrence
 * before the cut is within the count, and until ends the series there exactly. An earlier until
 * is kept.
 */
export function rulesEndingBefore(rules: readonly RecurrenceRule[], recurrenceId: string): RecurrenceRule[] {
  const until = addToLocalDateTime(recurrenceId, 0, -1000);
  return rules.map((rule) => {
    const { count: _count, ...rest } = rule;
    return { ...rest, until: rule.until && rule.until < until ? rule.until : until };
  });
}

/** The overrides of a series split at `recurrenceId`: those before stay, those from it on move. */
function overridesSplit(
  overrides: CalendarEvent['recurrenceOverrides'],
  recurrenceId: string,
  shiftMs: number,
) {
  const before: Record<string, Record<string, unknown>> = {};
  const after: Record<string, Record<string, unknown>> = {};
  for (const [key, value] of Object.entries(overrides ?? {})) {
    if (key < recurrenceId) before[key] = value;
    // The new series' occurrences move with its start: their recurrence ids do too.
    else after[shiftMs ? addToLocalDateTime(key, 0, shiftMs) : key] = value;
  }
  const orNull = (o: Record<string, Record<string, unknown>>) => (Object.keys(o).length > 0 ? o : null);
  return { before: orNull(before), after: orNull(after) };
}

export interface SeriesSplit {
  /** The patch of the old series: its rules end before the occurrence. */
  oldPatch: PatchObject;
  /** The new series, from the occurrence on, with the edit applied (a new uid, set by the server). */
  created: Partial<CalendarEvent>;
}

/**
 * "This and following" (RFC 5545 §3.8.5.3 practice, as Google and Outlook do it): the series is
 * split at an occurrence. The old event ends just before it (until); a new event starts at the
 * occurrence as edited and carries the rest: the same rules (or the edited ones), with a count
 * reduced by the occurrences that stay behind (`occurrencesBefore`).
 */
export function splitSeries(
  master: CalendarEvent,
  occurrence: Pick<CalendarEvent, 'start' | 'recurrenceId'>,
  edited: Partial<CalendarEvent>,
  occurrencesBefore: number,
): SeriesSplit {
  const recurrenceId = occurrence.recurrenceId;
  const rules = master.recurrenceRules ?? [];
  if (!recurrenceId || rules.length === 0) throw new Error('Only an occurrence of a series can be split.');
  const start = edited.start ?? occurrence.start;
  const shiftMs = localDifferenceMs(recurrenceId, start);
  const overrides = overridesSplit(master.recurrenceOverrides, recurrenceId, shiftMs);
  const oldPatch: PatchObject = {
    recurrenceRules: rulesEndingBefore(rules, recurrenceId),
    recurrenceOverrides: overrides.before,
  };
  const newRules = (edited.recurrenceRules ?? rules).map((rule) =>
    rule.count === undefined ? rule : { ...rule, count: Math.max(1, rule.count - occurrencesBefore) },
  );
  const {
    uid: _uid,
    sequence: _sequence,
    created: _created,
    updated: _updated,
    ...base
  } = recreationOf(master);
  const created: Partial<CalendarEvent> = {
    ...base,
    ...edited,
    start,
    recurrenceId: null,
    recurrenceRules: newRules.length > 0 ? newRules : null,
    recurrenceOverrides: overrides.after,
  };
  return { oldPatch, created };
}
