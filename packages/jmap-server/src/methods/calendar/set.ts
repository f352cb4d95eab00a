import type { Calendar as WireCalendar, MethodResult, SetError } from '@colibri/jmap-types';
import {
  CALENDAR_RIGHT_NAMES,
  CalendarFieldError,
  CalendarHasEventsError,
  StoreError,
  calendarLimits,
} from '@colibri/mail-store';
import type { CalendarId } from '@colibri/mail-store';
import { seesCollection } from '../../collection-access.js';
import { z } from 'zod';
import type { MethodContext } from '../../method-context.js';
import { sharedCollectionSet } from '../shared/collection-set.js';
import { toCalendarId } from '../shared/ids.js';
import { parseArgs } from '../shared/parse-args.js';
import { overQuotaAt, setErrorOf } from '../shared/set-helpers.js';
import { applyCollectionShares, takeShareWith } from '../shared/share-with.js';
import {
  accountOf,
  calendarRights,
  loadCalendarView,
  visibleCalendars,
  type CalendarView,
} from './access.js';
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

/** JMAP Calendars §4: mayWriteAll entails mayWriteOwn, mayUpdatePrivate and mayRSVP. */
function implyCalendarRights(rights: Record<string, boolean>): Record<string, boolean> {
  return rights.mayWriteAll === true
    ? { ...rights, mayWriteOwn: true, mayUpdatePrivate: true, mayRSVP: true }
    : rights;
}

const shareWithOf = (view: CalendarView, id: string) => view.shareWith.get(id) ?? null;

async function createOne(
  ctx: MethodContext,
  view: CalendarView,
  values: Record<string, unknown>,
): Promise<{ created: Partial<WireCalendar> } | { error: SetError }> {
  const accountId = accountOf(view);
  // JMAP Calendars §1.4.1 mayCreateCalendar: false in an account shared with the user.
  if (view.access.shares !== null)
    return { error: { type: 'forbidden', description: 'Only the owner creates calendars here.' } };
  const split = takeShareWith(values, null, CALENDAR_RIGHT_NAMES);
  if ('type' in split) return { error: split };
  const input = parseCalendarCreate(split.rest);
  if ('type' in input) return { error: input };
  const full = overQuotaAt(
    (await ctx.store.listCalendars(accountId)).length,
    calendarLimits.maxPerAccount,
    'calendars',
  );
  if (full !== null) return { error: full };
  try {
    const calendar = await ctx.store.createCalendar(accountId, input);
    if (split.shareWith !== undefined) {
      const refused = await applyCollectionShares(
        ctx,
        accountId,
        'calendar',
        calendar.id,
        split.shareWith,
        implyCalendarRights,
      );
      if (refused !== null) {
        await ctx.store.destroyCalendar(accountId, calendar.id, { removeEvents: true });
        return { error: refused };
      }
    }
    const shares = await loadCalendarView(ctx, accountId);
    const wire = calendarToWire(calendar, {
      rights: calendarRights(shares, calendar.id),
      shareWith: shares.shareWith.get(calendar.id),
    });
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
  view: CalendarView,
  id: string,
  patch: Record<string, unknown>,
): Promise<SetError | null> {
  const accountId = accountOf(view);
  const calendarId = toCalendarId(id);
  const current = (await visibleCalendars(ctx, view)).find((c) => c.id === calendarId);
  if (calendarId === null || current === undefined) return { type: 'notFound' };
  const rights = calendarRights(view, calendarId);
  const split = takeShareWith(patch, shareWithOf(view, calendarId), CALENDAR_RIGHT_NAMES);
  if ('type' in split) return split;
  // RFC 9670 §4: shareWith is changed by those with mayAdmin; the rest of a shared calendar is
  // its owner's (a sharee may echo what they read).
  if (split.shareWith !== undefined && !rights.mayAdmin)
    return { type: 'forbidden', description: 'You may not change who this calendar is shared with.' };
  const wire = calendarToWire(current, { rights, shareWith: view.shareWith.get(calendarId) });
  const input = parseCalendarPatch(split.rest, { ...wire });
  if ('type' in input) return input;
  if (view.access.shares !== null && Object.keys(input).length > 0)
    return { type: 'forbidden', description: 'Only the owner changes this calendar.' };
  try {
    if (Object.keys(input).length > 0) await ctx.store.updateCalendar(accountId, calendarId, input);
    if (split.shareWith === undefined) return null;
    return await applyCollectionShares(
      ctx,
      accountId,
      'calendar',
      calendarId,
      split.shareWith,
      implyCalendarRights,
    );
  } catch (error) {
    return calendarSetError(error);
  }
}

async function destroyOne(
  ctx: MethodContext,
  view: CalendarView,
  id: string,
  removeEvents: boolean,
): Promise<SetError | null> {
  const calendarId = toCalendarId(id);
  if (calendarId === null || !seesCollection(view.access, calendarId)) return { type: 'notFound' };
  if (!calendarRights(view, calendarId).mayDelete)
    return { type: 'forbidden', description: 'You may not delete this calendar.' };
  try {
    await ctx.store.destroyCalendar(accountOf(view), calendarId, { removeEvents });
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
  return sharedCollectionSet<WireCalendar, CalendarView, CalendarId>(
    'Calendar',
    standard,
    ctx,
    loadCalendarView,
    (view) => ({
      create: (values) => createOne(ctx, view, values),
      update: (id, patch) => updateOne(ctx, view, id, patch),
      destroy: (id) => destroyOne(ctx, view, id, extra.onDestroyRemoveEvents === true),
    }),
    {
      given: extra.onSuccessSetIsDefault,
      collection: (accountId) => ({
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
