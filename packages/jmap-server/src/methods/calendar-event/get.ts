import { MethodErrorType } from '@colibri/jmap-types';
import type { CalendarEvent, MethodResult } from '@colibri/jmap-types';
import { localToUtc } from '@colibri/icalendar';
import type { JSCalendarEvent } from '@colibri/icalendar';
import type { AccountId, CalendarEventRecord } from '@colibri/mail-store';
import { z } from 'zod';
import type { MethodContext } from '../../method-context.js';
import { MethodFailure } from '../../method-failure.js';
import { loadCalendarView } from '../calendar/access.js';
import { requestedIds } from '../shared/get-helpers.js';
import { toCalendarEventId } from '../shared/ids.js';
import { parseArgs } from '../shared/parse-args.js';
import { getArgsSchema } from '../shared/schemas.js';
import { firstSpan, localSeconds, zoneOf } from './event-times.js';
import { parseInstanceId } from './instance-ids.js';
import { visibleEvent } from './event-access.js';
import { EVENT_PROPERTY_SCHEMAS, utcDateTimeSchema } from './jscalendar-schema.js';
import { findOccurrence } from './occurrences.js';
import { isKnownTimeZone } from './time-zone.js';
import { JMAP_EVENT_PROPERTIES, eventToWire } from './to-wire.js';

/** JMAP Calendars §5.7: CalendarEvent/get's arguments. */
export const eventGetArgsSchema = getArgsSchema.extend({
  recurrenceOverridesBefore: utcDateTimeSchema.nullable().optional(),
  recurrenceOverridesAfter: utcDateTimeSchema.nullable().optional(),
  reduceParticipants: z.boolean().optional(),
  timeZone: z.string().refine(isKnownTimeZone, 'not a known time zone').nullable().optional(),
});
type EventGetArgs = z.output<typeof eventGetArgsSchema>;

const knownProperty = (name: string) =>
  (JMAP_EVENT_PROPERTIES as readonly string[]).includes(name) ||
  Object.hasOwn(EVENT_PROPERTY_SCHEMAS, name) ||
  name.includes(':');

/** Every property but utcStart and utcEnd, which are sent only when asked for (§5). */
function propertiesOf(requested: readonly string[] | null | undefined): string[] | null {
  if (requested == null) return null;
  const unknown = requested.filter((name) => !knownProperty(name));
  if (unknown.length > 0)
    throw new MethodFailure(MethodErrorType.InvalidArguments, `Unknown properties: ${unknown.join(', ')}.`, {
      arguments: ['properties'],
    });
  return [...new Set(['id', ...requested])];
}

/** The account's own addresses, as participants name them (`mailto:`, lower case). */
async function ownAddresses(ctx: MethodContext, accountId: AccountId): Promise<Set<string>> {
  return new Set((await ctx.store.listIdentities(accountId)).map((i) => `mailto:${i.email.toLowerCase()}`));
}

/** §5.7 reduceParticipants: only the owners and the participants that are the user. */
function reduceParticipants(event: CalendarEvent, own: Set<string>): void {
  if (!event.participants) return;
  const isUser = (p: NonNullable<CalendarEvent['participants']>[string]) =>
    (p.email !== undefined && own.has(`mailto:${p.email.toLowerCase()}`)) ||
    Object.values(p.sendTo ?? {}).some((uri) => own.has(uri.toLowerCase()));
  event.participants = Object.fromEntries(
    Object.entries(event.participants).filter(([, p]) => p.roles.owner === true || isUser(p)),
  );
}

/** §5.7 recurrenceOverridesBefore/After: only the overrides whose recurrenceId (in UTC) is in range. */
function windowOverrides(event: CalendarEvent, args: EventGetArgs, floatingZone: string): void {
  if (
    !event.recurrenceOverrides ||
    (args.recurrenceOverridesBefore == null && args.recurrenceOverridesAfter == null)
  )
    return;
  const zone = zoneOf(event as unknown as JSCalendarEvent, floatingZone);
  const before =
    args.recurrenceOverridesBefore == null ? Infinity : Date.parse(args.recurrenceOverridesBefore);
  const after = args.recurrenceOverridesAfter == null ? -Infinity : Date.parse(args.recurrenceOverridesAfter);
  event.recurrenceOverrides = Object.fromEntries(
    Object.entries(event.recurrenceOverrides).filter(([key]) => {
      const utc = localToUtc(zone, localSeconds(key)) * 1000;
      return utc < before && utc >= after;
    }),
  );
}

function pickProperties(event: CalendarEvent, properties: string[] | null): Partial<CalendarEvent> {
  const all = event as unknown as Record<string, unknown>;
  if (properties === null) {
    const { utcStart: _s, utcEnd: _e, ...rest } = event;
    return rest;
  }
  return Object.fromEntries(
    properties.filter((p) => all[p] !== undefined).map((p) => [p, all[p]]),
  ) as Partial<CalendarEvent>;
}

/**
 * JMAP Calendars §5.7: CalendarEvent/get, the standard /get (RFC 8620 §5.1) over the owner's
 * events, and over occurrence ids from an expanded query (`baseEventId` names their event).
 * utcStart/utcEnd (of the event's first instance, or of the occurrence) come only when asked for;
 * floating times are placed in `timeZone` (default Etc/UTC). ids null lists every event, up to
 * maxObjectsInGet (requestTooLarge beyond: query, then get by id).
 */
export async function calendarEventGet(
  rawArgs: Record<string, unknown>,
  ctx: MethodContext,
): Promise<MethodResult<'CalendarEvent/get'>> {
  const args = parseArgs(eventGetArgsSchema, rawArgs);
  const view = await loadCalendarView(ctx, args.accountId);
  const accountId = view.access.accountId;
  const properties = propertiesOf(args.properties);
  const floatingZone = args.timeZone ?? 'Etc/UTC';
  const state = await ctx.store.getState(accountId, 'CalendarEvent');
  let ids = requestedIds(args.ids, ctx);
  const listAll = ids === null;
  if (ids === null) {
    ids = await ctx.store.listCalendarEventIds(accountId);
    if (ids.length > ctx.limits.maxObjectsInGet)
      throw new MethodFailure(
        MethodErrorType.RequestTooLarge,
        `The account has more than ${ctx.limits.maxObjectsInGet} events: ask for them by id.`,
      );
  }
  const baseIdOf = (id: string) => toCalendarEventId(id) ?? parseInstanceId(id)?.baseId ?? null;
  const baseIds = [...new Set(ids.flatMap((id) => baseIdOf(id) ?? []))];
  const records = new Map<string, CalendarEventRecord>(
    (await ctx.store.getCalendarEvents(accountId, baseIds)).flatMap((r) => {
      // RFC 9670 and JMAP Calendars §4: in a shared account, only what the rights let them see.
      const visible = visibleEvent(view, r);
      return visible === null ? [] : [[r.id, visible] as const];
    }),
  );
  const own = args.reduceParticipants === true ? await ownAddresses(ctx, accountId) : null;
  const wantsTimes =
    properties !== null && (properties.includes('utcStart') || properties.includes('utcEnd'));
  const list: Partial<CalendarEvent>[] = [];
  const notFound: string[] = [];
  for (const id of ids) {
    const instance = toCalendarEventId(id) === null ? parseInstanceId(id) : null;
    const record = records.get(instance?.baseId ?? id);
    const event =
      record === undefined
        ? null
        : instance === null
          ? eventToWire(record)
          : findOccurrence(record, instance.recurrenceId, floatingZone);
    if (event === null) {
      if (!listAll) notFound.push(id);
      continue;
    }
    windowOverrides(event, args, floatingZone);
    if (own !== null) reduceParticipants(event, own);
    if (wantsTimes) {
      const span = firstSpan(event as unknown as JSCalendarEvent, floatingZone);
      event.utcStart = span.utcStart.toISOString().replace('.000Z', 'Z');
      event.utcEnd = span.utcEnd.toISOString().replace('.000Z', 'Z');
    }
    list.push(pickProperties(event, properties));
  }
  return { accountId, state, list, notFound };
}
