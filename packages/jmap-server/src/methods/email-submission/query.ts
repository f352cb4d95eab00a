import { MethodErrorType } from '@colibri/jmap-types';
import type { MethodResult, QueryResult } from '@colibri/jmap-types';
import { MAX_QUERY_LIMIT } from '../../limits.js';
import type { MethodContext } from '../../method-context.js';
import { MethodFailure } from '../../method-failure.js';
import { requireAccount } from '../shared/account.js';
import { parseArgs } from '../shared/parse-args.js';
import { submissionQueryArgsSchema } from './query-args.js';
import { queryResults, submissionOrder } from './query-results.js';
import { clientSubmissions } from './to-wire.js';

/**
 * RFC 8621 §7.3: EmailSubmission/query, the standard /query (RFC 8620 §5.5). Submissions are few
 * per account (the store deletes them a month after they are done), so they are filtered and
 * sorted here. Unsorted, they come oldest first.
 */
export async function emailSubmissionQuery(
  rawArgs: Record<string, unknown>,
  ctx: MethodContext,
): Promise<MethodResult<'EmailSubmission/query'>> {
  const args = parseArgs(submissionQueryArgsSchema, rawArgs);
  const accountId = requireAccount(ctx, args.accountId);
  const order = submissionOrder(args.sort, ctx.limits.collationAlgorithms);
  const queryState = await ctx.store.getState(accountId, 'EmailSubmission');
  const ids = queryResults(await clientSubmissions(ctx.store, accountId), args.filter, order);

  let position: number;
  if (args.anchor != null) {
    const index = ids.indexOf(args.anchor);
    if (index < 0) throw new MethodFailure(MethodErrorType.AnchorNotFound);
    position = Math.max(0, index + (args.anchorOffset ?? 0));
  } else {
    // §5.5: a negative position counts from the end, clamped to 0.
    const requested = args.position ?? 0;
    position = requested < 0 ? Math.max(0, ids.length + requested) : requested;
  }
  // §5.5: a larger (or null) limit is clamped to the server's maximum, which is then returned.
  const clamped = args.limit == null || args.limit > MAX_QUERY_LIMIT;
  const limit = clamped ? MAX_QUERY_LIMIT : (args.limit ?? MAX_QUERY_LIMIT);
  const result: QueryResult = {
    accountId,
    queryState,
    canCalculateChanges: true,
    position,
    ids: ids.slice(position, position + limit),
  };
  if (args.calculateTotal === true) result.total = ids.length;
  if (clamped) result.limit = limit;
  return result;
}
