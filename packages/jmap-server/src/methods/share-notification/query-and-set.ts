import { StoreError } from '@colibri/mail-store';
import type { ShareNotification } from '@colibri/mail-store';
import { z } from 'zod';
import type { MethodHandler } from '../../method-context.js';
import { toShareNotificationId } from '../shared/ids.js';
import { notificationQueryMethods, notificationSetMethod } from '../shared/notification-methods.js';
import type { NotificationKind } from '../shared/notification-methods.js';
import { idSchema } from '../shared/schemas.js';

/** RFC 9670 §3.6.1: the FilterCondition's own properties, besides after and before. */
const conditionShape = {
  objectType: z.string().optional(),
  objectAccountId: idSchema.optional(),
};

/** RFC 9670 §3: the server's notices of what was shared with the user, read and dismissed. */
const kind: NotificationKind<ShareNotification, typeof conditionShape> = {
  type: 'ShareNotification',
  plural: 'Share notifications',
  conditionShape,
  matches: (n, c) =>
    (c.objectType === undefined || n.objectType === c.objectType) &&
    (c.objectAccountId === undefined || n.objectAccountId === c.objectAccountId),
  list: (store, accountId) => store.listShareNotifications(accountId),
  destroy: async (store, accountId, id) => {
    const known = toShareNotificationId(id);
    if (known === null) throw new StoreError('notFound', 'no such notification');
    await store.destroyShareNotification(accountId, known);
  },
};

const methods = notificationQueryMethods(kind);

/** RFC 9670 §3.6: ShareNotification/query. */
export const shareNotificationQuery = methods.query as MethodHandler<'ShareNotification/query'>;
/** RFC 9670 §3.7: ShareNotification/queryChanges. */
export const shareNotificationQueryChanges =
  methods.queryChanges as MethodHandler<'ShareNotification/queryChanges'>;
/** RFC 9670 §3.5: ShareNotification/set: destroy dismisses; create and update are forbidden. */
export const shareNotificationSet = notificationSetMethod(kind) as MethodHandler<'ShareNotification/set'>;
