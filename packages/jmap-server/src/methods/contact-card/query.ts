import type { MethodResult } from '@colibri/jmap-types';
import type { MethodContext } from '../../method-context.js';
import { requireAccount } from '../shared/account.js';
import { parseArgs } from '../shared/parse-args.js';
import { windowOf } from '../shared/query-window.js';
import { contactCardQueryArgsSchema } from './query-args.js';
import { contactCardResults } from './query-results.js';

/**
 * RFC 9610 §3.3: ContactCard/query, the standard /query. The queryState is the ContactCard state,
 * so /queryChanges can always calculate changes from the log. Unsorted, cards come by name.
 */
export async function contactCardQuery(
  rawArgs: Record<string, unknown>,
  ctx: MethodContext,
): Promise<MethodResult<'ContactCard/query'>> {
  const args = parseArgs(contactCardQueryArgsSchema, rawArgs);
  const accountId = await requireAccount(ctx, args.accountId);
  const queryState = await ctx.store.getState(accountId, 'ContactCard');
  const ids = await contactCardResults(ctx, accountId, args);
  return { accountId, queryState, canCalculateChanges: true, ...windowOf(ids, args) };
}
