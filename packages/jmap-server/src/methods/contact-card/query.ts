import type { MethodResult } from '@colibri/jmap-types';
import type { MethodContext } from '../../method-context.js';
import { loadBookView, visibleCardIds } from '../address-book/access.js';
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
  const view = await loadBookView(ctx, args.accountId);
  const accountId = view.access.accountId;
  const queryState = await ctx.store.getState(accountId, 'ContactCard');
  const ids = await visibleCardIds(ctx, view, await contactCardResults(ctx, accountId, args));
  return { accountId, queryState, canCalculateChanges: true, ...windowOf(ids, args) };
}
