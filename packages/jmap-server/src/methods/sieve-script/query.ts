import type { MethodResult } from '@colibri/jmap-types';
import type { MethodContext } from '../../method-context.js';
import { requireAccount } from '../shared/account.js';
import { parseArgs } from '../shared/parse-args.js';
import { windowOf } from '../shared/query-window.js';
import { sieveScriptQueryArgsSchema } from './query-args.js';
import { sieveScriptResults } from './query-results.js';

/**
 * RFC 9661 §2.5: SieveScript/query, the standard /query (RFC 8620 §5.5), filtered by name and
 * isActive and sorted by them. The queryState is the SieveScript state, so SieveScript/queryChanges
 * can always calculate changes from the log. Unsorted, scripts come by name.
 */
export async function sieveScriptQuery(
  rawArgs: Record<string, unknown>,
  ctx: MethodContext,
): Promise<MethodResult<'SieveScript/query'>> {
  const args = parseArgs(sieveScriptQueryArgsSchema, rawArgs);
  const accountId = await requireAccount(ctx, args.accountId);
  const collations = ctx.limits.collationAlgorithms;
  sieveScriptResults([], args, collations); // unsupportedSort before any read
  const queryState = await ctx.store.getState(accountId, 'SieveScript');
  const ids = sieveScriptResults(await ctx.store.listSieveScripts(accountId), args, collations);
  return { accountId, queryState, canCalculateChanges: true, ...windowOf(ids, args) };
}
