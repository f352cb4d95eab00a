import type { MethodResult, QueryResult } from '@colibri/jmap-types';
import { canFollowQueryChanges } from '@colibri/mail-store';
import { MAX_QUERY_LIMIT } from '../../limits.js';
import type { MethodContext } from '../../method-context.js';
import { requireMailAccess } from '../shared/account.js';
import { restrictFilter } from '../shared/mail-visibility.js';
import { parseArgs } from '../shared/parse-args.js';
import { emailQueryArgsSchema } from './query-args.js';
import { toStoreFilter } from './query-filter.js';
import { toStoreSort } from './query-sort.js';
import { queryWindow } from './query-window.js';

/** RFC 8621 §4.4: Email/query, the standard /query of RFC 8620 §5.5. */
export async function emailQuery(
  rawArgs: Record<string, unknown>,
  ctx: MethodContext,
): Promise<MethodResult<'Email/query'>> {
  const args = parseArgs(emailQueryArgsSchema, rawArgs);
  const access = await requireMailAccess(ctx, args.accountId);
  const { accountId } = access;
  const filter = toStoreFilter(args.filter);
  // A sharee queries only what they may read (RFC 9670); nothing readable is an empty result.
  const restricted = restrictFilter(access, filter);
  const sort = toStoreSort(args.sort, ctx.limits.collationAlgorithms);
  // §5.5: a larger (or null) limit is clamped to the server's maximum, which is then returned.
  const clamped = args.limit == null || args.limit > MAX_QUERY_LIMIT;
  const limit = clamped ? MAX_QUERY_LIMIT : (args.limit ?? MAX_QUERY_LIMIT);

  // The state before the read: a write in between makes the client refetch, never miss a change.
  const queryState = await ctx.store.getState(accountId, 'Email');
  const window = {
    position: args.position ?? 0,
    anchor: args.anchor ?? null,
    anchorOffset: args.anchorOffset ?? 0,
    limit,
    collapseThreads: args.collapseThreads === true,
    calculateTotal: args.calculateTotal === true,
  };
  const { ids, position, total } =
    restricted === null
      ? { ids: [], position: 0, total: 0 }
      : await queryWindow(ctx.store, accountId, restricted, sort, window);

  // RFC 8620 §5.6: Email/queryChanges can follow this query unless it depends on whole threads.
  const followable = {
    collapseThreads: window.collapseThreads,
    ...(filter && { filter }),
    ...(sort && { sort }),
  };
  const canCalculateChanges = canFollowQueryChanges(followable);
  const result: QueryResult = { accountId, queryState, canCalculateChanges, position, ids };
  if (args.calculateTotal === true && total !== null) result.total = total;
  if (clamped) result.limit = limit;
  return result;
}
