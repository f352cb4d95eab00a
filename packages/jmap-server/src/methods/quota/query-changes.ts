import { MethodErrorType } from '@colibri/jmap-types';
import type { MethodResult, QueryChangesResult } from '@colibri/jmap-types';
import type { MethodContext } from '../../method-context.js';
import { MethodFailure } from '../../method-failure.js';
import { requireAccount } from '../shared/account.js';
import { parseArgs } from '../shared/parse-args.js';
import { diffQuotas } from './diff.js';
import { quotaQueryChangesArgsSchema } from './query-args.js';
import { queryQuotas } from './query-results.js';
import { currentQuotas, snapshotSince, quotaState, quotasOf } from './quotas.js';

/**
 * RFC 9425 §4.5: Quota/queryChanges, the standard /queryChanges (RFC 8620 §5.6). The query state
 * is the snapshot of the quotas, so the old results are recomputed from it: every quota that
 * changed (or left the results) is `removed`, and those in the current results are `added`
 * at their index. `upToId` is ignored, as §5.6 allows.
 */
export async function quotaQueryChanges(
  rawArgs: Record<string, unknown>,
  ctx: MethodContext,
): Promise<MethodResult<'Quota/queryChanges'>> {
  const args = parseArgs(quotaQueryChangesArgsSchema, rawArgs);
  const accountId = await requireAccount(ctx, args.accountId);
  const since = snapshotSince(args.sinceQueryState);
  const now = await currentQuotas(ctx.store, accountId);
  const collations = ctx.limits.collationAlgorithms;
  const before = queryQuotas(quotasOf(since), args.filter, args.sort, collations);
  const after = queryQuotas(quotasOf(now), args.filter, args.sort, collations);
  const changed = new Set(diffQuotas(since, now).map((change) => change.id));

  const removed = before.filter((id) => changed.has(id) || !after.includes(id));
  const added = after.flatMap((id, index) =>
    changed.has(id) || !before.includes(id) ? [{ id, index }] : [],
  );
  if (args.maxChanges != null && removed.length + added.length > args.maxChanges)
    throw new MethodFailure(MethodErrorType.TooManyChanges);
  const result: QueryChangesResult = {
    accountId,
    oldQueryState: args.sinceQueryState,
    newQueryState: quotaState(now),
    removed,
    added,
  };
  if (args.calculateTotal === true) result.total = after.length;
  return result;
}
