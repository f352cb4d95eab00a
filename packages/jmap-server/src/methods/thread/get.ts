import { MethodErrorType } from '@colibri/jmap-types';
import type { MethodResult, Thread } from '@colibri/jmap-types';
import type { MethodContext } from '../../method-context.js';
import { MethodFailure } from '../../method-failure.js';
import { requireMailAccess } from '../shared/account.js';
import { visibleThreadEmailIds } from '../shared/mail-visibility.js';
import { pick, requestedIds, selectProperties } from '../shared/get-helpers.js';
import { toThreadId } from '../shared/ids.js';
import { parseArgs } from '../shared/parse-args.js';
import { getArgsSchema } from '../shared/schemas.js';

const THREAD_PROPERTIES: readonly (keyof Thread)[] = ['id', 'emailIds'];

/** RFC 8621 §3.1: Thread/get; a thread's emailIds are sorted by receivedAt, oldest first. */
export async function threadGet(
  rawArgs: Record<string, unknown>,
  ctx: MethodContext,
): Promise<MethodResult<'Thread/get'>> {
  const args = parseArgs(getArgsSchema, rawArgs);
  const access = await requireMailAccess(ctx, args.accountId);
  const { accountId } = access;
  const properties = selectProperties(args.properties, THREAD_PROPERTIES, THREAD_PROPERTIES);
  const ids = requestedIds(args.ids, ctx);
  // RFC 8620 §5.1: `ids: null` returns all records only "if this is supported for that data type";
  // it is not for threads (as many as the emails, and always reached through Email/get or /query).
  if (ids === null)
    throw new MethodFailure(MethodErrorType.RequestTooLarge, 'Thread/get needs a list of ids.');

  const state = await ctx.store.getState(accountId, 'Thread');
  const list: Thread[] = [];
  const notFound: string[] = [];
  for (const id of ids) {
    const threadId = toThreadId(id);
    const emailIds = threadId === null ? [] : await visibleThreadEmailIds(ctx, access, threadId);
    // A thread exists while it holds an email (RFC 8621 §3) the principal may read.
    if (emailIds.length === 0) notFound.push(id);
    else list.push(pick({ id, emailIds: [...emailIds] }, properties) as Thread);
  }
  return { accountId, state, list, notFound };
}
