import type { NDay, RecurrenceRule } from '@colibri/jmap-types';

/** What the editor's "Repeat" offers (RFC 8984 §4.3.3, the common subset calendars show). */
export type RepeatKind = 'none' | 'daily' | 'weekly' | 'monthly' | 'yearly';
export type RepeatEnd = 'never' | 'until' | 'count';

export interface RepeatDraft {
  kind: RepeatKind;
  /** Weekly: the days it happens on; empty means the start's weekday. */
  weekdays: NDay['day'][];
  ends: RepeatEnd;
  /** "2027-06-30": the last day it may happen (inclusive). */
  until: string;
  count: number;
  /** A rule this editor cannot show (byMonthDay lists, intervals…): kept as it is unless changed. */
  custom: RecurrenceRule | null;
}

export const WEEKDAYS: readonly NDay['day'][] = ['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su'];

/** Explicit limit: RFC 5545 has none, but nobody means a count above this. */
export const MAX_REPEAT_COUNT = 1000;

export const noRepeat: RepeatDraft = {
  kind: 'none',
  weekdays: [],
  ends: 'never',
  until: '',
  count: 10,
  custom: null,
};

/** The editor's view of an event's rules; a rule it cannot show faithfully is kept in `custom`. */
export function repeatOfRules(rules: readonly RecurrenceRule[] | null | undefined): RepeatDraft {
  const rule = rules?.[0];
  if (!rule) return noRepeat;
  const simple =
    rules.length === 1 &&
    (rule.interval ?? 1) === 1 &&
    ['daily', 'weekly', 'monthly', 'yearly'].includes(rule.frequency) &&
    !rule.byMonthDay &&
    !rule.byMonth &&
    !rule.byYearDay &&
    !rule.byWeekNo &&
    !rule.byHour &&
    !rule.byMinute &&
    !rule.bySecond &&
    !rule.bySetPosition &&
    (!rule.byDay || (rule.frequency === 'weekly' && rule.byDay.every((d) => d.nthOfPeriod === undefined)));
  return {
    kind: simple ? (rule.frequency as RepeatKind) : 'none',
    weekdays: rule.byDay?.map((d) => d.day) ?? [],
    ends: rule.until ? 'until' : rule.count ? 'count' : 'never',
    until: rule.until?.slice(0, 10) ?? '',
    count: rule.count ?? 10,
    custom: simple ? null : rule,
  };
}

/**
 * The rules to store for the editor's choice. `until` is the end of the chosen day in the
 * event's own time (RFC 8984 §4.3.3: a LocalDateTime in the event's zone).
 */
export function rulesOfRepeat(repeat: RepeatDraft): RecurrenceRule[] | null {
  if (repeat.kind === 'none') return repeat.custom ? [repeat.custom] : null;
  const rule: RecurrenceRule = { '@type': 'RecurrenceRule', frequency: repeat.kind };
  if (repeat.kind === 'weekly' && repeat.weekdays.length > 0) {
    rule.byDay = WEEKDAYS.filter((d) => repeat.weekdays.includes(d)).map((day) => ({ '@type': 'NDay', day }));
  }
  if (repeat.ends === 'until' && repeat.until) rule.until = `${repeat.until}T23:59:59`;
  if (repeat.ends === 'count') rule.count = repeat.count;
  return [rule];
}
