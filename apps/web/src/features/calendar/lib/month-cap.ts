/*
 * The month view shows a few events per day and a "+k more" link for the rest (issue 6): FullCalendar
 * builds and measures an element for every event it is given, even those its own dayMaxEvents hides,
 * so the month view is given only the events a day cell can show.
 */

/** The events a month day cell shows; the rest are behind the "+k more" link. */
export const MONTH_DAY_MAX_EVENTS = 3;

/** What the selection needs of a FullCalendar input (EventInput's start/end as the app builds them). */
export interface CappableEvent {
  allDay?: boolean;
  /** All-day: "YYYY-MM-DD"; timed: an ISO instant (shown in the browser's zone) or a Date. */
  start?: unknown;
  /** All-day: the day after the last ("YYYY-MM-DD", exclusive); timed: an instant; may be absent. */
  end?: unknown;
  title?: string;
}

export interface MonthCap<E> {
  /** The events to give FullCalendar, in their original order. */
  shown: E[];
  /** Per local day ("YYYY-MM-DD"), how many events covering it are not shown. */
  hidden: Map<string, number>;
}

const pad = (n: number) => String(n).padStart(2, '0');
/** The local date of an instant, "YYYY-MM-DD": how the result's days are keyed. */
export const dayKey = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

/** A local date "YYYY-MM-DD" as the local midnight that starts it; null when it is not one. */
function localMidnight(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!match) return null;
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

function instant(value: unknown): Date | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value !== 'string') return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

interface Span {
  index: number;
  start: number;
  duration: number;
  allDay: number;
  title: string;
  days: string[];
}

/**
 * The local days an event covers, as FullCalendar's day grid draws it (timeZone "local",
 * nextDayThreshold 00:00): an all-day event its dates (end exclusive); a timed one every day from
 * its start's to the one holding its last millisecond. Days step by calendar date, so a DST day
 * (23 or 25 hours) counts once.
 */
function spanOf(event: CappableEvent, index: number): Span | null {
  const allDay = event.allDay === true;
  const start = allDay
    ? typeof event.start === 'string'
      ? localMidnight(event.start)
      : null
    : instant(event.start);
  if (!start) return null;
  let end = allDay ? (typeof event.end === 'string' ? localMidnight(event.end) : null) : instant(event.end);
  if (!end || end.getTime() <= start.getTime())
    end = allDay ? new Date(start.getFullYear(), start.getMonth(), start.getDate() + 1) : start;
  // The day of the last millisecond (a zero-length timed event: its start's).
  const lastKey = dayKey(end.getTime() > start.getTime() ? new Date(end.getTime() - 1) : start);
  const days: string[] = [];
  // At most a year of days per event: a bad end must not make the loop run away.
  for (let day = new Date(start.getFullYear(), start.getMonth(), start.getDate()), n = 0; n < 366; n++) {
    const key = dayKey(day);
    days.push(key);
    if (key >= lastKey) break;
    day = new Date(day.getFullYear(), day.getMonth(), day.getDate() + 1);
  }
  return {
    index,
    start: start.getTime(),
    duration: end.getTime() - start.getTime(),
    allDay: allDay ? 1 : 0,
    title: event.title ?? '',
    days,
  };
}

/** FullCalendar's default eventOrder, "start,-duration,allDay,title"; ties keep the input order. */
function fullCalendarOrder(a: Span, b: Span): number {
  return (
    a.start - b.start ||
    b.duration - a.duration ||
    a.allDay - b.allDay ||
    (a.title < b.title ? -1 : a.title > b.title ? 1 : 0) ||
    a.index - b.index
  );
}

/**
 * The events of a month grid that its day cells show, at most `max` per day: events are taken in
 * FullCalendar's order (so multi-day and all-day events, which start earlier, come first) and an
 * event is shown when every day it covers still has room, so a multi-day event keeps its whole
 * span and counts in each of its days. Every other event counts as hidden in each day it covers.
 * Events without a usable start are passed through (FullCalendar ignores them).
 */
export function capMonthEvents<E extends CappableEvent>(events: readonly E[], max: number): MonthCap<E> {
  if (!Number.isInteger(max) || max < 1) throw new RangeError(`max must be a positive integer, not ${max}`);
  const spans: Span[] = [];
  const keep = new Array<boolean>(events.length).fill(false);
  events.forEach((event, index) => {
    const span = spanOf(event, index);
    if (span) spans.push(span);
    else keep[index] = true;
  });
  spans.sort(fullCalendarOrder);
  const used = new Map<string, number>();
  const hidden = new Map<string, number>();
  for (const span of spans) {
    if (span.days.every((day) => (used.get(day) ?? 0) < max)) {
      keep[span.index] = true;
      for (const day of span.days) used.set(day, (used.get(day) ?? 0) + 1);
    } else {
      for (const day of span.days) hidden.set(day, (hidden.get(day) ?? 0) + 1);
    }
  }
  return { shown: events.filter((_, index) => keep[index]), hidden };
}
