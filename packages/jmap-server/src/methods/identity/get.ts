import type { MethodResult } from '@colibri/jmap-types';
import type { MethodContext } from '../../method-context.js';
import { getFromList } from '../shared/list-get.js';
import { IDENTITY_PROPERTIES, identityToWire } from './to-wire.js';

/** RFC 8621 §6.1: Identity/get, the standard /get (RFC 8620 §5.1) over the account's identities. */
export async function identityGet(
  rawArgs: Record<string, unknown>,
  ctx: MethodContext,
): Promise<MethodResult<'Identity/get'>> {
  return getFromList('Identity', rawArgs, ctx, {
    properties: IDENTITY_PROPERTIES,
    list: (accountId) => ctx.store.listIdentities(accountId),
    toWire: identityToWire,
  });
}
