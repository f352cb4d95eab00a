import type { MethodResult } from '@colibri/jmap-types';
import type { MethodContext } from '../../method-context.js';
import { requireMailAccess } from '../shared/account.js';
import { loadMailboxView } from './to-wire.js';
import { windowOf } from '../shared/query-window.js';
import { parseArgs } from '../shared/parse-args.js';
import { mailboxQueryArgsSchema } from './query-args.js';
import { mailboxQueryResults } from './query-tree.js';

/**
 * RFC 8621 §2.3: Mailbox/query, the standard /query of RFC 8620 §5.5 over the account's mailboxes
 * (filter, sort, sortAsTree, filterAsTree in `query-tree.ts`). Mailbox/queryChanges can follow
 * every such query.
 */
export async function mailboxQuery(
  rawArgs: Record<string, unknown>,
  ctx: MethodContext,
): Promise<MethodResult<'Mailbox/query'>> {
  const args = parseArgs(mailboxQueryArgsSchema, rawArgs);
  const access = await requireMailAccess(ctx, args.accountId);
  const { accountId } = access;
  // The state before the read: a write in between makes the client refetch, never miss a change.
  const queryState = await ctx.store.getState(accountId, 'Mailbox');
  const results = mailboxQueryResults(
    [...(await loadMailboxView(ctx, access)).mailboxes.values()],
    args,
    ctx.limits.collationAlgorithms,
  );
  const ids = results.map((mailbox) => mailbox.id as string);
  return { accountId, queryState, canCalculateChanges: true, ...windowOf(ids, args) };
}
