/**
 * VTIMEZONE (RFC 5545 §3.6.5) for an IANA zone, from the platform's tz database. When the
 * zone's changes in the first year follow a yearly "nth weekday of month" pattern that the next
 * years keep, each observance gets a yearly RRULE; otherwise the changes of the years the event
 * needs are listed one by one.
 */
import { daysInMonth, formatIcal, fromSeconds, weekday } from './date-time.js';
import { DAYS } from './rrule.js';
import type { Transition } from './time-zones.js';
import { offsetAt, transitions } from './time-zones.js';

const YEAR = 365.25 * 86400;
/** Years after the first one checked for the same pattern, and listed when there is none. */
const CHECKED_YEARS = 4;

function formatOffset(seconds: number): string {
  const sign = seconds < 0 ? '-' : '+';
  const abs = Math.abs(seconds);
  const h = String(Math.floor(abs / 3600)).padStart(2, '0');
  const m = String(Math.floor((abs % 3600) / 60)).padStart(2, '0');
  const s = abs % 60;
  return `${sign}${h}${m}${s ? String(s).padStart(2, '0') : ''}`;
}

interface Pattern {
  month: number;
  byDay: string;
  time: string;
}

function patternOf(t: Transition): Pattern {
  const local = t.utc + t.from;
  const f = fromSeconds(local);
  const last = f.day + 7 > daysInMonth(f.year, f.month);
  const nth = last ? -1 : Math.ceil(f.day / 7);
  return {
    month: f.month,
    byDay: `${nth}${DAYS[weekday(local)]!.toUpperCase()}`,
    time: formatIcal(f, 'local').slice(8),
  };
}

const same = (a: Pattern, b: Pattern): boolean =>
  a.month === b.month && a.byDay === b.byDay && a.time === b.time;

function observance(t: Transition, rrule: string | undefined): string[] {
  const kind = t.to > t.from ? 'DAYLIGHT' : 'STANDARD';
  return [
    `BEGIN:${kind}`,
    `DTSTART:${formatIcal(fromSeconds(t.utc + t.from), 'local')}`,
    `TZOFFSETFROM:${formatOffset(t.from)}`,
    `TZOFFSETTO:${formatOffset(t.to)}`,
    ...(rrule ? [`RRULE:${rrule}`] : []),
    `END:${kind}`,
  ];
}

/** The lines of a VTIMEZONE for `zone`, valid from `year` on. */
export function vtimezoneLines(zone: string, year: number): string[] {
  const from = Date.UTC(year, 0, 1) / 1000;
  const first = transitions(zone, from, from + YEAR);
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone}`];
  if (first.length === 0) {
    const offset = offsetAt(zone, from);
    lines.push(
      ...observance({ utc: Date.UTC(1970, 0, 1) / 1000 - offset, from: offset, to: offset }, undefined),
    );
    return [...lines, 'END:VTIMEZONE'];
  }
  const later = transitions(zone, from + YEAR, from + (1 + CHECKED_YEARS) * YEAR);
  const patterns = first.map(patternOf);
  const yearly =
    first.length === 2 &&
    later.length === 2 * CHECKED_YEARS &&
    later.every((t, i) => same(patternOf(t), patterns[i % 2]!) && t.to === first[i % 2]!.to);
  if (yearly) {
    first.forEach((t, i) =>
      lines.push(...observance(t, `FREQ=YEARLY;BYMONTH=${patterns[i]!.month};BYDAY=${patterns[i]!.byDay}`)),
    );
  } else {
    for (const t of [...first, ...later]) lines.push(...observance(t, undefined));
  }
  return [...lines, 'END:VTIMEZONE'];
}
