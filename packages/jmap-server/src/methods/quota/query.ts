import type { MethodResult } from '@colibri/jmap-types';
import type { MethodContext } from '../../method-context.js';
import { requireAccount } from '../shared/account.js';
import { windowOf } from '../shared/query-window.js';
import { parseArgs } from '../shared/parse-args.js';
import { quotaQueryArgsSchema } from './query-args.js';
import { queryQuotas } from './query-results.js';
import { currentQuotas, quotaState, quotasOf } from './quotas.js';

/**
 * RFC 9425 §4.4: Quota/query, the standard /query (RFC 8620 §5.5) over the account's quotas,
 * filtered by name, scope, resourceType and type, sorted by name or used. The queryState is
 * the Quota state, so Quota/queryChanges can always calculate changes.
 */
export async function quotaQuery(
  rawArgs: Record<string, unknown>,
  ctx: MethodContext,
): Promise<MethodResult<'Quota/query'>> {
  const args = parseArgs(quotaQueryArgsSchema, rawArgs);
  const accountId = await requireAccount(ctx, args.accountId);
  const snapshot = await currentQuotas(ctx.store, accountId);
  const ids = queryQuotas(quotasOf(snapshot), args.filter, args.sort, ctx.limits.collationAlgorithms);
  return {
    accountId,
    queryState: quotaState(snapshot),
    canCalculateChanges: true,
    ...windowOf(ids, args),
  };
}
