import type { Identity, MethodResult, SetError } from '@colibri/jmap-types';
import { identityLimits } from '@colibri/mail-store';
import type { AccountId } from '@colibri/mail-store';
import type { MethodContext } from '../../method-context.js';
import { resolveId } from '../shared/creation-ids.js';
import { toIdentityId } from '../shared/ids.js';
import { beginSet, orNull, setErrorOf } from '../shared/set-helpers.js';
import { parseIdentityCreate, parseIdentityPatch } from './set-fields.js';
import { identityToWire } from './to-wire.js';

type Created = { created: Partial<Identity> } | { error: SetError };

/** RFC 8620 §5.3: the created object's properties the client did not send, or that the server changed. */
function serverSide(sent: Record<string, unknown>, identity: Identity): Partial<Identity> {
  return Object.fromEntries(
    Object.entries(identity).filter(
      ([property, value]) => !(property in sent) || JSON.stringify(sent[property]) !== JSON.stringify(value),
    ),
  ) as Partial<Identity>;
}

async function createOne(
  ctx: MethodContext,
  accountId: AccountId,
  values: Record<string, unknown>,
): Promise<Created> {
  const input = parseIdentityCreate(values);
  if ('type' in input) return { error: input };
  // RFC 8620 §5.3 overQuota: a server limit on the number of objects of the type.
  if ((await ctx.store.listIdentities(accountId)).length >= identityLimits.maxPerAccount)
    return {
      error: { type: 'overQuota', description: `At most ${identityLimits.maxPerAccount} identities.` },
    };
  try {
    // RFC 8621 §6.3: the store accepts only an address the account may send from (its
    // `mayUseAddress`, checked in the same transaction); anything else is forbiddenFrom.
    return { created: serverSide(values, identityToWire(await ctx.store.createIdentity(accountId, input))) };
  } catch (error) {
    return { error: setErrorOf(error) };
  }
}

async function updateOne(
  ctx: MethodContext,
  accountId: AccountId,
  id: string,
  patch: Record<string, unknown>,
): Promise<SetError | null> {
  const identityId = toIdentityId(id);
  const current = (await ctx.store.listIdentities(accountId)).find((identity) => identity.id === identityId);
  if (identityId === null || current === undefined) return { type: 'notFound' };
  const update = parseIdentityPatch(patch, { ...identityToWire(current) });
  if ('type' in update) return update;
  try {
    if (Object.keys(update).length > 0) await ctx.store.updateIdentity(accountId, identityId, update);
    return null;
  } catch (error) {
    return setErrorOf(error, Object.keys(update));
  }
}

async function destroyOne(ctx: MethodContext, accountId: AccountId, id: string): Promise<SetError | null> {
  const identityId = toIdentityId(id);
  if (identityId === null) return { type: 'notFound' };
  try {
    // The store refuses the account's default identity (mayDelete false): forbidden.
    await ctx.store.destroyIdentity(accountId, identityId);
    return null;
  } catch (error) {
    return setErrorOf(error);
  }
}

/**
 * RFC 8621 §6.3: Identity/set, the standard /set (RFC 8620 §5.3): creates, then updates, then
 * destroys, each one store transaction that logs an Identity change.
 */
export async function identitySet(
  rawArgs: Record<string, unknown>,
  ctx: MethodContext,
): Promise<MethodResult<'Identity/set'>> {
  const { args, accountId, oldState } = await beginSet('Identity', rawArgs, ctx);

  const created: Record<string, Partial<Identity>> = {};
  const notCreated: Record<string, SetError> = {};
  for (const [creationId, values] of Object.entries(args.create ?? {})) {
    const outcome = await createOne(ctx, accountId, values);
    if ('error' in outcome) notCreated[creationId] = outcome.error;
    else {
      created[creationId] = outcome.created;
      if (outcome.created.id !== undefined) ctx.createdIds.set(creationId, outcome.created.id);
    }
  }
  const updated: Record<string, null> = {};
  const notUpdated: Record<string, SetError> = {};
  // RFC 8620 §5.3: a `#creationId` names the object created earlier in this request; the
  // response speaks of the object by its id.
  const target = (id: string) => resolveId(ctx, id) ?? id;
  for (const [given, patch] of Object.entries(args.update ?? {})) {
    const id = target(given);
    const error = await updateOne(ctx, accountId, id, patch);
    if (error === null) updated[id] = null;
    else notUpdated[id] = error;
  }
  const destroyed: string[] = [];
  const notDestroyed: Record<string, SetError> = {};
  for (const id of (args.destroy ?? []).map(target)) {
    const error = await destroyOne(ctx, accountId, id);
    if (error === null) destroyed.push(id);
    else notDestroyed[id] = error;
  }

  return {
    accountId,
    oldState,
    newState: await ctx.store.getState(accountId, 'Identity'),
    created: orNull(created),
    updated: orNull(updated),
    destroyed: destroyed.length > 0 ? destroyed : null,
    notCreated: orNull(notCreated),
    notUpdated: orNull(notUpdated),
    notDestroyed: orNull(notDestroyed),
  };
}
