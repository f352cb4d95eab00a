/**
 * The occurrences of a JSCalendar event in a UTC range (RFC 8984 §4.3): rules are evaluated in the
 * event's time zone in wall-clock time, so a 09:00 weekly meeting stays at 09:00 local across DST
 * changes; each wall-clock time is then placed on the UTC line (RFC 5545 §3.3.5 gap/overlap rules).
 * The set is: start, plus every recurrenceRules occurrence, plus every override key (RFC 8984
 * §4.3.4: a key the rules do not produce adds an occurrence), minus excludedRecurrenceRules
 * occurrences and keys with `excluded: true`. Every loop is bounded (`maxInstances`, `maxIterations`).
 */
import {
  formatUtc,
  fromSeconds,
  localFromSeconds,
  parseDuration,
  parseLocal,
  toSeconds,
} from './date-time.js';
import type { IterationBudget } from './rule-iterator.js';
import { ruleOccurrences } from './rule-iterator.js';
import { isIanaZone, localToUtc, utcToLocal } from './time-zones.js';
import type { JSCalendarEvent, LocalDateTime, PatchObject, RecurrenceRule, Result } from './types.js';
import { fail, ok } from './types.js';

export interface ExpandOptions {
  /** At most this many occurrences are returned (default 10,000); more sets `truncated`. */
  maxInstances?: number;
  /** Rule periods (years, months, weeks, days, hours…) one expansion may visit (default 100,000). */
  maxIterations?: number;
  /** Zone for floating events (no timeZone, or showWithoutTime); default Etc/UTC. */
  floatingTimeZone?: string;
}

export interface Occurrence {
  /** The occurrence's id: its start as the rules give it, in the event's zone (RFC 8984 §4.3.1). */
  recurrenceId: LocalDateTime;
  /** Start and end instants after any override. */
  utcStart: string;
  utcEnd: string;
  /** Start in the occurrence's own zone after any override. */
  start: LocalDateTime;
  /** The override patch of this occurrence, when there is one. */
  patch?: PatchObject;
}

export interface Expansion {
  occurrences: Occurrence[];
  /** True when a limit stopped the expansion before the end of the range. */
  truncated: boolean;
}

export const EXPAND_LIMITS = { maxInstances: 10_000, maxIterations: 100_000 };

function toUtcSeconds(value: string | Date): number | undefined {
  const ms = value instanceof Date ? value.getTime() : Date.parse(value);
  return Number.isFinite(ms) ? Math.floor(ms / 1000) : undefined;
}

function untilSeconds(rule: RecurrenceRule): number | undefined {
  const f = rule.until ? parseLocal(rule.until) : undefined;
  return f ? toSeconds(f) : undefined;
}

/** An all-day event has no time of day: BYHOUR, BYMINUTE and BYSECOND mean nothing there. */
function dayRules(event: JSCalendarEvent, rules: RecurrenceRule[] | undefined): RecurrenceRule[] {
  if (!rules || !event.showWithoutTime) return rules ?? [];
  return rules.map(({ byHour: _h, byMinute: _m, bySecond: _s, ...rest }) => rest);
}

/**
 * Expands `event` into the occurrences that overlap [rangeStart, rangeEnd). Never throws: a
 * malformed start, zone or range is an error value; hostile rules end at the limits.
 */
export function expandOccurrences(
  event: JSCalendarEvent,
  rangeStart: string | Date,
  rangeEnd: string | Date,
  options: ExpandOptions = {},
): Result<Expansion> {
  const maxInstances = options.maxInstances ?? EXPAND_LIMITS.maxInstances;
  const budget: IterationBudget = {
    periods: options.maxIterations ?? EXPAND_LIMITS.maxIterations,
    exhausted: false,
  };
  const from = toUtcSeconds(rangeStart);
  const to = toUtcSeconds(rangeEnd);
  if (from === undefined || to === undefined)
    return fail('bad-value', 'range start or end is not a date-time');
  const startFields = parseLocal(event.start);
  if (!startFields)
    return fail('bad-value', `start "${String(event.start).slice(0, 40)}" is not a LocalDateTime`);
  const floating = event.showWithoutTime || !event.timeZone;
  const zone = floating ? (options.floatingTimeZone ?? 'Etc/UTC') : event.timeZone!;
  if (!isIanaZone(zone)) return fail('bad-value', `unknown time zone "${zone.slice(0, 60)}"`);
  const duration = parseDuration(event.duration ?? 'PT0S');
  if (duration === undefined)
    return fail('bad-value', `duration "${String(event.duration).slice(0, 40)}" is not valid`);

  // RFC 7529 calendars other than gregorian, and SKIP, are not implemented: say so rather than guess.
  for (const rule of [...(event.recurrenceRules ?? []), ...(event.excludedRecurrenceRules ?? [])]) {
    if (rule.rscale && rule.rscale !== 'gregorian')
      return fail('bad-value', `RSCALE ${rule.rscale} is not supported`);
    if (rule.skip && rule.skip !== 'omit')
      return fail('bad-value', `SKIP=${rule.skip.toUpperCase()} is not supported`);
  }
  const start = toSeconds(startFields);
  // Wall-clock window: the range widened by the duration and the largest offset change a zone has
  // made (Samoa skipped a whole day in 2011: 26 hours).
  const margin = 26 * 3600;
  const localFrom = utcToLocal(zone, from) - Math.max(duration, 0) - margin;
  const localTo = utcToLocal(zone, to) + margin;
  const overrides = event.recurrenceOverrides ?? {};

  const ids = new Set<number>();
  if (start >= localFrom && start <= localTo) ids.add(start);
  // Past this many occurrences after the range start, the rest cannot be in the answer.
  const inRangeFrom = utcToLocal(zone, from) + margin;
  for (const rule of dayRules(event, event.recurrenceRules)) {
    const until = untilSeconds(rule);
    const run = { start, from: localFrom, to: localTo, budget, ...(until === undefined ? {} : { until }) };
    let past = 0;
    for (const t of ruleOccurrences(rule, run, true)) {
      if (t >= localFrom) ids.add(t);
      if (t >= inRangeFrom && ++past > maxInstances) {
        budget.exhausted = true;
        break;
      }
    }
  }
  for (const rule of dayRules(event, event.excludedRecurrenceRules)) {
    const until = untilSeconds(rule);
    const run = { start, from: localFrom, to: localTo, budget, ...(until === undefined ? {} : { until }) };
    for (const t of ruleOccurrences(rule, run, false)) ids.delete(t);
  }
  const patched = new Map<number, PatchObject>();
  for (const [key, patch] of Object.entries(overrides)) {
    const f = parseLocal(key);
    if (!f) continue;
    const t = toSeconds(f);
    if (patch.excluded === true) ids.delete(t);
    else {
      ids.add(t); // RFC 8984 §4.3.4: also an occurrence when no rule makes it
      patched.set(t, patch);
    }
  }

  const occurrences: Occurrence[] = [];
  for (const id of [...ids].sort((a, b) => a - b)) {
    const occurrence = place(id, patched.get(id), zone, floating, duration, options);
    if (!occurrence) continue;
    const s = Date.parse(occurrence.utcStart) / 1000;
    const e = Date.parse(occurrence.utcEnd) / 1000;
    if (s < to && (e > from || (e === s && s >= from))) occurrences.push(occurrence);
  }
  occurrences.sort((a, b) => a.utcStart.localeCompare(b.utcStart));
  const truncated = budget.exhausted || occurrences.length > maxInstances;
  return ok({ occurrences: occurrences.slice(0, maxInstances), truncated });
}

/** One occurrence on the UTC line, with its override's start, zone and duration. */
function place(
  id: number,
  patch: PatchObject | undefined,
  zone: string,
  floating: boolean,
  duration: number,
  options: ExpandOptions,
): Occurrence | undefined {
  let local = id;
  let ownZone = zone;
  let length = duration;
  if (patch) {
    if (typeof patch.start === 'string') {
      const f = parseLocal(patch.start);
      if (f) local = toSeconds(f);
    }
    if (typeof patch.timeZone === 'string' && !floating && isIanaZone(patch.timeZone))
      ownZone = patch.timeZone;
    if (typeof patch.duration === 'string') length = parseDuration(patch.duration) ?? duration;
    if (patch.timeZone === null) ownZone = options.floatingTimeZone ?? 'Etc/UTC';
  }
  const utc = localToUtc(ownZone, local);
  // Whole days are nominal (same wall-clock time on the last day), the rest exact (RFC 5545 §3.3.6).
  const days = Math.floor(Math.max(0, length) / 86400) * 86400;
  const end = localToUtc(ownZone, local + days) + (Math.max(0, length) - days);
  const occurrence: Occurrence = {
    recurrenceId: localFromSeconds(id),
    utcStart: formatUtc(fromSeconds(utc)),
    utcEnd: formatUtc(fromSeconds(end)),
    start: localFromSeconds(local),
  };
  if (patch) occurrence.patch = patch;
  return occurrence;
}
