import type { MethodResult } from '@colibri/jmap-types';
import type { MethodContext } from '../../method-context.js';
import { changesFor } from '../shared/changes.js';
import { getFromList } from '../shared/list-get.js';
import { SHARE_NOTIFICATION_PROPERTIES, shareNotificationToWire } from './to-wire.js';

/** RFC 9670 §3.3: ShareNotification/get, in the user's own account (where the principals are). */
export async function shareNotificationGet(
  rawArgs: Record<string, unknown>,
  ctx: MethodContext,
): Promise<MethodResult<'ShareNotification/get'>> {
  return getFromList('ShareNotification', rawArgs, ctx, {
    properties: SHARE_NOTIFICATION_PROPERTIES,
    list: (accountId) => ctx.store.listShareNotifications(accountId),
    toWire: shareNotificationToWire,
  });
}

/** RFC 9670 §3.4: ShareNotification/changes, from the store's change log. */
export async function shareNotificationChanges(
  rawArgs: Record<string, unknown>,
  ctx: MethodContext,
): Promise<MethodResult<'ShareNotification/changes'>> {
  return changesFor('ShareNotification', rawArgs, ctx);
}
