import { expandOccurrences } from '@colibri/icalendar';
import type { JSCalendarEvent } from '@colibri/icalendar';
import { MethodErrorType } from '@colibri/jmap-types';
import { StoreError } from '@colibri/mail-store';
import type { AccountId, CalendarEventRange, CalendarEventRecord, CalendarId } from '@colibri/mail-store';
import type { MethodContext } from '../../method-context.js';
import { MethodFailure } from '../../method-failure.js';
import { EXPANSION_LIMITS } from '../calendar/capability.js';
import type { Comparator } from '../shared/in-memory-query.js';
import { matchesFilter, orderOf } from '../shared/in-memory-query.js';
import { firstSpan, isRecurring } from './event-times.js';
import { instanceId } from './instance-ids.js';
import { occurrenceToWire } from './occurrences.js';
import { filterInUtc } from './query-args.js';
import type { EventCondition, EventFilter } from './query-args.js';
import { matchesEventCondition, spanOverlaps } from './query-match.js';
import type { EventItem } from './query-match.js';
import { eventToWire } from './to-wire.js';

const DAY_MS = 86400 * 1000;

/** JMAP Calendars §5.11 sort properties; ties by id (total order). */
const sortKeys: Readonly<Record<string, (item: EventItem) => string | number>> = {
  start: (item) => item.utcStart,
  uid: (item) => item.event.uid,
  recurrenceId: (item) => item.event.recurrenceId ?? '',
  created: (item) => item.event.created ?? '',
  updated: (item) => item.event.updated ?? '',
};

const isCondition = (filter: EventFilter): filter is EventCondition => !('operator' in filter);

/** The conditions every match must meet: the filter itself, or the top-level AND's conditions. */
function requiredConditions(filter: EventFilter | null | undefined): EventCondition[] {
  if (filter == null) return [];
  if (isCondition(filter)) return [filter];
  return filter.operator === 'AND' ? filter.conditions.filter(isCondition) : [];
}

/** What the store can narrow by (its range columns), from the conditions every match meets. */
function storeRange(filter: EventFilter | null | undefined): CalendarEventRange {
  const range: CalendarEventRange = {};
  for (const condition of requiredConditions(filter)) {
    if (condition.after !== undefined) {
      const after = new Date(condition.after);
      if (range.after === undefined || after > range.after) range.after = after;
    }
    if (condition.before !== undefined) {
      const before = new Date(condition.before);
      if (range.before === undefined || before < range.before) range.before = before;
    }
    if (condition.uid !== undefined) range.uid = condition.uid;
    if (condition.inCalendars !== undefined) range.calendarIds = condition.inCalendars as CalendarId[];
  }
  return range;
}

/** An event as one result: recurring ones overlap a range when some occurrence does. */
function eventItem(record: CalendarEventRecord, floatingZone: string): EventItem {
  const event = eventToWire(record);
  const document = event as unknown as JSCalendarEvent;
  const span = firstSpan(document, floatingZone);
  const recurring = isRecurring(document);
  return {
    id: record.id,
    calendarIds: record.calendarIds,
    event,
    utcStart: span.utcStart.getTime(),
    utcEnd: span.utcEnd.getTime(),
    overlaps: (from, to) => {
      if (!recurring) return spanOverlaps(span.utcStart.getTime(), span.utcEnd.getTime(), from, to);
      const expanded = expandOccurrences(
        document,
        new Date(Math.max(from, -8.64e15)),
        new Date(Math.min(to, 8.64e15)),
        { maxInstances: 1, floatingTimeZone: floatingZone },
      );
      return expanded.ok && expanded.value.occurrences.length > 0;
    },
  };
}

const tooManyOccurrences = () =>
  new MethodFailure(
    MethodErrorType.CannotCalculateOccurrences,
    `More than ${EXPANSION_LIMITS.maxOccurrences} occurrences in this range: ask for a shorter one.`,
  );

/** The occurrences of a record in [from, to) as results of their own (§5.11 expandRecurrences). */
export function occurrenceItems(
  record: CalendarEventRecord,
  from: number,
  to: number,
  floatingZone: string,
  budget: number,
): EventItem[] {
  const document = record.data as unknown as JSCalendarEvent;
  if (!isRecurring(document)) {
    const item = eventItem(record, floatingZone);
    return spanOverlaps(item.utcStart, item.utcEnd, from, to) ? [item] : [];
  }
  const expanded = expandOccurrences(document, new Date(from), new Date(to), {
    maxInstances: budget + 1,
    floatingTimeZone: floatingZone,
  });
  if (!expanded.ok)
    throw new MethodFailure(
      MethodErrorType.CannotCalculateOccurrences,
      `Cannot expand event ${record.id}: ${expanded.error.reason}.`,
    );
  // A limit of the expansion (instances, rule periods) stopped it: the answer would be incomplete.
  if (expanded.value.truncated) throw tooManyOccurrences();
  return expanded.value.occurrences.map((occurrence) => {
    const utcStart = Date.parse(occurrence.utcStart);
    const utcEnd = Date.parse(occurrence.utcEnd);
    return {
      id: instanceId(record.id, occurrence.recurrenceId),
      calendarIds: record.calendarIds,
      event: occurrenceToWire(record, occurrence),
      utcStart,
      utcEnd,
      overlaps: (f, t) => spanOverlaps(utcStart, utcEnd, f, t),
    };
  });
}

/** §5.11: expandRecurrences needs both bounds, at most maxExpandedQueryDuration apart. */
function expansionWindow(filter: EventFilter | null | undefined): { from: number; to: number } {
  const range = storeRange(filter);
  if (range.after === undefined || range.before === undefined)
    throw new MethodFailure(
      MethodErrorType.InvalidArguments,
      'expandRecurrences needs a filter with both after and before.',
      { arguments: ['filter'] },
    );
  const from = range.after.getTime();
  const to = range.before.getTime();
  if (to - from > EXPANSION_LIMITS.maxDays * DAY_MS)
    throw new MethodFailure(
      MethodErrorType.ExpandDurationTooLarge,
      `before − after is at most ${EXPANSION_LIMITS.maxDays} days (maxExpandedQueryDuration).`,
    );
  return { from, to };
}

/**
 * The ordered ids of CalendarEvent/query (JMAP Calendars §5.11): the store narrows by the
 * conditions every match meets (range, calendars, uid), then each event (or, expanded, each
 * occurrence in the window) is matched against the whole filter and sorted (default: start).
 */
export async function eventQueryIds(
  ctx: MethodContext,
  accountId: AccountId,
  args: {
    filter?: EventFilter | null;
    sort?: readonly Comparator[] | null;
    expandRecurrences?: boolean;
    timeZone?: string;
  },
  /** The event as the principal may see it, or null (RFC 9670: a shared account). */
  visible: (record: CalendarEventRecord) => CalendarEventRecord | null = (record) => record,
): Promise<string[]> {
  const order = orderOf(args.sort ?? [{ property: 'start' }], sortKeys, ctx.limits.collationAlgorithms);
  const floatingZone = args.timeZone ?? 'Etc/UTC';
  const filter = filterInUtc(args.filter, floatingZone);
  const window = args.expandRecurrences === true ? expansionWindow(filter) : null;
  let records: CalendarEventRecord[];
  try {
    records = (await ctx.store.queryCalendarEvents(accountId, storeRange(filter))).flatMap(
      (record) => visible(record) ?? [],
    );
  } catch (error) {
    if (error instanceof StoreError && error.code === 'tooLarge')
      throw new MethodFailure(MethodErrorType.RequestTooLarge, error.message);
    throw error;
  }
  let items: EventItem[];
  if (window === null) items = records.map((record) => eventItem(record, floatingZone));
  else {
    items = [];
    for (const record of records) {
      const budget = EXPANSION_LIMITS.maxOccurrences - items.length;
      items.push(...occurrenceItems(record, window.from, window.to, floatingZone, budget));
      if (items.length > EXPANSION_LIMITS.maxOccurrences) throw tooManyOccurrences();
    }
  }
  return items
    .filter((item) => matchesFilter(item, filter, matchesEventCondition))
    .sort(order)
    .map((item) => item.id);
}
