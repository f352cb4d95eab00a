import type { MethodResult } from '@colibri/jmap-types';
import type { MethodContext } from '../../method-context.js';
import { requireAccount } from '../shared/account.js';
import { windowOf } from '../shared/query-window.js';
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
  const accountId = await requireAccount(ctx, args.accountId);
  const order = submissionOrder(args.sort, ctx.limits.collationAlgorithms);
  const queryState = await ctx.store.getState(accountId, 'EmailSubmission');
  const ids = queryResults(await clientSubmissions(ctx.store, accountId), args.filter, order);

  return { accountId, queryState, canCalculateChanges: true, ...windowOf(ids, args) };
}
