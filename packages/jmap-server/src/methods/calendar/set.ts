import type { Calendar as WireCalendar, MethodResult, SetError } from '@colibri/jmap-types';
import { CalendarFieldError, CalendarHasEventsError, StoreError, calendarLimits } from '@colibri/mail-store';
import type { AccountId } from '@colibri/mail-store';
import { z } from 'zod';
import type { MethodContext } from '../../method-context.js';
import { collectionSet, setDefaultOnSuccess } from '../shared/collection-set.js';
import { toCalendarId } from '../shared/ids.js';
import { parseArgs } from '../shared/parse-args.js';
import { overQuotaAt, setErrorOf } from '../shared/set-helpers.js';
import { parseCalendarCreate, parseCalendarPatch } from './set-fields.js';
import { calendarToWire } from './to-wire.js';

/** JMAP Calendars §4.3: the arguments Calendar/set has beyond RFC 8620 §5.3's. */
const extraSchema = z.object({
  onDestroyRemoveEvents: z.boolean().optional(),
  onSuccessSetIsDefault: z.string().nullable().optional(),
});

/** The store's refusals as SetErrors, naming the property at fault. */
function calendarSetError(error: unknown): SetError {
  if (error instanceof CalendarHasEventsError)
    return {
      type: 'calendarHasEvent',
      description: 'The calendar has events: destroy them, or set onDestroyRemoveEvents.',
    };
  if (error instanceof CalendarFieldError) return setErrorOf(error, [error.property]);
  if (error instanceof StoreError && error.code === 'forbidden')
    return { type: 'forbidden', description: `${error.message}: make another calendar the default first.` };
  return setErrorOf(error);
}

async function createOne(
  ctx: MethodContext,
  accountId: AccountId,
  values: Record<string, unknown>,
): Promise<{ created: Partial<WireCalendar> } | { error: SetError }> {
  const input = parseCalendarCreate(values);
  if ('type' in input) return { error: input };
  const full = overQuotaAt(
    (await ctx.store.listCalendars(accountId)).length,
    calendarLimits.maxPerAccount,
    'calendars',
  );
  if (full !== null) return { error: full };
  try {
    const wire = calendarToWire(await ctx.store.createCalendar(accountId, input));
    // RFC 8620 §5.3: the server-set properties and those the client left to their defaults.
    const { id, isDefault, myRights, shareWith } = wire;
    const defaults = Object.fromEntries(Object.entries(wire).filter(([key]) => !(key in values)));
    return { created: { ...defaults, id, isDefault, myRights, shareWith } };
  } catch (error) {
    return { error: calendarSetError(error) };
  }
}

async function updateOne(
  ctx: MethodContext,
  accountId: AccountId,
  id: string,
  patch: Record<string, unknown>,
): Promise<SetError | null> {
  const calendarId = toCalendarId(id);
  const current = (await ctx.store.listCalendars(accountId)).find((c) => c.id === calendarId);
  if (calendarId === null || current === undefined) return { type: 'notFound' };
  const input = parseCalendarPatch(patch, { ...calendarToWire(current) });
  if ('type' in input) return input;
  try {
    if (Object.keys(input).length > 0) await ctx.store.updateCalendar(accountId, calendarId, input);
    return null;
  } catch (error) {
    return calendarSetError(error);
  }
}

async function destroyOne(
  ctx: MethodContext,
  accountId: AccountId,
  id: string,
  removeEvents: boolean,
): Promise<SetError | null> {
  const calendarId = toCalendarId(id);
  if (calendarId === null) return { type: 'notFound' };
  try {
    await ctx.store.destroyCalendar(accountId, calendarId, { removeEvents });
    return null;
  } catch (error) {
    return calendarSetError(error);
  }
}

/**
 * JMAP Calendars §4.3: Calendar/set, the standard /set. A calendar with events is destroyed only
 * with onDestroyRemoveEvents (its events go too, or just leave it when in another calendar), else
 * calendarHasEvent. The default calendar cannot be destroyed (forbidden). When every item
 * succeeded, onSuccessSetIsDefault (an id or `#creationId`) makes that calendar the default; both
 * it and the previous default are reported with their new isDefault.
 */
export async function calendarSet(
  rawArgs: Record<string, unknown>,
  ctx: MethodContext,
): Promise<MethodResult<'Calendar/set'>> {
  const { onDestroyRemoveEvents, onSuccessSetIsDefault, ...standard } = rawArgs;
  const extra = parseArgs(extraSchema, { onDestroyRemoveEvents, onSuccessSetIsDefault });
  return collectionSet<WireCalendar>(
    'Calendar',
    standard,
    ctx,
    (accountId) => ({
      create: (values) => createOne(ctx, accountId, values),
      update: (id, patch) => updateOne(ctx, accountId, id, patch),
      destroy: (id) => destroyOne(ctx, accountId, id, extra.onDestroyRemoveEvents === true),
    }),
    {
      after: (accountId, out) =>
        setDefaultOnSuccess(ctx, out, extra.onSuccessSetIsDefault, {
          toId: toCalendarId,
          exists: async (id) => (await ctx.store.listCalendars(accountId)).some((c) => c.id === id),
          makeDefault: async (id) => {
            const previous = (await ctx.store.listCalendars(accountId)).find((c) => c.isDefault);
            if (previous?.id === id) return [];
            await ctx.store.setDefaultCalendar(accountId, id);
            return previous === undefined ? [id] : [previous.id, id];
          },
        }),
    },
  );
}
