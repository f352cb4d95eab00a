import { MethodErrorType } from '@colibri/jmap-types';
import type { MethodResult, SetError } from '@colibri/jmap-types';
import { StoreError, toCalendarEventNotificationId } from '@colibri/mail-store';
import type { MethodContext } from '../../method-context.js';
import { MethodFailure } from '../../method-failure.js';
import { requireAccount } from '../shared/account.js';
import { resolveId } from '../shared/creation-ids.js';
import { parseArgs } from '../shared/parse-args.js';
import { setArgsSchema } from '../shared/schemas.js';
import { orNull } from '../shared/set-helpers.js';

const FORBIDDEN: SetError = {
  type: 'forbidden',
  description: 'Calendar event notifications are made by the server; they can only be dismissed (destroyed).',
};

/**
 * JMAP Calendars §7.4: CalendarEventNotification/set. Only destroy (dismissing) is supported; a
 * create or an update MUST be rejected with `forbidden`.
 */
export async function calendarEventNotificationSet(
  rawArgs: Record<string, unknown>,
  ctx: MethodContext,
): Promise<MethodResult<'CalendarEventNotification/set'>> {
  const args = parseArgs(setArgsSchema, rawArgs);
  const accountId = await requireAccount(ctx, args.accountId);
  const destroy = args.destroy ?? [];
  const count =
    Object.keys(args.create ?? {}).length + Object.keys(args.update ?? {}).length + destroy.length;
  if (count > ctx.limits.maxObjectsInSet)
    throw new MethodFailure(
      MethodErrorType.RequestTooLarge,
      `At most ${ctx.limits.maxObjectsInSet} objects per /set.`,
    );
  const oldState = await ctx.store.getState(accountId, 'CalendarEventNotification');
  if (args.ifInState != null && args.ifInState !== oldState)
    throw new MethodFailure(MethodErrorType.StateMismatch);
  const refuse = (ids: string[]) => Object.fromEntries(ids.map((id) => [id, FORBIDDEN]));

  const destroyed: string[] = [];
  const notDestroyed: Record<string, SetError> = {};
  for (const wireId of destroy) {
    const id = toCalendarEventNotificationId(resolveId(ctx, wireId) ?? '');
    try {
      if (id === null) throw new StoreError('notFound', 'no such notification');
      await ctx.store.destroyCalendarEventNotification(accountId, id);
      destroyed.push(id);
    } catch (error) {
      if (!(error instanceof StoreError && error.code === 'notFound')) throw error;
      notDestroyed[wireId] = { type: 'notFound' };
    }
  }
  return {
    accountId,
    oldState,
    newState: await ctx.store.getState(accountId, 'CalendarEventNotification'),
    created: null,
    updated: null,
    destroyed: destroyed.length > 0 ? destroyed : null,
    notCreated: orNull(refuse(Object.keys(args.create ?? {}))),
    notUpdated: orNull(refuse(Object.keys(args.update ?? {}))),
    notDestroyed: orNull(notDestroyed),
  };
}
