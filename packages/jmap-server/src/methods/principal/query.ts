import { MethodErrorType } from '@colibri/jmap-types';
import type { MethodResult } from '@colibri/jmap-types';
import type { MethodContext } from '../../method-context.js';
import { MethodFailure } from '../../method-failure.js';
import { requireAccount } from '../shared/account.js';
import { parseArgs } from '../shared/parse-args.js';
import { windowOf } from '../shared/query-window.js';
import { loadPrincipals } from './directory-wire.js';
import { principalQueryArgsSchema, principalQueryChangesArgsSchema, principalResults } from './query-args.js';

/** RFC 9670 §2.4: Principal/query over the user's directory; the queryState is the Principal state. */
export async function principalQuery(
  rawArgs: Record<string, unknown>,
  ctx: MethodContext,
): Promise<MethodResult<'Principal/query'>> {
  const args = parseArgs(principalQueryArgsSchema, rawArgs);
  const accountId = await requireAccount(ctx, args.accountId);
  principalResults([], args, ctx.limits.collationAlgorithms); // unsupportedSort before any read
  const { list, state } = await loadPrincipals(ctx);
  const ids = principalResults(list, args, ctx.limits.collationAlgorithms);
  return { accountId, queryState: state, canCalculateChanges: false, ...windowOf(ids, args) };
}

/**
 * RFC 9670 §2.5: Principal/queryChanges. Without a change log (see Principal/changes) only the
 * current state has an answer: no changes; any other is cannotCalculateChanges.
 */
export async function principalQueryChanges(
  rawArgs: Record<string, unknown>,
  ctx: MethodContext,
): Promise<MethodResult<'Principal/queryChanges'>> {
  const args = parseArgs(principalQueryChangesArgsSchema, rawArgs);
  const accountId = await requireAccount(ctx, args.accountId);
  principalResults([], args, ctx.limits.collationAlgorithms);
  const { list, state } = await loadPrincipals(ctx);
  if (args.sinceQueryState !== state)
    throw new MethodFailure(MethodErrorType.CannotCalculateChanges, 'Query the principals again.');
  const result = { accountId, oldQueryState: state, newQueryState: state, removed: [], added: [] };
  return args.calculateTotal === true
    ? { ...result, total: principalResults(list, args, ctx.limits.collationAlgorithms).length }
    : result;
}
