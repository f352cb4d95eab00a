import { MethodErrorType } from '@colibri/jmap-types';
import type { MethodResult, QueryResult } from '@colibri/jmap-types';
import type { MethodContext } from '../../method-context.js';
import { MethodFailure } from '../../method-failure.js';
import { requireAccount } from '../shared/account.js';
import { parseArgs } from '../shared/parse-args.js';
import { quotaQueryArgsSchema } from './query-args.js';
import { queryQuotas } from './query-results.js';
import { currentQuotas, quotaState, quotasOf } from './quotas.js';

/** RFC 8620 §5.5: the first index of the window, from an anchor or a (possibly negative) position. */
function startOf(
  ids: readonly string[],
  args: { position?: number; anchor?: string | null; anchorOffset?: number },
) {
  if (args.anchor != null) {
    const index = ids.indexOf(args.anchor);
    if (index < 0) throw new MethodFailure(MethodErrorType.AnchorNotFound);
    return Math.max(0, index + (args.anchorOffset ?? 0));
  }
  const position = args.position ?? 0;
  return position < 0 ? Math.max(0, ids.length + position) : position;
}

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
  const accountId = requireAccount(ctx, args.accountId);
  const snapshot = await currentQuotas(ctx.store, accountId);
  const ids = queryQuotas(quotasOf(snapshot), args.filter, args.sort, ctx.limits.collationAlgorithms);
  const position = startOf(ids, args);
  const window = ids.slice(position, args.limit == null ? undefined : position + args.limit);
  const result: QueryResult = {
    accountId,
    queryState: quotaState(snapshot),
    canCalculateChanges: true,
    position,
    ids: window,
  };
  if (args.calculateTotal === true) result.total = ids.length;
  return result;
}
