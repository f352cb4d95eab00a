import type { ShareNotification } from '@colibri/jmap-types';
import type { ShareNotification as StoredNotification } from '@colibri/mail-store';

/** RFC 9670 §3.2: every ShareNotification property, the default when `properties` is null. */
export const SHARE_NOTIFICATION_PROPERTIES: readonly (keyof ShareNotification)[] = [
  'id',
  'created',
  'changedBy',
  'objectType',
  'objectAccountId',
  'objectId',
  'name',
  'oldRights',
  'newRights',
];

export function shareNotificationToWire(n: StoredNotification): ShareNotification {
  return {
    id: n.id,
    created: n.created.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    changedBy: { ...n.changedBy },
    objectType: n.objectType,
    objectAccountId: n.objectAccountId,
    objectId: n.objectId,
    name: n.name,
    oldRights: n.oldRights && { ...n.oldRights },
    newRights: n.newRights && { ...n.newRights },
  };
}
