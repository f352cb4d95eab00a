import { MethodErrorType } from '@colibri/jmap-types';
import type { MethodResult } from '@colibri/jmap-types';
import { z } from 'zod';
import type { MethodContext } from '../../method-context.js';
import { MethodFailure } from '../../method-failure.js';
import { pick, requestedIds, selectProperties } from '../shared/get-helpers.js';
import { parseArgs } from '../shared/parse-args.js';
import { idOrCreationIdSchema } from '../shared/schemas.js';
import { PUSH_SUBSCRIPTION_PROPERTIES, pushSubscriptionToWire } from './to-wire.js';

/** RFC 8620 §7.2.1: /get without accountId (the subscriptions are the principal's). */
const pushSubscriptionGetArgs = z.strictObject({
  ids: z.array(idOrCreationIdSchema).nullable().optional(),
  properties: z.array(z.string()).nullable().optional(),
});

/**
 * RFC 8620 §7.2.1: PushSubscription/get, the standard /get minus accountId and state. Asking for
 * url or keys is forbidden: they are never returned.
 */
export async function pushSubscriptionGet(
  rawArgs: Record<string, unknown>,
  ctx: MethodContext,
): Promise<MethodResult<'PushSubscription/get'>> {
  const args = parseArgs(pushSubscriptionGetArgs, rawArgs);
  if (args.properties?.some((p) => p === 'url' || p === 'keys'))
    throw new MethodFailure(MethodErrorType.Forbidden, 'url and keys are never returned.');
  const properties = selectProperties(
    args.properties,
    PUSH_SUBSCRIPTION_PROPERTIES,
    PUSH_SUBSCRIPTION_PROPERTIES,
  );
  const ids = requestedIds(args.ids, ctx);
  const all = await ctx.store.listPushSubscriptions(ctx.principal.accountId);
  const byId = new Map(all.map((subscription) => [subscription.id, subscription]));
  const found = ids === null ? all : ids.flatMap((id) => byId.get(id) ?? []);
  const notFound = ids === null ? [] : ids.filter((id) => !byId.has(id));
  return { list: found.map((s) => pick(pushSubscriptionToWire(s), properties)), notFound };
}
