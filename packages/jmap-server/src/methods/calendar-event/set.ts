import { randomUUID } from 'node:crypto';
import type { CalendarEvent, MethodResult, SetError } from '@colibri/jmap-types';
import { CalendarEventFieldError, EventUidTakenError, StoreError } from '@colibri/mail-store';
import type { CalendarEventRecord, CalendarId } from '@colibri/mail-store';
import { z } from 'zod';
import type { MethodContext } from '../../method-context.js';
import { withScheduling } from '../../scheduling/after-write.js';
import { resolveId } from '../shared/creation-ids.js';
import { toCalendarEventId, toCalendarId } from '../shared/ids.js';
import { parseArgs } from '../shared/parse-args.js';
import { beginSet, setErrorOf } from '../shared/set-helpers.js';
import { applySetItems, setResponse } from '../shared/set-loop.js';
import { loadCalendarView, type CalendarView } from '../calendar/access.js';
import {
  accountAddresses,
  eventRights,
  isPerUserPatch,
  isRsvpPatch,
  mayWriteIn,
  visibleEvent,
} from './event-access.js';
import { eventInputOf } from './event-input.js';
import { parseInstanceId } from './instance-ids.js';
import { applyJmapPatch } from './json-patch.js';
import { withNotifications } from './notify-writers.js';
import { eventToWire } from './to-wire.js';

/** JMAP Calendars §5.9: sendSchedulingMessages is accepted; scheduling is the iTIP engine's. */
const extraSchema = z.object({ sendSchedulingMessages: z.boolean().optional() });

const nowUtc = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');

/** The store's refusals as SetErrors naming the property at fault. */
function eventSetError(error: unknown): SetError {
  if (error instanceof EventUidTakenError)
    return { type: 'alreadyExists', description: error.message, existingId: error.existingId };
  if (error instanceof CalendarEventFieldError) {
    if (error.code === 'tooLarge') return { type: 'tooLarge', description: error.message };
    const property = error.property === 'utcStart' || error.property === 'utcEnd' ? 'start' : error.property;
    return { type: 'invalidProperties', properties: [property], description: error.message };
  }
  if (error instanceof StoreError && error.code === 'tooLarge')
    return { type: 'tooLarge', description: error.message };
  return setErrorOf(error);
}

/** Server-set values a client may echo unchanged (RFC 8620 §5.3). */
const echoable = (record: CalendarEventRecord | null): Record<string, unknown> => ({
  id: record?.id,
  isOrigin: record?.isOrigin ?? true,
  baseEventId: null,
});

function resolver(ctx: MethodContext): (id: string) => CalendarId | null {
  return (id) => toCalendarId(resolveId(ctx, id) ?? '');
}

const forbidden = (description: string): SetError => ({ type: 'forbidden', description });

/**
 * JMAP Calendars §4 rights in a shared account (RFC 9670): a change needs mayWriteAll (or
 * mayWriteOwn on an event the principal owns) on the event's calendars before and after; without
 * them, mayRSVP allows answering for the account's owner (the RSVP properties of their
 * participant: a delegate answers invitations) and mayUpdatePrivate the per-user properties.
 */
async function writeRefusal(
  ctx: MethodContext,
  view: CalendarView,
  record: CalendarEventRecord,
  patch: Record<string, unknown> | 'destroy',
  after?: Record<string, unknown>,
): Promise<SetError | null> {
  if (view.access.shares === null) return null;
  const before = mayWriteIn(ctx, view, record.calendarIds, record.data);
  if (patch === 'destroy') return before ? null : forbidden('You may not remove events from this calendar.');
  const newIds = Object.keys((after?.calendarIds as Record<string, unknown> | undefined) ?? {});
  if (before && (after === undefined || mayWriteIn(ctx, view, newIds, after))) return null;
  const rights = eventRights(view, record);
  if (rights.mayRSVP && isRsvpPatch(patch, record.data, await accountAddresses(ctx, view))) return null;
  if (rights.mayUpdatePrivate && isPerUserPatch(patch)) return null;
  return forbidden('Your rights on this calendar do not allow this change.');
}

async function createOne(
  ctx: MethodContext,
  view: CalendarView,
  values: Record<string, unknown>,
): Promise<{ created: Partial<CalendarEvent> } | { error: SetError }> {
  const accountId = view.access.accountId;
  const now = nowUtc();
  const serverSet: Record<string, unknown> = { updated: now };
  if (values['@type'] === undefined) serverSet['@type'] = 'Event';
  if (values.uid === undefined) serverSet.uid = randomUUID();
  if (values.created === undefined) serverSet.created = now;
  let calendarIds = values.calendarIds;
  // No calendarIds: the account's default calendar.
  if (calendarIds === undefined) {
    const fallback = (await ctx.store.listCalendars(accountId)).find((c) => c.isDefault);
    calendarIds = fallback ? { [fallback.id]: true } : {};
    serverSet.calendarIds = calendarIds;
  }
  const input = eventInputOf({ ...values, ...serverSet, calendarIds }, echoable(null), resolver(ctx));
  if ('type' in input) return { error: input };
  if (!mayWriteIn(ctx, view, input.calendarIds, { ...values }))
    return { error: forbidden('You may not add events to this calendar.') };
  try {
    const record = await ctx.store.createCalendarEvent(accountId, input);
    return { created: { ...serverSet, id: record.id, isOrigin: record.isOrigin, baseEventId: null } };
  } catch (error) {
    return { error: eventSetError(error) };
  }
}

/** Writes `wire` (a whole event after its patch) over `record`. */
async function rewrite(
  ctx: MethodContext,
  record: CalendarEventRecord,
  wire: Record<string, unknown>,
): Promise<SetError | null> {
  const input = eventInputOf({ ...wire, updated: nowUtc() }, echoable(record), resolver(ctx));
  if ('type' in input) return input;
  try {
    const { document: _, ...patch } = input;
    await ctx.store.updateCalendarEvent(record.accountId, record.id, patch);
    return null;
  } catch (error) {
    return eventSetError(error);
  }
}

/**
 * An occurrence id (from an expanded query): the change becomes the base event's override for
 * that recurrenceId (RFC 8984 §4.3.4), its paths added to the override's own patch; destroying
 * it is an override `{ excluded: true }`.
 */
async function changeOccurrence(
  ctx: MethodContext,
  view: CalendarView,
  id: string,
  patch: Record<string, unknown> | 'destroy',
): Promise<SetError | null> {
  const instance = parseInstanceId(id);
  const [record] = instance
    ? await ctx.store.getCalendarEvents(view.access.accountId, [instance.baseId])
    : [];
  if (!instance || !record || visibleEvent(view, record) === null) return { type: 'notFound' };
  const refused = await writeRefusal(ctx, view, record, patch);
  if (refused !== null) return refused;
  const wire = eventToWire(record) as unknown as Record<string, unknown>;
  const overrides = {
    ...((wire.recurrenceOverrides as Record<string, Record<string, unknown>> | undefined) ?? {}),
  };
  if (patch === 'destroy') overrides[instance.recurrenceId] = { excluded: true };
  else {
    const jmapOnly = Object.keys(patch).filter((path) =>
      ['calendarIds', 'isDraft', 'id'].includes(path.split('/')[0]!),
    );
    if (jmapOnly.length > 0)
      return {
        type: 'invalidProperties',
        properties: jmapOnly,
        description: 'Change these on the recurring event.',
      };
    overrides[instance.recurrenceId] = { ...(overrides[instance.recurrenceId] ?? {}), ...patch };
  }
  return rewrite(ctx, record, { ...wire, recurrenceOverrides: overrides });
}

async function updateOne(
  ctx: MethodContext,
  view: CalendarView,
  id: string,
  patch: Record<string, unknown>,
): Promise<SetError | null> {
  const eventId = toCalendarEventId(id);
  if (eventId === null) return changeOccurrence(ctx, view, id, patch);
  const [record] = await ctx.store.getCalendarEvents(view.access.accountId, [eventId]);
  if (record === undefined || visibleEvent(view, record) === null) return { type: 'notFound' };
  const result = applyJmapPatch(eventToWire(record) as unknown as Record<string, unknown>, patch);
  if ('error' in result) return result.error;
  const refused = await writeRefusal(ctx, view, record, patch, result.patched);
  if (refused !== null) return refused;
  return rewrite(ctx, record, result.patched);
}

async function destroyOne(ctx: MethodContext, view: CalendarView, id: string): Promise<SetError | null> {
  const eventId = toCalendarEventId(id);
  if (eventId === null) return changeOccurrence(ctx, view, id, 'destroy');
  const [record] = await ctx.store.getCalendarEvents(view.access.accountId, [eventId]);
  if (record === undefined || visibleEvent(view, record) === null) return { type: 'notFound' };
  const refused = await writeRefusal(ctx, view, record, 'destroy');
  if (refused !== null) return refused;
  const { destroyed } = await ctx.store.destroyCalendarEvents(view.access.accountId, [eventId]);
  return destroyed.length > 0 ? null : { type: 'notFound' };
}

/**
 * JMAP Calendars §5.9: CalendarEvent/set, the standard /set. Each event is checked against RFC
 * 8984 (required properties, types, time zones, recurrence rules: invalidProperties naming them)
 * before it is stored; the server sets `updated` on every write, and `@type`, `uid` and `created`
 * when a create leaves them out; a uid the account already has is alreadyExists (with existingId).
 * Updates are RFC 8620 PatchObjects over the whole event. Occurrence ids (expanded queries) patch
 * or exclude that occurrence in the base event's recurrenceOverrides.
 */
export async function calendarEventSet(
  rawArgs: Record<string, unknown>,
  ctx: MethodContext,
): Promise<MethodResult<'CalendarEvent/set'>> {
  const { sendSchedulingMessages, ...standard } = rawArgs;
  parseArgs(extraSchema, { sendSchedulingMessages });
  let view: CalendarView | null = null;
  const { args, accountId, oldState } = await beginSet('CalendarEvent', standard, ctx, async (ctx, id) => {
    view = await loadCalendarView(ctx, id);
    return view.access.accountId;
  });
  const reached: CalendarView = view!;
  const baseIdOf = (id: string) => toCalendarEventId(id) ?? parseInstanceId(id)?.baseId ?? null;
  // JMAP Calendars §7: a sharee's writes are notified to the owner; the owner's dismiss them.
  const writers = withNotifications(
    ctx,
    accountId,
    {
      create: (values: Record<string, unknown>) => createOne(ctx, reached, values),
      update: (id: string, patch: Record<string, unknown>) => updateOne(ctx, reached, id, patch),
      destroy: (id: string) => destroyOne(ctx, reached, id),
    },
    baseIdOf,
  );
  // Scheduling (iTIP to the participants) only when asked, as §5.9 says (default false).
  const out = await applySetItems<CalendarEvent>(
    ctx,
    args,
    sendSchedulingMessages === true ? withScheduling(ctx, accountId, writers, baseIdOf) : writers,
  );
  return setResponse(
    { accountId, oldState, newState: await ctx.store.getState(accountId, 'CalendarEvent') },
    out,
  );
}
