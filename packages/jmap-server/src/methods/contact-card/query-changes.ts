import type { MethodResult } from '@colibri/jmap-types';
import type { MethodContext } from '../../method-context.js';
import { loadBookView, visibleCardIds } from '../address-book/access.js';
import { queryChangesFromLog } from '../shared/log-query-changes.js';
import { parseArgs } from '../shared/parse-args.js';
import { contactCardQueryChangesArgsSchema } from './query-args.js';
import { contactCardResults } from './query-results.js';

/**
 * RFC 9610 §3.4: ContactCard/queryChanges, the standard /queryChanges from the ContactCard log:
 * a card's place depends on its own properties (and, for `recentlyUsed`, its last use, which is
 * not logged: such a query may show a stale order until the card changes).
 */
export async function contactCardQueryChanges(
  rawArgs: Record<string, unknown>,
  ctx: MethodContext,
): Promise<MethodResult<'ContactCard/queryChanges'>> {
  const args = parseArgs(contactCardQueryChangesArgsSchema, rawArgs);
  const view = await loadBookView(ctx, args.accountId);
  const accountId = view.access.accountId;
  return queryChangesFromLog(ctx, accountId, 'ContactCard', args, async () =>
    visibleCardIds(ctx, view, await contactCardResults(ctx, accountId, args)),
  );
}
