import { MethodErrorType } from '@colibri/jmap-types';
import type { MethodResult, QueryResult } from '@colibri/jmap-types';
import { MAX_QUERY_LIMIT } from '../../limits.js';
import type { MethodContext } from '../../method-context.js';
import { MethodFailure } from '../../method-failure.js';
import { requireAccount } from '../shared/account.js';
import { parseArgs } from '../shared/parse-args.js';
import { mailboxQueryArgsSchema } from './query-args.js';
import { mailboxQueryResults } from './query-tree.js';

/** RFC 8620 §5.5: where the window starts: the anchor's index plus anchorOffset, else position. */
function windowStart(
  ids: readonly string[],
  args: {
    position?: number | undefined;
    anchor?: string | null | undefined;
    anchorOffset?: number | undefined;
  },
): number {
  if (args.anchor != null) {
    const index = ids.indexOf(args.anchor);
    if (index === -1) throw new MethodFailure(MethodErrorType.AnchorNotFound);
    return Math.max(0, index + (args.anchorOffset ?? 0));
  }
  const position = args.position ?? 0;
  return position < 0 ? Math.max(0, ids.length + position) : position;
}

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
  const accountId = requireAccount(ctx, args.accountId);
  // §5.5: a larger (or null) limit is clamped to the server's maximum, which is then returned.
  const clamped = args.limit == null || args.limit > MAX_QUERY_LIMIT;
  const limit = clamped ? MAX_QUERY_LIMIT : (args.limit ?? MAX_QUERY_LIMIT);

  // The state before the read: a write in between makes the client refetch, never miss a change.
  const queryState = await ctx.store.getState(accountId, 'Mailbox');
  const results = mailboxQueryResults(
    await ctx.store.listMailboxes(accountId),
    args,
    ctx.limits.collationAlgorithms,
  );
  const ids = results.map((mailbox) => mailbox.id as string);
  const position = windowStart(ids, args);
  const result: QueryResult = {
    accountId,
    queryState,
    canCalculateChanges: true,
    position,
    ids: ids.slice(position, position + limit),
  };
  if (args.calculateTotal === true) result.total = ids.length;
  if (clamped) result.limit = limit;
  return result;
}
