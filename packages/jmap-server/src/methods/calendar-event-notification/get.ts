import type { MethodResult } from '@colibri/jmap-types';
import type { MethodContext } from '../../method-context.js';
import { changesFor } from '../shared/changes.js';
import { getFromList } from '../shared/list-get.js';
import { CALENDAR_EVENT_NOTIFICATION_PROPERTIES, calendarEventNotificationToWire } from './to-wire.js';

/**
 * JMAP Calendars §7.2: CalendarEventNotification/get, the standard /get. Notifications are the
 * account owner's (`requireAccount`): a sharee of a calendar is not told of changes in it.
 */
export async function calendarEventNotificationGet(
  rawArgs: Record<string, unknown>,
  ctx: MethodContext,
): Promise<MethodResult<'CalendarEventNotification/get'>> {
  return getFromList('CalendarEventNotification', rawArgs, ctx, {
    properties: CALENDAR_EVENT_NOTIFICATION_PROPERTIES,
    list: (accountId) => ctx.store.listCalendarEventNotifications(accountId),
    toWire: calendarEventNotificationToWire,
  });
}

/** JMAP Calendars §7.3: CalendarEventNotification/changes, from the store's change log. */
export async function calendarEventNotificationChanges(
  rawArgs: Record<string, unknown>,
  ctx: MethodContext,
): Promise<MethodResult<'CalendarEventNotification/changes'>> {
  return changesFor('CalendarEventNotification', rawArgs, ctx);
}
