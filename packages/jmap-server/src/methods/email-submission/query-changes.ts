import { MethodErrorType } from '@colibri/jmap-types';
import type { MethodResult, QueryChangesResult } from '@colibri/jmap-types';
import type { MethodContext } from '../../method-context.js';
import { MethodFailure } from '../../method-failure.js';
import { requireAccount } from '../shared/account.js';
import { parseArgs } from '../shared/parse-args.js';
import { isCannotCalculateChanges } from '../shared/store-errors.js';
import { submissionQueryChangesArgsSchema } from './query-args.js';
import { queryResults, submissionOrder } from './query-results.js';
import { clientSubmissions } from './to-wire.js';

/**
 * RFC 8621 §7.4: EmailSubmission/queryChanges (RFC 8620 §5.6). The query state is the
 * EmailSubmission state, so the change log says which submissions changed since
 * sinceQueryState: every one of them is in `removed` (§5.6 allows ids that were not in the old
 * results), and those in the current results are `added` at their index. That is exact because a
 * submission's place in the results depends on its own properties only. `upToId` is ignored, as
 * §5.6 allows. A state the log cannot answer from is cannotCalculateChanges.
 */
export async function emailSubmissionQueryChanges(
  rawArgs: Record<string, unknown>,
  ctx: MethodContext,
): Promise<MethodResult<'EmailSubmission/queryChanges'>> {
  const args = parseArgs(submissionQueryChangesArgsSchema, rawArgs);
  const accountId = requireAccount(ctx, args.accountId);
  const order = submissionOrder(args.sort, ctx.limits.collationAlgorithms);
  let changes;
  try {
    changes = await ctx.store.getChanges(accountId, 'EmailSubmission', args.sinceQueryState);
  } catch (error) {
    if (isCannotCalculateChanges(error))
      throw new MethodFailure(
        MethodErrorType.CannotCalculateChanges,
        `Cannot calculate changes since query state "${args.sinceQueryState}": query again.`,
      );
    throw error;
  }
  const ids = queryResults(await clientSubmissions(ctx.store, accountId), args.filter, order);
  const changed = new Set<string>([...changes.created, ...changes.updated, ...changes.destroyed]);
  const added = ids.flatMap((id, index) => (changed.has(id) ? [{ id, index }] : []));
  if (args.maxChanges != null && changed.size + added.length > args.maxChanges)
    throw new MethodFailure(MethodErrorType.TooManyChanges, `More than ${args.maxChanges} changes.`);
  const result: QueryChangesResult = {
    accountId,
    oldQueryState: args.sinceQueryState,
    newQueryState: changes.newState,
    removed: [...changed],
    added,
  };
  if (args.calculateTotal === true) result.total = ids.length;
  return result;
}
