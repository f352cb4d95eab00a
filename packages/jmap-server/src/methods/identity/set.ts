import type { Identity, MethodResult, SetError } from '@colibri/jmap-types';
import { identityLimits } from '@colibri/mail-store';
import type { AccountId } from '@colibri/mail-store';
import type { MethodContext } from '../../method-context.js';
import { toIdentityId } from '../shared/ids.js';
import { collectionSet } from '../shared/collection-set.js';
import { overQuotaAt, setErrorOf } from '../shared/set-helpers.js';
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
  const count = (await ctx.store.listIdentities(accountId)).length;
  const full = overQuotaAt(count, identityLimits.maxPerAccount, 'identities');
  if (full !== null) return { error: full };
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
  return collectionSet<Identity>('Identity', rawArgs, ctx, (accountId) => ({
    create: (values) => createOne(ctx, accountId, values),
    update: (id, patch) => updateOne(ctx, accountId, id, patch),
    destroy: (id) => destroyOne(ctx, accountId, id),
  }));
}
