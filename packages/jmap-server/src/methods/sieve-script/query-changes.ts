import type { MethodResult } from '@colibri/jmap-types';
import type { MethodContext } from '../../method-context.js';
import { requireAccount } from '../shared/account.js';
import { queryChangesFromLog } from '../shared/log-query-changes.js';
import { parseArgs } from '../shared/parse-args.js';
import { sieveScriptQueryChangesArgsSchema } from './query-args.js';
import { sieveScriptResults } from './query-results.js';

/**
 * SieveScript/queryChanges, the standard /queryChanges (RFC 8620 §5.6), from the SieveScript log.
 * RFC 9661 does not list it; we serve it since the type has a change log anyway (Identity-like),
 * and it is exact: a script's place in the results depends on its own name and isActive only.
 */
export async function sieveScriptQueryChanges(
  rawArgs: Record<string, unknown>,
  ctx: MethodContext,
): Promise<MethodResult<'SieveScript/queryChanges'>> {
  const args = parseArgs(sieveScriptQueryChangesArgsSchema, rawArgs);
  const accountId = await requireAccount(ctx, args.accountId);
  const collations = ctx.limits.collationAlgorithms;
  sieveScriptResults([], args, collations);
  return queryChangesFromLog(ctx, accountId, 'SieveScript', args, async () =>
    sieveScriptResults(await ctx.store.listSieveScripts(accountId), args, collations),
  );
}
