import type { PushSubscriptionWire } from '@colibri/jmap-types';
import type { PushSubscription } from '@colibri/mail-store';
import { toUtcDate } from '../shared/dates.js';

/** RFC 8620 §7.2: the properties a client may read; url and keys are write-only. */
export const PUSH_SUBSCRIPTION_PROPERTIES = [
  'id',
  'deviceClientId',
  'verificationCode',
  'expires',
  'types',
] as const;
export type PushSubscriptionProperty = (typeof PUSH_SUBSCRIPTION_PROPERTIES)[number];

/** A subscription as its owner reads it: the verification code only once the client has set it. */
export function pushSubscriptionToWire(
  subscription: PushSubscription,
): Pick<PushSubscriptionWire, PushSubscriptionProperty> {
  return {
    id: subscription.id,
    deviceClientId: subscription.deviceClientId,
    verificationCode: subscription.verified ? subscription.verificationCode : null,
    expires: subscription.expires === null ? null : toUtcDate(subscription.expires),
    types: subscription.types,
  };
}
