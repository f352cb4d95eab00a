import { parseDuration } from '@colibri/icalendar';
import { z } from 'zod';
import { isKnownTimeZone } from './time-zone.js';

/*
 * RFC 8984 value types and objects as zod schemas, one per top-level Event property (STYLE 8):
 * `validateEventProperties` reports every property whose value is not what the RFC allows.
 */

function realDate(text: string): boolean {
  const [y, m, d] = text.slice(0, 10).split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** RFC 8984 §1.4.4 LocalDateTime (no fraction: Colibri keeps whole seconds). */
export const localDateTimeSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-\d{2}T([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/, 'not a LocalDateTime')
  .refine(realDate, 'not a calendar date');
/** RFC 8984 §1.4.3 UTCDateTime. */
export const utcDateTimeSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-\d{2}T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?Z$/, 'not a UTCDateTime')
  .refine(realDate, 'not a calendar date');
/** RFC 8984 §1.4.6 Duration (never negative). */
export const durationSchema = z
  .string()
  .refine((text) => !text.startsWith('-') && parseDuration(text) !== undefined, 'not a Duration');
/** RFC 8984 §1.4.7 SignedDuration. */
const signedDurationSchema = z
  .string()
  .refine((text) => parseDuration(text.replace(/^[+-]/, '')) !== undefined, 'not a SignedDuration');
/** RFC 8984 §1.4.1 Id, as a map key. */
const idKey = z.string().regex(/^[A-Za-z0-9_-]{1,255}$/, 'not an Id');
const trueMap = z.record(z.string().min(1), z.literal(true));
const uint = z.int().min(0).max(Number.MAX_SAFE_INTEGER);
const day = z.enum(['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su']);
const nonZero = (min: number, max: number) =>
  z
    .int()
    .min(min)
    .max(max)
    .refine((n) => n !== 0, 'zero is not allowed');

/** RFC 8984 §4.3.3 RecurrenceRule. */
export const recurrenceRuleSchema = z.strictObject({
  '@type': z.literal('RecurrenceRule').optional(),
  frequency: z.enum(['yearly', 'monthly', 'weekly', 'daily', 'hourly', 'minutely', 'secondly']),
  interval: z.int().min(1).max(10_000).optional(),
  rscale: z.literal('gregorian').optional(),
  skip: z.literal('omit').optional(),
  firstDayOfWeek: day.optional(),
  byDay: z
    .array(
      z.strictObject({
        '@type': z.literal('NDay').optional(),
        day,
        nthOfPeriod: nonZero(-53, 53).optional(),
      }),
    )
    .max(64)
    .optional(),
  byMonthDay: z.array(nonZero(-31, 31)).max(62).optional(),
  byMonth: z
    .array(z.string().regex(/^(0?[1-9]|1[0-2])$/, 'a month number'))
    .max(12)
    .optional(),
  byYearDay: z.array(nonZero(-366, 366)).max(732).optional(),
  byWeekNo: z.array(nonZero(-53, 53)).max(106).optional(),
  byHour: z.array(z.int().min(0).max(23)).max(24).optional(),
  byMinute: z.array(z.int().min(0).max(59)).max(60).optional(),
  bySecond: z.array(z.int().min(0).max(60)).max(61).optional(),
  bySetPosition: z.array(nonZero(-366, 366)).max(366).optional(),
  count: z.int().min(1).max(1_000_000).optional(),
  until: localDateTimeSchema.optional(),
});

/** RFC 8984 §4.4.6 Participant (other RFC properties are kept as given). */
const participantSchema = z.looseObject({
  '@type': z.literal('Participant').optional(),
  name: z.string().optional(),
  email: z.string().optional(),
  description: z.string().optional(),
  sendTo: z.record(z.string(), z.string()).optional(),
  kind: z.enum(['individual', 'group', 'location', 'resource']).optional(),
  roles: trueMap.refine((roles) => Object.keys(roles).length > 0, 'a participant has at least one role'),
  participationStatus: z.enum(['needs-action', 'accepted', 'declined', 'tentative', 'delegated']).optional(),
  participationComment: z.string().optional(),
  expectReply: z.boolean().optional(),
  scheduleAgent: z.enum(['server', 'client', 'none']).optional(),
  scheduleSequence: uint.optional(),
  scheduleUpdated: utcDateTimeSchema.optional(),
});

/** RFC 8984 §4.2.5 Location and §4.2.6 VirtualLocation. */
const locationSchema = z.looseObject({
  '@type': z.literal('Location').optional(),
  name: z.string().optional(),
  description: z.string().optional(),
  timeZone: z.string().refine(isKnownTimeZone, 'unknown time zone').optional(),
});
const virtualLocationSchema = z.looseObject({
  '@type': z.literal('VirtualLocation').optional(),
  name: z.string().optional(),
  description: z.string().optional(),
  uri: z.string().min(1),
});

/** RFC 8984 §4.5.2 Alert with its trigger. */
const alertSchema = z.looseObject({
  '@type': z.literal('Alert').optional(),
  trigger: z.union([
    z.looseObject({
      '@type': z.literal('OffsetTrigger'),
      offset: signedDurationSchema,
      relativeTo: z.enum(['start', 'end']).optional(),
    }),
    z.looseObject({ '@type': z.literal('AbsoluteTrigger'), when: utcDateTimeSchema }),
  ]),
  acknowledged: utcDateTimeSchema.optional(),
  action: z.enum(['display', 'email']).optional(),
});

/**
 * RFC 8984 §4.3.5: an override may not patch these (they belong to the whole series).
 */
const NOT_IN_OVERRIDES = new Set([
  '@type',
  'excludedRecurrenceRules',
  'method',
  'privacy',
  'prodId',
  'recurrenceId',
  'recurrenceIdTimeZone',
  'recurrenceOverrides',
  'recurrenceRules',
  'relatedTo',
  'replyTo',
  'sentBy',
  'timeZones',
  'uid',
]);
const overridePatchSchema = z
  .record(z.string().min(1), z.unknown())
  .refine(
    (patch) =>
      Object.keys(patch).every((path) => !NOT_IN_OVERRIDES.has(path.replace(/^\//, '').split('/')[0]!)),
    'an override cannot patch series properties',
  )
  .refine(
    (patch) => patch.start === undefined || localDateTimeSchema.safeParse(patch.start).success,
    'bad start',
  )
  .refine(
    (patch) => patch.duration === undefined || durationSchema.safeParse(patch.duration).success,
    'bad duration',
  );

/** The JSCalendar Event properties Colibri checks and keeps (RFC 8984 §4, §5.1). */
export const EVENT_PROPERTY_SCHEMAS: Readonly<Record<string, z.ZodType>> = {
  '@type': z.literal('Event'),
  uid: z.string().min(1).max(1024),
  prodId: z.string(),
  created: utcDateTimeSchema,
  updated: utcDateTimeSchema,
  sequence: uint,
  method: z.enum(['publish', 'request', 'reply', 'add', 'cancel', 'refresh', 'counter', 'declinecounter']),
  title: z.string(),
  description: z.string(),
  descriptionContentType: z.string(),
  start: localDateTimeSchema,
  duration: durationSchema,
  timeZone: z.string().refine(isKnownTimeZone, 'unknown time zone').nullable(),
  showWithoutTime: z.boolean(),
  status: z.enum(['confirmed', 'cancelled', 'tentative']),
  recurrenceId: z.null(),
  recurrenceIdTimeZone: z.null(),
  recurrenceRules: z.array(recurrenceRuleSchema).max(16).nullable(),
  excludedRecurrenceRules: z.array(recurrenceRuleSchema).max(16).nullable(),
  recurrenceOverrides: z.record(localDateTimeSchema, overridePatchSchema).nullable(),
  excluded: z.literal(false),
  priority: z.int().min(0).max(9),
  freeBusyStatus: z.enum(['free', 'busy']),
  privacy: z.enum(['public', 'private', 'secret']),
  replyTo: z.record(z.string(), z.string()).nullable(),
  sentBy: z.string().nullable(),
  participants: z.record(idKey, participantSchema).nullable(),
  locations: z.record(idKey, locationSchema).nullable(),
  virtualLocations: z.record(idKey, virtualLocationSchema).nullable(),
  links: z.record(idKey, z.looseObject({ href: z.string().min(1) })).nullable(),
  keywords: trueMap.nullable(),
  categories: trueMap.nullable(),
  color: z.string(),
  locale: z.string(),
  useDefaultAlerts: z.boolean(),
  alerts: z.record(idKey, alertSchema).nullable(),
  relatedTo: z.record(z.string(), z.looseObject({})).nullable(),
  requestStatus: z.string(),
  localizations: z.record(z.string(), z.record(z.string(), z.unknown())).nullable(),
};

/**
 * The properties of `event` that are unknown (vendor properties, with a `:` in their name, are
 * kept as RFC 8984 §3.3 allows) or whose value is not valid.
 */
export function invalidEventProperties(event: Record<string, unknown>): string[] {
  const bad: string[] = [];
  for (const [property, value] of Object.entries(event)) {
    const schema = Object.hasOwn(EVENT_PROPERTY_SCHEMAS, property)
      ? EVENT_PROPERTY_SCHEMAS[property]
      : undefined;
    if (schema === undefined) {
      if (!property.includes(':')) bad.push(property);
    } else if (!schema.safeParse(value).success) bad.push(property);
  }
  return bad;
}
