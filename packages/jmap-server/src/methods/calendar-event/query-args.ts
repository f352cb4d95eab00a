import { z } from 'zod';
import { comparatorSchema, filterSchemaOf } from '../shared/in-memory-query.js';
import type { Filter } from '../shared/in-memory-query.js';
import { queryWindowShape } from '../shared/query-window.js';
import { idSchema, unsignedIntSchema } from '../shared/schemas.js';
import { utcDateTimeSchema } from './jscalendar-schema.js';
import { isKnownTimeZone } from './time-zone.js';

/** JMAP Calendars §5.11: the CalendarEvent FilterCondition. */
const conditionSchema = z.strictObject({
  inCalendars: z.array(idSchema).optional(),
  after: utcDateTimeSchema.optional(),
  before: utcDateTimeSchema.optional(),
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
