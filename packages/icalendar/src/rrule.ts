/**
 * RFC 5545 §3.3.10 RECUR values <-> RFC 8984 §4.3.3 RecurrenceRule. UNTIL is converted by the
 * caller, which knows the event's zone: here it stays iCalendar text (`untilText`).
 */
import type { DayOfWeek, Frequency, NDay, RecurrenceRule, Result } from './types.js';
import { fail, ok } from './types.js';

const FREQUENCIES: readonly Frequency[] = [
  'yearly',
  'monthly',
  'weekly',
  'daily',
  'hourly',
  'minutely',
  'secondly',
];
export const DAYS: readonly DayOfWeek[] = ['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su'];
/** A BYxxx list longer than this is refused: no real rule needs more than 366 values. */
const MAX_LIST = 400;

export interface ParsedRule {
  rule: RecurrenceRule;
  /** UNTIL as written (`19971224T000000Z`, `19971224`), for the caller to place in the event's zone. */
  untilText?: string;
}

function intList(text: string, min: number, max: number, allowZero = false): number[] | undefined {
  const values = text.split(',');
  if (values.length > MAX_LIST) return undefined;
  const out: number[] = [];
  for (const v of values) {
    if (!/^[+-]?\d{1,3}$/.test(v)) return undefined;
    const n = Number(v);
    if (n < min || n > max || (!allowZero && n === 0)) return undefined;
    out.push(n);
  }
  return out;
}

/** Parses an RRULE/EXRULE value; unknown parts (X-…) are ignored, malformed ones refused. */
export function parseRRule(text: string): Result<ParsedRule> {
  if (text.length > 4000) return fail('bad-value', 'RRULE longer than 4000 characters');
  const rule: Partial<RecurrenceRule> = {};
  let untilText: string | undefined;
  for (const part of text.trim().split(';')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    if (eq < 1) return fail('bad-value', `RRULE part "${part.slice(0, 40)}" has no value`);
    const name = part.slice(0, eq).toUpperCase();
    const value = part.slice(eq + 1).toUpperCase();
    const bad = (): Result<never> => fail('bad-value', `RRULE ${name}=${value.slice(0, 40)} is not valid`);
    let list: number[] | undefined;
    switch (name) {
      case 'FREQ': {
        const f = value.toLowerCase() as Frequency;
        if (!FREQUENCIES.includes(f)) return bad();
        rule.frequency = f;
        break;
      }
      case 'INTERVAL':
        if (!/^\d{1,6}$/.test(value) || Number(value) < 1) return bad();
        rule.interval = Number(value);
        break;
      case 'COUNT':
        if (!/^\d{1,9}$/.test(value) || Number(value) < 1) return bad();
        rule.count = Number(value);
        break;
      case 'UNTIL':
        if (!/^\d{8}(T\d{6}Z?)?$/.test(value)) return bad();
        untilText = value;
        break;
      case 'WKST': {
        const d = value.toLowerCase() as DayOfWeek;
        if (!DAYS.includes(d)) return bad();
        rule.firstDayOfWeek = d;
        break;
      }
      case 'BYDAY': {
        const days: NDay[] = [];
        for (const v of value.split(',').slice(0, MAX_LIST + 1)) {
          const m = /^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$/.exec(v);
          if (!m) return bad();
          const n = m[1] === undefined ? undefined : Number(m[1]);
          if (n !== undefined && (n === 0 || Math.abs(n) > 53)) return bad();
          days.push(
            n === undefined
              ? { day: m[2]!.toLowerCase() as DayOfWeek }
              : { day: m[2]!.toLowerCase() as DayOfWeek, nthOfPeriod: n },
          );
        }
        if (days.length > MAX_LIST) return bad();
        rule.byDay = days;
        break;
      }
      case 'BYMONTHDAY':
        if (!(list = intList(value, -31, 31))) return bad();
        rule.byMonthDay = list;
        break;
      case 'BYYEARDAY':
        if (!(list = intList(value, -366, 366))) return bad();
        rule.byYearDay = list;
        break;
      case 'BYWEEKNO':
        if (!(list = intList(value, -53, 53))) return bad();
        rule.byWeekNo = list;
        break;
      case 'BYMONTH':
        if (!(list = intList(value, 1, 12))) return bad();
        rule.byMonth = list.map(String);
        break;
      case 'BYHOUR':
        if (!(list = intList(value, 0, 23, true))) return bad();
        rule.byHour = list;
        break;
      case 'BYMINUTE':
        if (!(list = intList(value, 0, 59, true))) return bad();
        rule.byMinute = list;
        break;
      case 'BYSECOND':
        if (!(list = intList(value, 0, 60, true))) return bad();
        rule.bySecond = list;
        break;
      case 'BYSETPOS':
        if (!(list = intList(value, -366, 366))) return bad();
        rule.bySetPosition = list;
        break;
      case 'RSCALE':
        rule.rscale = value.toLowerCase();
        break;
      case 'SKIP':
        if (!['OMIT', 'BACKWARD', 'FORWARD'].includes(value)) return bad();
        rule.skip = value.toLowerCase() as RecurrenceRule['skip'];
        break;
      default:
        break; // X- and future parts: ignored (RFC 5545 §3.3.10 x-name)
    }
  }
  if (!rule.frequency) return fail('bad-value', 'RRULE without FREQ');
  if (rule.count !== undefined && untilText !== undefined)
    return fail('bad-value', 'RRULE with both COUNT and UNTIL');
  return ok({ rule: rule as RecurrenceRule, ...(untilText === undefined ? {} : { untilText }) });
}

const nums = (a: readonly number[]): string => a.join(',');

/** RecurrenceRule -> RRULE value; `untilText` is UNTIL already in iCalendar form. */
export function formatRRule(rule: RecurrenceRule, untilText?: string): string {
  const parts = [`FREQ=${rule.frequency.toUpperCase()}`];
  if (rule.rscale && rule.rscale !== 'gregorian') parts.unshift(`RSCALE=${rule.rscale.toUpperCase()}`);
  if (rule.skip && rule.skip !== 'omit') parts.push(`SKIP=${rule.skip.toUpperCase()}`);
  if (rule.interval && rule.interval !== 1) parts.push(`INTERVAL=${rule.interval}`);
  if (untilText) parts.push(`UNTIL=${untilText}`);
  if (rule.count !== undefined) parts.push(`COUNT=${rule.count}`);
  if (rule.bySecond?.length) parts.push(`BYSECOND=${nums(rule.bySecond)}`);
  if (rule.byMinute?.length) parts.push(`BYMINUTE=${nums(rule.byMinute)}`);
  if (rule.byHour?.length) parts.push(`BYHOUR=${nums(rule.byHour)}`);
  if (rule.byDay?.length)
    parts.push(`BYDAY=${rule.byDay.map((d) => `${d.nthOfPeriod ?? ''}${d.day.toUpperCase()}`).join(',')}`);
  if (rule.byMonthDay?.length) parts.push(`BYMONTHDAY=${nums(rule.byMonthDay)}`);
  if (rule.byYearDay?.length) parts.push(`BYYEARDAY=${nums(rule.byYearDay)}`);
  if (rule.byWeekNo?.length) parts.push(`BYWEEKNO=${nums(rule.byWeekNo)}`);
  if (rule.byMonth?.length) parts.push(`BYMONTH=${rule.byMonth.join(',')}`);
  if (rule.bySetPosition?.length) parts.push(`BYSETPOS=${nums(rule.bySetPosition)}`);
  if (rule.firstDayOfWeek && rule.firstDayOfWeek !== 'mo')
    parts.push(`WKST=${rule.firstDayOfWeek.toUpperCase()}`);
  return parts.join(';');
}
