import type { MethodResult } from '@colibri/jmap-types';
import type { MethodContext } from '../../method-context.js';
import { requireAccount } from '../shared/account.js';
import { queryChangesFromLog } from '../shared/log-query-changes.js';
import { parseArgs } from '../shared/parse-args.js';
import { submissionQueryChangesArgsSchema } from './query-args.js';
import { queryResults, submissionOrder } from './query-results.js';
import { clientSubmissions } from './to-wire.js';

/**
 * RFC 8621 §7.4: EmailSubmission/queryChanges (RFC 8620 §5.6). The query state is the
 * EmailSubmission state, so the change log says which submissions changed since
 * sinceQueryState (`queryChangesFromLog`); exact because a submission's place in the results
 * depends on its own properties only.
 */
export async function emailSubmissionQueryChanges(
  rawArgs: Record<string, unknown>,
  ctx: MethodContext,
): Promise<MethodResult<'EmailSubmission/queryChanges'>> {
  const args = parseArgs(submissionQueryChangesArgsSchema, rawArgs);
  const accountId = await requireAccount(ctx, args.accountId);
  const order = submissionOrder(args.sort, ctx.limits.collationAlgorithms);
  return queryChangesFromLog(ctx, accountId, 'EmailSubmission', args, async () =>
    queryResults(await clientSubmissions(ctx.store, accountId), args.filter, order),
  );
}
