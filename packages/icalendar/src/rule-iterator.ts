/**
 * RFC 5545 §3.3.10 recurrence rules evaluated in wall-clock time ("local seconds", date-time.ts):
 * each period of the rule's frequency yields its candidate set (the days of the period that pass
 * every BYxxx filter, times the time set), BYSETPOS picks from it, and COUNT/UNTIL end the run.
 * Filtering a whole period is equivalent to the RFC's expand/limit table and cannot loop: every
 * period costs at most one year of days, and `maxPeriods` bounds how many periods a run may visit.
 */
import type { Fields } from './date-time.js';
import { daysInMonth, fromSeconds, isLeap, toSeconds, weekday } from './date-time.js';
import { DAYS } from './rrule.js';
import type { RecurrenceRule } from './types.js';

const DAY = 86400;
/** Rules run no later than this year (RFC 5545 years are 4 digits). */
export const LAST_YEAR = 9999;

export interface IterationBudget {
  /** Periods a run may still visit; when it reaches 0 the run stops and `exhausted` is set. */
  periods: number;
  exhausted: boolean;
}

interface Compiled {
  freq: RecurrenceRule['frequency'];
  interval: number;
  wkst: number;
  months?: Set<number>;
  weekNos?: number[];
  yearDays?: number[];
  monthDays?: number[];
  days?: { wd: number; nth?: number }[];
  hours: number[];
  minutes: number[];
  seconds: number[];
  setPos?: number[];
  count?: number;
  until?: number;
}

const sorted = (a: readonly number[]): number[] => [...new Set(a)].sort((x, y) => x - y);

function compile(rule: RecurrenceRule, start: Fields, until: number | undefined): Compiled {
  const c: Compiled = {
    freq: rule.frequency,
    interval: Math.max(1, Math.floor(rule.interval ?? 1)),
    wkst: DAYS.indexOf(rule.firstDayOfWeek ?? 'mo'),
    hours: [],
    minutes: [],
    seconds: [],
  };
  if (rule.byMonth?.length) c.months = new Set(rule.byMonth.map((m) => parseInt(m, 10)));
  if (rule.byWeekNo?.length) c.weekNos = rule.byWeekNo;
  if (rule.byYearDay?.length) c.yearDays = rule.byYearDay;
  if (rule.byMonthDay?.length) c.monthDays = rule.byMonthDay;
  if (rule.byDay?.length) c.days = rule.byDay.map((d) => ({ wd: DAYS.indexOf(d.day), nth: d.nthOfPeriod }));
  if (rule.bySetPosition?.length) c.setPos = rule.bySetPosition;
  if (rule.count !== undefined) c.count = rule.count;
  if (until !== undefined) c.until = until;
  // RFC 5545 §3.3.10: missing parts take their value from DTSTART (the dateutil reading).
  if (!c.weekNos && !c.yearDays && !c.monthDays && !c.days) {
    if (c.freq === 'yearly') {
      c.months ??= new Set([start.month]);
      c.monthDays = [start.day];
    } else if (c.freq === 'monthly') c.monthDays = [start.day];
    else if (c.freq === 'weekly') c.days = [{ wd: weekday(toSeconds(start)) }];
  } else if (c.weekNos && !c.yearDays && !c.monthDays && !c.days) {
    // BYWEEKNO alone keeps DTSTART's weekday (libical and CalendarServer read it so), not the whole week.
    c.days = [{ wd: weekday(toSeconds(start)) }];
  }
  const fine = (f: RecurrenceRule['frequency'], rank: number): boolean =>
    ['yearly', 'monthly', 'weekly', 'daily', 'hourly', 'minutely', 'secondly'].indexOf(f) >= rank;
  c.hours = rule.byHour?.length ? sorted(rule.byHour) : fine(c.freq, 4) ? [] : [start.hour];
  c.minutes = rule.byMinute?.length ? sorted(rule.byMinute) : fine(c.freq, 5) ? [] : [start.minute];
  c.seconds = rule.bySecond?.length
    ? sorted(rule.bySecond.map((s) => Math.min(s, 59)))
    : fine(c.freq, 6)
      ? []
      : [start.second];
  return c;
}

/** First day (epoch day) of week 1 of `year`: the week (from `wkst`) holding January 4th. */
function firstWeekStart(year: number, wkst: number): number {
  const jan4 = Date.UTC(year, 0, 4) / 1000 / DAY;
  return jan4 - ((weekday(jan4 * DAY) - wkst + 7) % 7);
}

/** The year that owns the week holding `day` (the year of that week's 4th day). */
function weekYear(day: number, wkst: number): number {
  const weekStart = day - ((weekday(day * DAY) - wkst + 7) % 7);
  return fromSeconds((weekStart + 3) * DAY).year;
}

function weekNoMatches(day: number, c: Compiled, weekNos: number[]): boolean {
  const weekStart = day - ((weekday(day * DAY) - c.wkst + 7) % 7);
  const owner = fromSeconds((weekStart + 3) * DAY).year;
  const first = firstWeekStart(owner, c.wkst);
  const weeks = (firstWeekStart(owner + 1, c.wkst) - first) / 7;
  const n = (weekStart - first) / 7 + 1;
  return weekNos.some((w) => w === n || weeks + 1 + w === n);
}

function dayMatches(day: number, c: Compiled): boolean {
  const f = fromSeconds(day * DAY);
  if (c.months && !c.months.has(f.month)) return false;
  if (c.weekNos && !weekNoMatches(day, c, c.weekNos)) return false;
  const mlen = daysInMonth(f.year, f.month);
  if (c.monthDays && !c.monthDays.some((v) => v === f.day || mlen + 1 + v === f.day)) return false;
  if (c.yearDays) {
    const yday = day - Date.UTC(f.year, 0, 1) / 1000 / DAY + 1;
    const ylen = isLeap(f.year) ? 366 : 365;
    if (!c.yearDays.some((v) => v === yday || ylen + 1 + v === yday)) return false;
  }
  if (c.days) {
    const wd = weekday(day * DAY);
    const inMonth = c.freq === 'monthly' || (c.freq === 'yearly' && c.months !== undefined);
    const ordinal = c.freq === 'monthly' || c.freq === 'yearly';
    let index: number;
    let length: number;
    if (inMonth) {
      index = f.day;
      length = mlen;
    } else {
      index = day - Date.UTC(f.year, 0, 1) / 1000 / DAY + 1;
      length = isLeap(f.year) ? 366 : 365;
    }
    const nth = Math.floor((index - 1) / 7) + 1;
    const nthFromEnd = -(Math.floor((length - index) / 7) + 1);
    if (
      !c.days.some(
        (d) => d.wd === wd && (!ordinal || d.nth === undefined || d.nth === nth || d.nth === nthFromEnd),
      )
    )
      return false;
  }
  return true;
}

/** The epoch days of the period that holds `anchorDay`, for YEARLY to WEEKLY rules. */
function periodDays(c: Compiled, anchorDay: number): number[] {
  const f = fromSeconds(anchorDay * DAY);
  const range = (from: number, to: number): number[] =>
    Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);
  const dayOf = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d) / 1000 / DAY;
  switch (c.freq) {
    case 'yearly':
      if (c.weekNos) return range(firstWeekStart(f.year, c.wkst), firstWeekStart(f.year + 1, c.wkst));
      if (c.months && !c.yearDays)
        return [...c.months]
          .sort((a, b) => a - b)
          .flatMap((m) => range(dayOf(f.year, m, 1), dayOf(f.year, m, 1) + daysInMonth(f.year, m)));
      return range(dayOf(f.year, 1, 1), dayOf(f.year + 1, 1, 1));
    case 'monthly':
      return range(dayOf(f.year, f.month, 1), dayOf(f.year, f.month, 1) + daysInMonth(f.year, f.month));
    case 'weekly': {
      const start = anchorDay - ((weekday(anchorDay * DAY) - c.wkst + 7) % 7);
      return range(start, start + 7);
    }
    default:
      return [anchorDay];
  }
}

function selectSetPos(candidates: number[], setPos: number[] | undefined): number[] {
  if (!setPos) return candidates;
  const picked = setPos
    .map((p) => (p > 0 ? candidates[p - 1] : candidates[candidates.length + p]))
    .filter((v): v is number => v !== undefined);
  return sorted(picked);
}

/** Advances the period anchor (local seconds) by `n` intervals of the rule. */
function advance(c: Compiled, anchor: number, n: number): number {
  const steps = n * c.interval;
  const f = fromSeconds(anchor);
  switch (c.freq) {
    case 'yearly':
      return Date.UTC(f.year + steps, 0, 1) / 1000;
    case 'monthly':
      return Date.UTC(f.year, f.month - 1 + steps, 1) / 1000;
    case 'weekly':
      return anchor + steps * 7 * DAY;
    case 'daily':
      return anchor + steps * DAY;
    case 'hourly':
      return anchor + steps * 3600;
    case 'minutely':
      return anchor + steps * 60;
    default:
      return anchor + steps;
  }
}

/** Length of one period in seconds for the fixed-length frequencies (months and years vary). */
const PERIOD: Partial<Record<RecurrenceRule['frequency'], number>> = {
  weekly: 7 * DAY,
  daily: DAY,
  hourly: 3600,
  minutely: 60,
  secondly: 1,
};

/** The period anchor at or before `target`, in whole intervals from `anchor` (never before it). */
function skipTo(c: Compiled, anchor: number, target: number): number {
  if (target <= anchor) return anchor;
  const a = fromSeconds(anchor);
  const t = fromSeconds(target);
  let periods: number;
  if (c.freq === 'yearly') periods = t.year - a.year;
  else if (c.freq === 'monthly') periods = (t.year - a.year) * 12 + (t.month - a.month);
  else periods = Math.floor((target - anchor) / PERIOD[c.freq]!);
  const n = Math.floor(periods / c.interval) - 1;
  return n > 0 ? advance(c, anchor, n) : anchor;
}

/** Candidates of one period, in order (local seconds). */
function periodCandidates(c: Compiled, anchor: number): number[] {
  const sub = c.freq === 'hourly' || c.freq === 'minutely' || c.freq === 'secondly';
  const anchorDay = Math.floor(anchor / DAY);
  // Sub-daily periods lie in one day, which the caller has already checked.
  const days = sub ? [anchorDay] : periodDays(c, anchorDay).filter((d) => dayMatches(d, c));
  if (days.length === 0) return [];
  let times: number[];
  if (sub) {
    const inDay = anchor - anchorDay * DAY;
    const f = { hour: Math.floor(inDay / 3600), minute: Math.floor((inDay % 3600) / 60), second: inDay % 60 };
    const pass = (list: number[], v: number): boolean => list.length === 0 || list.includes(v);
    const hours = pass(c.hours, f.hour) ? [f.hour] : [];
    const minutes = c.freq === 'hourly' ? c.minutes : pass(c.minutes, f.minute) ? [f.minute] : [];
    const seconds = c.freq === 'secondly' ? (pass(c.seconds, f.second) ? [f.second] : []) : c.seconds;
    times = hours.flatMap((h) => minutes.flatMap((m) => seconds.map((s) => h * 3600 + m * 60 + s)));
  } else {
    times = c.hours.flatMap((h) => c.minutes.flatMap((m) => c.seconds.map((s) => h * 3600 + m * 60 + s)));
  }
  const candidates = days.flatMap((d) => times.map((t) => d * DAY + t));
  return selectSetPos(candidates, c.setPos);
}

/** For sub-daily rules whose day fails the day filters: the first anchor of the next day. */
function nextDayAnchor(c: Compiled, anchor: number): number {
  const nextDay = (Math.floor(anchor / DAY) + 1) * DAY;
  const step = PERIOD[c.freq]! * c.interval;
  return anchor + Math.ceil((nextDay - anchor) / step) * step;
}

export interface RuleRun {
  /** Local seconds of DTSTART. */
  start: number;
  /** Skip ahead to periods near this local time when the rule has no COUNT. */
  from?: number;
  /** Stop after this local time. */
  to: number;
  /** UNTIL in local seconds (inclusive). */
  until?: number;
  budget: IterationBudget;
}

/**
 * Yields the occurrences of `rule` (local seconds, ascending, none before DTSTART). DTSTART itself
 * is not forced in: RFC 8984 §4.3.3 adds it in the expansion (expand.ts), and COUNT counts it then.
 */
export function* ruleOccurrences(rule: RecurrenceRule, run: RuleRun, countStart: boolean): Generator<number> {
  const startFields = fromSeconds(run.start);
  const c = compile(rule, startFields, run.until);
  const sub = c.freq === 'hourly' || c.freq === 'minutely' || c.freq === 'secondly';
  let anchor = sub ? run.start : Math.floor(run.start / DAY) * DAY;
  // With BYWEEKNO, a YEARLY rule's years are week-years: DTSTART 2010-01-02 is in 2009's week 53,
  // so INTERVAL counts from 2009 (libical, RFC 5545 §3.3.10 week numbering).
  if (c.freq === 'yearly' && c.weekNos)
    anchor = Date.UTC(weekYear(Math.floor(run.start / DAY), c.wkst), 0, 1) / 1000;
  if (c.count === undefined && run.from !== undefined) anchor = skipTo(c, anchor, run.from);
  let emitted = countStart ? 1 : 0;
  let checkedDay = NaN;
  let dayOk = false;
  const limit = Math.min(run.to, c.until ?? Infinity, Date.UTC(LAST_YEAR, 11, 31, 23, 59, 59) / 1000);
  while (anchor <= limit) {
    if (run.budget.periods <= 0) {
      run.budget.exhausted = true;
      return;
    }
    run.budget.periods -= 1;
    const day = Math.floor(anchor / DAY);
    if (sub && day !== checkedDay) {
      checkedDay = day;
      dayOk = dayMatches(day, c);
    }
    if (sub && !dayOk) {
      anchor = nextDayAnchor(c, anchor);
      continue;
    }
    for (const t of periodCandidates(c, anchor)) {
      if (t < run.start || (countStart && t === run.start)) continue;
      if (t > limit) return;
      if (c.count !== undefined && emitted >= c.count) return;
      emitted += 1;
      yield t;
    }
    if (c.count !== undefined && emitted >= c.count) return;
    anchor = advance(c, anchor, 1);
  }
}
