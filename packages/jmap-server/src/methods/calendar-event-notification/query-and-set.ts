import { StoreError, toCalendarEventNotificationId } from '@colibri/mail-store';
import type { CalendarEventNotification } from '@colibri/mail-store';
import { z } from 'zod';
import type { MethodHandler } from '../../method-context.js';
import { notificationQueryMethods, notificationSetMethod } from '../shared/notification-methods.js';
import type { NotificationKind } from '../shared/notification-methods.js';
import { idSchema } from '../shared/schemas.js';

/** JMAP Calendars §7.5.1: the FilterCondition's own properties, besides after and before. */
const conditionShape = {
  type: z.enum(['created', 'updated', 'destroyed']).optional(),
  calendarEventIds: z.array(idSchema).nullable().optional(),
};

/** JMAP Calendars §7: the server's notices of changes to the user's events, read and dismissed. */
const kind: NotificationKind<CalendarEventNotification, typeof conditionShape> = {
  type: 'CalendarEventNotification',
  plural: 'Calendar event notifications',
  conditionShape,
  matches: (n, c) =>
    (c.type === undefined || n.type === c.type) &&
    (c.calendarEventIds == null || c.calendarEventIds.includes(n.calendarEventId)),
  list: (store, accountId) => store.listCalendarEventNotifications(accountId),
  destroy: async (store, accountId, id) => {
    const known = toCalendarEventNotificationId(id);
    if (known === null) throw new StoreError('notFound', 'no such notification');
    await store.destroyCalendarEventNotification(accountId, known);
  },
};

const methods = notificationQueryMethods(kind);

/** §7.5: CalendarEventNotification/query. */
export const calendarEventNotificationQuery =
  methods.query as MethodHandler<'CalendarEventNotification/query'>;
/** §7.6: CalendarEventNotification/queryChanges. */
export const calendarEventNotificationQueryChanges =
  methods.queryChanges as MethodHandler<'CalendarEventNotification/queryChanges'>;
/** §7.4: CalendarEventNotification/set: destroy only. */
export const calendarEventNotificationSet = notificationSetMethod(
  kind,
) as MethodHandler<'CalendarEventNotification/set'>;
