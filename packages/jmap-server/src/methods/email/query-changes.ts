import { MethodErrorType } from '@colibri/jmap-types';
import type { MethodResult, QueryChangesResult } from '@colibri/jmap-types';
import type { EmailQueryChangesInput } from '@colibri/mail-store';
import { StoreError } from '@colibri/mail-store';
import type { MethodContext } from '../../method-context.js';
import { MethodFailure } from '../../method-failure.js';
import { requireAccount } from '../shared/account.js';
import { parseArgs } from '../shared/parse-args.js';
import { emailQueryChangesArgsSchema } from './query-args.js';
import { toStoreFilter } from './query-filter.js';
import { toStoreSort } from './query-sort.js';

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
  const accountId = requireAccount(ctx, args.accountId);
  const input: EmailQueryChangesInput = { sinceState: args.sinceQueryState };
  const filter = toStoreFilter(args.filter);
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
