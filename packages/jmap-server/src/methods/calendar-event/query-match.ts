import type { CalendarEvent } from '@colibri/jmap-types';
import type { EventCondition } from './query-args.js';

/** One result candidate: an event, or one occurrence of it, with its UTC span in milliseconds. */
export interface EventItem {
  id: string;
  calendarIds: readonly string[];
  event: CalendarEvent;
  utcStart: number;
  utcEnd: number;
  /** For an unexpanded recurring event: whether some occurrence overlaps [from, to). */
  overlaps(from: number, to: number): boolean;
}

/** i;unicode-casemap, as far as a substring match needs it: NFKD then lower case. */
const fold = (text: string) => text.normalize('NFKD').toLowerCase();
const contains = (values: readonly (string | undefined)[], needle: string) => {
  const folded = fold(needle);
  return values.some((value) => value !== undefined && fold(value).includes(folded));
};

function locationTexts(event: CalendarEvent): (string | undefined)[] {
  return [
    ...Object.values(event.locations ?? {}).flatMap((l) => [l.name, l.description]),
    ...Object.values(event.virtualLocations ?? {}).flatMap((l) => [l.name, l.description, l.uri]),
  ];
}

function participantTexts(event: CalendarEvent, role: 'owner' | 'attendee' | null): (string | undefined)[] {
  return Object.values(event.participants ?? {})
    .filter((p) => role === null || p.roles[role] === true)
    .flatMap((p) => [p.name, p.email, ...Object.values(p.sendTo ?? {})]);
}

/**
 * JMAP Calendars §5.11: an event matches a condition when every property of it does. after/before
 * are about the event's (or any occurrence's) span; text properties match substrings, ignoring
 * case; `text` looks in the title, description, locations and participants; uid is exact.
 */
export function matchesEventCondition(item: EventItem, condition: EventCondition): boolean {
  const { event } = item;
  if (
    condition.inCalendars !== undefined &&
    !condition.inCalendars.some((id) => item.calendarIds.includes(id))
  )
    return false;
  if (condition.after !== undefined || condition.before !== undefined) {
    const from = condition.after === undefined ? -Infinity : Date.parse(condition.after);
    const to = condition.before === undefined ? Infinity : Date.parse(condition.before);
    if (!item.overlaps(from, to)) return false;
  }
  if (condition.uid !== undefined && event.uid !== condition.uid) return false;
  if (condition.title !== undefined && !contains([event.title], condition.title)) return false;
  if (condition.description !== undefined && !contains([event.description], condition.description))
    return false;
  if (condition.location !== undefined && !contains(locationTexts(event), condition.location)) return false;
  if (condition.owner !== undefined && !contains(participantTexts(event, 'owner'), condition.owner))
    return false;
  if (condition.attendee !== undefined && !contains(participantTexts(event, 'attendee'), condition.attendee))
    return false;
  if (
    condition.text !== undefined &&
    !contains(
      [event.title, event.description, ...locationTexts(event), ...participantTexts(event, null)],
      condition.text,
    )
  )
    return false;
  return true;
}

/** A span overlaps [from, to) when it ends after `from` (a zero-length one: starts at or after it) and starts before `to`. */
export const spanOverlaps = (start: number, end: number, from: number, to: number): boolean =>
  start < to && (end > from || (end === start && start >= from));
