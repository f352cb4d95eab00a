import { randomBytes } from 'node:crypto';
import type { MethodResult, PushSubscriptionWire, SetError } from '@colibri/jmap-types';
import { pushSubscriptionLimits } from '@colibri/mail-store';
import { z } from 'zod';
import type { MethodContext } from '../../method-context.js';
import { resolveId } from '../shared/creation-ids.js';
import { toUtcDate } from '../shared/dates.js';
import { parseArgs } from '../shared/parse-args.js';
import { assertSetSize, orNull, setErrorOf } from '../shared/set-helpers.js';
import { deepPatchPath, invalidProperties } from '../shared/set-properties.js';
import { clampExpires, parsePushSubscriptionCreate, parsePushSubscriptionPatch } from './fields.js';
import { pushSubscriptionToWire } from './to-wire.js';

/** RFC 8620 §7.2.2: /set without accountId and ifInState. */
const pushSubscriptionSetArgs = z.strictObject({
  create: z.record(z.string(), z.record(z.string(), z.unknown())).nullable().optional(),
  update: z.record(z.string(), z.record(z.string(), z.unknown())).nullable().optional(),
  destroy: z.array(z.string()).nullable().optional(),
});

type Wire = Partial<PushSubscriptionWire>;

async function createOne(ctx: MethodContext, values: Record<string, unknown>): Promise<Wire | SetError> {
  const now = new Date();
  const input = parsePushSubscriptionCreate(values, now);
  if ('type' in input) return input;
  const owner = ctx.principal.accountId;
  if ((await ctx.store.listPushSubscriptions(owner)).length >= pushSubscriptionLimits.maxPerOwner)
    return {
      type: 'overQuota',
      description: `At most ${pushSubscriptionLimits.maxPerOwner} push subscriptions.`,
    };
  try {
    // §7.2.2: the code the server POSTs to the url (a PushVerification); the client proves it
    // received it by setting it back. The BFF sends it once this call has created the row.
    const created = await ctx.store.createPushSubscription(owner, {
      ...input,
      verificationCode: randomBytes(16).toString('base64url'),
    });
    const expires = toUtcDate(input.expires);
    // §5.3: the id, and expires when the server chose or changed it.
    return { id: created.id, ...(values.expires === expires ? {} : { expires }) };
  } catch (error) {
    return setErrorOf(error);
  }
}

async function updateOne(
  ctx: MethodContext,
  id: string,
  patch: Record<string, unknown>,
): Promise<Wire | null | SetError> {
  const owner = ctx.principal.accountId;
  const current = (await ctx.store.listPushSubscriptions(owner)).find((s) => s.id === id);
  if (current === undefined) return { type: 'notFound' };
  const deep = deepPatchPath(patch, 'PushSubscription');
  if (deep) return deep;
  const update = parsePushSubscriptionPatch(patch, { ...pushSubscriptionToWire(current) });
  if ('type' in update) return update;
  // §7.2.2: a code other than the one sent to the url is invalidProperties.
  if (update.verificationCode !== undefined && update.verificationCode !== current.verificationCode)
    return invalidProperties(['verificationCode'], 'verificationCode does not match the code sent.');
  const now = new Date();
  if (update.expires != null && update.expires <= now)
    return invalidProperties(['expires'], 'expires is in the past.');
  const expires = update.expires === undefined ? undefined : clampExpires(update.expires, now);
  try {
    await ctx.store.updatePushSubscription(owner, id, {
      ...(update.verificationCode === undefined ? {} : { verified: true }),
      ...(expires === undefined ? {} : { expires }),
      ...(update.types === undefined ? {} : { types: update.types }),
    });
  } catch (error) {
    return setErrorOf(error, Object.keys(update));
  }
  if (expires === undefined || patch.expires === toUtcDate(expires)) return null;
  return { expires: toUtcDate(expires) };
}

/**
 * RFC 8620 §7.2.2: PushSubscription/set, the standard /set minus accountId, ifInState and the
 * states: creates (unverified, a PushVerification goes to the url), updates (verificationCode,
 * expires, types), destroys, all on the principal's own subscriptions.
 */
export async function pushSubscriptionSet(
  rawArgs: Record<string, unknown>,
  ctx: MethodContext,
): Promise<MethodResult<'PushSubscription/set'>> {
  const args = parseArgs(pushSubscriptionSetArgs, rawArgs);
  assertSetSize(args, ctx.limits);

  const created: Record<string, Wire> = {};
  const notCreated: Record<string, SetError> = {};
  for (const [creationId, values] of Object.entries(args.create ?? {})) {
    const outcome = await createOne(ctx, values);
    if ('type' in outcome) notCreated[creationId] = outcome;
    else {
      created[creationId] = outcome;
      if (outcome.id !== undefined) ctx.createdIds.set(creationId, outcome.id);
    }
  }
  const target = (id: string) => resolveId(ctx, id) ?? id;
  const updated: Record<string, Wire | null> = {};
  const notUpdated: Record<string, SetError> = {};
  for (const [given, patch] of Object.entries(args.update ?? {})) {
    const id = target(given);
    const outcome = await updateOne(ctx, id, patch);
    if (outcome !== null && 'type' in outcome) notUpdated[id] = outcome;
    else updated[id] = outcome;
  }
  const destroyed: string[] = [];
  const notDestroyed: Record<string, SetError> = {};
  for (const id of (args.destroy ?? []).map(target)) {
    try {
      await ctx.store.destroyPushSubscription(ctx.principal.accountId, id);
      destroyed.push(id);
    } catch (error) {
      notDestroyed[id] = setErrorOf(error);
    }
  }
  return {
    created: orNull(created),
    updated: orNull(updated),
    destroyed: destroyed.length > 0 ? destroyed : null,
    notCreated: orNull(notCreated),
    notUpdated: orNull(notUpdated),
    notDestroyed: orNull(notDestroyed),
  };
}
