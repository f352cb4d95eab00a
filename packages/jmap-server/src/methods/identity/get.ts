import type { MethodResult } from '@colibri/jmap-types';
import type { MethodContext } from '../../method-context.js';
import { requireAccount } from '../shared/account.js';
import { pick, requestedIds, selectProperties } from '../shared/get-helpers.js';
import { parseArgs } from '../shared/parse-args.js';
import { getArgsSchema } from '../shared/schemas.js';
import { IDENTITY_PROPERTIES, identityToWire } from './to-wire.js';

/** RFC 8621 §6.1: Identity/get, the standard /get (RFC 8620 §5.1) over the account's identities. */
export async function identityGet(
  rawArgs: Record<string, unknown>,
  ctx: MethodContext,
): Promise<MethodResult<'Identity/get'>> {
  const args = parseArgs(getArgsSchema, rawArgs);
  const accountId = requireAccount(ctx, args.accountId);
  const properties = selectProperties(args.properties, IDENTITY_PROPERTIES, IDENTITY_PROPERTIES);
  const ids = requestedIds(args.ids, ctx);

  // State first: a write landing in between makes the client refetch rather than miss it.
  const state = await ctx.store.getState(accountId, 'Identity');
  const all = await ctx.store.listIdentities(accountId);
  const byId = new Map(all.map((identity) => [identity.id as string, identity]));
  const found = ids === null ? all : ids.flatMap((id) => byId.get(id) ?? []);
  const notFound = ids === null ? [] : ids.filter((id) => !byId.has(id));
  const list = found.map((identity) => pick(identityToWire(identity), properties));
  return { accountId, state, list, notFound };
}
