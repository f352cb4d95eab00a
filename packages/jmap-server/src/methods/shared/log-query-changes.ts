import { MethodErrorType } from '@colibri/jmap-types';
import type { QueryChangesResult } from '@colibri/jmap-types';
import type { AccountId, ChangeType } from '@colibri/mail-store';
import type { MethodContext } from '../../method-context.js';
import { MethodFailure } from '../../method-failure.js';
import { isCannotCalculateChanges } from './store-errors.js';

/**
 * RFC 8620 §5.6 for a type whose query state is its change-log state and whose place in the
 * results depends on its own properties only: every object changed since `sinceQueryState` is
 * `removed` (§5.6 allows ids that were not in the old results), and those in the current results
 * (`results()`, read after the log) are `added` at their index. `upToId` is ignored, as §5.6 allows.
 */
export async function queryChangesFromLog(
  ctx: MethodContext,
  accountId: AccountId,
  type: ChangeType,
  args: { sinceQueryState: string; maxChanges?: number | null; calculateTotal?: boolean },
  results: () => Promise<string[]>,
): Promise<QueryChangesResult> {
  let changes;
  try {
    changes = await ctx.store.getChanges(accountId, type, args.sinceQueryState);
  } catch (error) {
    if (isCannotCalculateChanges(error))
      throw new MethodFailure(
        MethodErrorType.CannotCalculateChanges,
        `Cannot calculate changes since query state "${args.sinceQueryState}": query again.`,
      );
    throw error;
  }
  const ids = await results();
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
