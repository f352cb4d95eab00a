import { MethodErrorType } from '@colibri/jmap-types';
import type { MethodResult, QueryChangesResult } from '@colibri/jmap-types';
import type { EmailFilter, EmailQueryChangesInput } from '@colibri/mail-store';
import { StoreError } from '@colibri/mail-store';
import type { MethodContext } from '../../method-context.js';
import { MethodFailure } from '../../method-failure.js';
import { requireMailAccess } from '../shared/account.js';
import { restrictFilter } from '../shared/mail-visibility.js';
import { parseArgs } from '../shared/parse-args.js';
import { emailQueryChangesArgsSchema } from './query-args.js';
import { toStoreFilter } from './query-filter.js';
import { toStoreSort } from './query-sort.js';

/** A filter nothing matches: a sharee with no readable mailbox left. */
const NOTHING_READABLE: EmailFilter = { operator: 'OR', conditions: [] };

/** The store's failures as RFC 8620 §5.6 method errors. */
const errors: Partial<Record<StoreError['code'], MethodErrorType>> = {
  cannotCalculateChanges: MethodErrorType.CannotCalculateChanges,
  tooManyChanges: MethodErrorType.TooManyChanges,
  unsupportedFilter: MethodErrorType.UnsupportedFilter,
  unsupportedSort: MethodErrorType.UnsupportedSort,
  invalid: MethodErrorType.InvalidArguments,
};

/**
 * RFC 8621 §4.5: Email/queryChanges, the standard /queryChanges of RFC 8620 §5.6. Every email
 * changed since sinceQueryState is in `removed`; those in the current results are `added` with
 * their index (the store's algorithm, see mail-store query-changes.ts). `upToId` is ignored, as
 * §5.6 allows.
 */
export async function emailQueryChanges(
  rawArgs: Record<string, unknown>,
  ctx: MethodContext,
): Promise<MethodResult<'Email/queryChanges'>> {
  const args = parseArgs(emailQueryChangesArgsSchema, rawArgs);
  const access = await requireMailAccess(ctx, args.accountId);
  const { accountId } = access;
  const input: EmailQueryChangesInput = { sinceState: args.sinceQueryState };
  // The same restriction as Email/query's, so that the changes follow the same results.
  const filter = restrictFilter(access, toStoreFilter(args.filter)) ?? NOTHING_READABLE;
  const sort = toStoreSort(args.sort, ctx.limits.collationAlgorithms);
  if (filter !== undefined) input.filter = filter;
  if (sort !== undefined) input.sort = sort;
  if (args.collapseThreads === true) input.collapseThreads = true;
  if (args.maxChanges != null) input.maxChanges = args.maxChanges;
  try {
    const changes = await ctx.store.queryEmailChanges(accountId, input);
    const result: QueryChangesResult = {
      accountId,
      oldQueryState: changes.oldState,
      newQueryState: changes.newState,
      removed: [...changes.removed],
      added: changes.added.map(({ id, index }) => ({ id, index })),
    };
    if (args.calculateTotal === true) result.total = changes.total;
    return result;
  } catch (error) {
    const type = error instanceof StoreError ? errors[error.code] : undefined;
    if (type === undefined) throw error;
    throw new MethodFailure(type, (error as Error).message);
  }
}
