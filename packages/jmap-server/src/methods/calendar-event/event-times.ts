import { expandOccurrences, localToUtc, parseDuration } from '@colibri/icalendar';
import type { JSCalendarEvent } from '@colibri/icalendar';
import { CALENDAR_DATE_RANGE } from '../calendar/capability.js';

/** RFC 8984 §4.7.1: floating times (no zone, or showWithoutTime) are in the viewer's zone. */
export function zoneOf(event: JSCalendarEvent, floatingZone: string): string {
  return event.showWithoutTime === true || !event.timeZone ? floatingZone : event.timeZone;
}

/** The store's seconds convention for wall-clock times: the LocalDateTime read as if it were UTC. */
export const localSeconds = (local: string): number => Date.parse(`${local}Z`) / 1000;

/**
 * The first instance's UTC span (RFC 8984 §5.1.1-2): whole days of the duration are nominal (same
 * wall-clock time), the rest exact, as RFC 5545 §3.3.6 says and `expandOccurrences` does.
 */
export function firstSpan(event: JSCalendarEvent, floatingZone: string): { utcStart: Date; utcEnd: Date } {
  const zone = zoneOf(event, floatingZone);
  const local = localSeconds(event.start);
  const length = Math.max(0, parseDuration(event.duration ?? 'PT0S') ?? 0);
  const days = Math.floor(length / 86400) * 86400;
  const start = localToUtc(zone, local);
  const end = localToUtc(zone, local + days) + (length - days);
  return { utcStart: new Date(start * 1000), utcEnd: new Date(end * 1000) };
}

export function isRecurring(event: JSCalendarEvent): boolean {
  return (event.recurrenceRules ?? []).length > 0 || Object.keys(event.recurrenceOverrides ?? {}).length > 0;
}

/** Floating events are stored with a span wide enough for any viewer's zone (UTC-12 to UTC+14). */
const FLOATING_MARGIN_MS = 14 * 3600 * 1000;
/** How far past the start an unbounded series is expanded to find its earliest occurrence. */
const OPEN_LOOKAHEAD_MS = 400 * 86400 * 1000;

/**
 * The UTC span of the whole series, for the store's range columns: from the earliest occurrence
 * to the end of the last, or an open end (null) when a rule has neither count nor until, or the
 * expansion reached its limits. A string when the rules cannot be expanded (the reason).
 */
export function seriesSpan(event: JSCalendarEvent): { utcStart: Date; utcEnd: Date | null } | string {
  const floating = event.showWithoutTime === true || !event.timeZone;
  const first = firstSpan(event, 'Etc/UTC');
  let start = first.utcStart.getTime();
  let end: number | null = first.utcEnd.getTime();
  if (isRecurring(event)) {
    const open = (event.recurrenceRules ?? []).some(
      (rule) => rule.count === undefined && rule.until === undefined,
    );
    const rangeEnd = open ? new Date(start + OPEN_LOOKAHEAD_MS) : new Date(CALENDAR_DATE_RANGE.max);
    const expanded = expandOccurrences(event, CALENDAR_DATE_RANGE.min, rangeEnd);
    if (!expanded.ok) return expanded.error.reason;
    const { occurrences, truncated } = expanded.value;
    for (const occurrence of occurrences) start = Math.min(start, Date.parse(occurrence.utcStart));
    if (open || truncated) end = null;
    else for (const occurrence of occurrences) end = Math.max(end, Date.parse(occurrence.utcEnd));
  }
  return floating
    ? {
        utcStart: new Date(start - FLOATING_MARGIN_MS),
        utcEnd: end === null ? null : new Date(end + FLOATING_MARGIN_MS),
      }
    : { utcStart: new Date(start), utcEnd: end === null ? null : new Date(end) };
}
