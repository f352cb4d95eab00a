import type { Interval } from './availability';
import { dateIn, shiftDate, wholeDay } from './availability';
import type { EventDraft } from './event-draft';
import { localDateTimeToInstant, localDifferenceMs, toLocalDateTime } from './time';

/**
 * The instants a draft covers, for the find-a-time grid: timed, start to end in its zone; all
 * day, from the first day's midnight to the end of the last day (and how many days). Null while
 * the form holds something that is not a time, or an end before the start.
 */
export function draftSlot(draft: EventDraft): { slot: Interval; days: number } | null {
  if (draft.allDay) {
    const first = draft.start.slice(0, 10);
    const last = draft.end.slice(0, 10);
    const days = Math.round(localDifferenceMs(`${first}T00:00:00`, `${last}T00:00:00`) / 86_400_000) + 1;
    const start = wholeDay(first, draft.timeZone).start;
    const end = wholeDay(last, draft.timeZone).end;
    return Number.isFinite(start) && Number.isFinite(end) && days >= 1
      ? { slot: { start, end }, days }
      : null;
  }
  const start = localDateTimeToInstant(`${draft.start}:00`.slice(0, 19), draft.timeZone)?.getTime();
  const end = localDateTimeToInstant(`${draft.end}:00`.slice(0, 19), draft.timeZone)?.getTime();
  if (start === undefined || end === undefined || !(end > start)) return null;
  return { slot: { start, end }, days: 1 };
}

/** The start and end fields of a draft moved to a slot (same length; all day: same number of days). */
export function draftWithSlot(draft: EventDraft, slot: Interval): Pick<EventDraft, 'start' | 'end'> {
  if (draft.allDay) {
    const days = draftSlot(draft)?.days ?? 1;
    const first = dateIn(slot.start, draft.timeZone);
    return { start: first, end: shiftDate(first, days - 1) };
  }
  return {
    start: toLocalDateTime(new Date(slot.start), draft.timeZone).slice(0, 16),
    end: toLocalDateTime(new Date(slot.end), draft.timeZone).slice(0, 16),
  };
}
