import { z } from 'zod';
import { comparatorSchema, filterSchemaOf } from '../shared/in-memory-query.js';
import type { Filter } from '../shared/in-memory-query.js';
import { queryWindowShape } from '../shared/query-window.js';
import { idSchema, unsignedIntSchema } from '../shared/schemas.js';
import { localToUtc } from '@colibri/icalendar';
import { localDateTimeSchema, utcDateTimeSchema } from './jscalendar-schema.js';
import { isKnownTimeZone } from './time-zone.js';

/**
 * The drafts of JMAP Calendars disagree on after/before: UTCDateTime in earlier ones, LocalDateTime
 * in the query's `timeZone` in later ones (clients exist for both). Both are taken; `filterInUtc`
 * turns the local ones into UTC before anything else reads them.
 */
const rangeBoundSchema = z.union([utcDateTimeSchema, localDateTimeSchema]);

/** JMAP Calendars §5.11: the CalendarEvent FilterCondition. */
const conditionSchema = z.strictObject({
  inCalendars: z.array(idSchema).optional(),
  after: rangeBoundSchema.optional(),
  before: rangeBoundSchema.optional(),
  text: z.string().optional(),
  title: z.string().optional(),
  description: z.string().optional(),
  location: z.string().optional(),
  owner: z.string().optional(),
  attendee: z.string().optional(),
  uid: z.string().optional(),
});
export type EventCondition = z.infer<typeof conditionSchema>;
export type EventFilter = Filter<EventCondition>;

const common = {
  accountId: idSchema,
  filter: filterSchemaOf(conditionSchema).nullable().optional(),
  sort: z.array(comparatorSchema).nullable().optional(),
  calculateTotal: z.boolean().optional(),
  expandRecurrences: z.boolean().optional(),
  timeZone: z.string().refine(isKnownTimeZone, 'not a known time zone').optional(),
};

/** JMAP Calendars §5.11: CalendarEvent/query's arguments. */
export const eventQueryArgsSchema = z.strictObject({ ...common, ...queryWindowShape });
export type EventQueryArgs = z.output<typeof eventQueryArgsSchema>;

/** JMAP Calendars §5.12: CalendarEvent/queryChanges's arguments (RFC 8620 §5.6). */
export const eventQueryChangesArgsSchema = z.strictObject({
  ...common,
  sinceQueryState: z.string(),
  maxChanges: unsignedIntSchema.min(1).nullable().optional(),
  upToId: idSchema.nullable().optional(),
});

/** A LocalDateTime bound as the UTCDateTime it is in `timeZone`; a UTC one as it is. */
function boundInUtc(bound: string, timeZone: string): string {
  if (bound.endsWith('Z')) return bound;
  // localToUtc counts seconds: the wall-clock time read as if it were UTC, and the instant.
  const utcSeconds = localToUtc(timeZone, Date.parse(`${bound}Z`) / 1000);
  return `${new Date(utcSeconds * 1000).toISOString().slice(0, 19)}Z`;
}

/** The filter with every after/before in UTC (`rangeBoundSchema`), the form the query works on. */
export function filterInUtc(filter: EventFilter | null | undefined, timeZone: string): EventFilter | null {
  if (filter == null) return null;
  if ('operator' in filter)
    return { ...filter, conditions: filter.conditions.map((c) => filterInUtc(c, timeZone)!) };
  const { after, before } = filter;
  return {
    ...filter,
    ...(after === undefined ? {} : { after: boundInUtc(after, timeZone) }),
    ...(before === undefined ? {} : { before: boundInUtc(before, timeZone) }),
  };
}
