import type { MethodResult } from '@colibri/jmap-types';
import type { MethodContext } from '../../method-context.js';
import { getFromList } from '../shared/list-get.js';
import { SIEVE_SCRIPT_PROPERTIES, sieveScriptToWire } from './to-wire.js';

/**
 * RFC 9661 §2.3: SieveScript/get, the standard /get (RFC 8620 §5.1). The text is not a property:
 * the client downloads it by `blobId`.
 */
export async function sieveScriptGet(
  rawArgs: Record<string, unknown>,
  ctx: MethodContext,
): Promise<MethodResult<'SieveScript/get'>> {
  return getFromList('SieveScript', rawArgs, ctx, {
    properties: SIEVE_SCRIPT_PROPERTIES,
    list: (accountId) => ctx.store.listSieveScripts(accountId),
    toWire: sieveScriptToWire,
  });
}
