import { MethodErrorType } from '@colibri/jmap-types';
import type { ChangesResult } from '@colibri/jmap-types';
import type { AccountId, ChangeType } from '@colibri/mail-store';
import type { MethodContext } from '../../method-context.js';
import { MethodFailure } from '../../method-failure.js';
import type { MailAccess } from '../../access.js';
import { requireAccount, requireMailAccess } from './account.js';
import { parseArgs } from './parse-args.js';
import { changesArgsSchema } from './schemas.js';
import { isCannotCalculateChanges } from './store-errors.js';

/** Which of these ids of a mail type the principal may see in a shared account. */
export type VisibleIds = (ctx: MethodContext, access: MailAccess, ids: string[]) => Promise<Set<string>>;

/**
 * How a calendar or contacts /changes reaches its account (RFC 9670): the account, and in a shared
 * one which of the changed ids the principal may see (null: all, their own account).
 */
export type ReachCollection = (
  ctx: MethodContext,
  accountId: string,
) => Promise<{ accountId: AccountId; visible: ((ids: string[]) => Promise<Set<string>>) | null }>;

/**
 * In a shared account, an object the principal may not see is reported destroyed: it may have been
 * visible before (a mailbox unshared, an email moved out of a shared mailbox), and a client drops
 * an id it never had without harm (RFC 8620 §5.2).
 */
function hideInvisible(result: ChangesResult, visible: Set<string>): ChangesResult {
  const hidden = [...result.created, ...result.updated].filter((id) => !visible.has(id));
  return {
    ...result,
    created: result.created.filter((id) => visible.has(id)),
    updated: result.updated.filter((id) => visible.has(id)),
    destroyed: [...new Set([...result.destroyed, ...hidden])],
  };
}

/**
 * RFC 8620 §5.2: the standard /changes over the store's change log for one type. A state the log
 * can no longer answer from (unknown, malformed or pruned) is cannotCalculateChanges.
 */
export async function changesFor(
  type: ChangeType,
  rawArgs: Record<string, unknown>,
  ctx: MethodContext,
  mail?: VisibleIds,
  reach?: ReachCollection,
): Promise<ChangesResult> {
  const args = parseArgs(changesArgsSchema, rawArgs);
  const access = mail === undefined ? null : await requireMailAccess(ctx, args.accountId);
  const collection = reach === undefined ? null : await reach(ctx, args.accountId);
  const accountId = access?.accountId ?? collection?.accountId ?? (await requireAccount(ctx, args.accountId));
  try {
    const changes = await ctx.store.getChanges(
      accountId,
      type,
      args.sinceState,
      args.maxChanges ?? undefined,
    );
    const result = {
      accountId,
      oldState: changes.oldState,
      newState: changes.newState,
      hasMoreChanges: changes.hasMoreChanges,
      created: [...changes.created],
      updated: [...changes.updated],
      destroyed: [...changes.destroyed],
    };
    if (collection?.visible != null)
      return hideInvisible(result, await collection.visible([...result.created, ...result.updated]));
    return access === null || mail === undefined || access.shares === null
      ? result
      : hideInvisible(result, await mail(ctx, access, [...result.created, ...result.updated]));
  } catch (error) {
    if (isCannotCalculateChanges(error)) {
      throw new MethodFailure(
        MethodErrorType.CannotCalculateChanges,
        `Cannot calculate ${type} changes since state "${args.sinceState}": fetch again.`,
      );
    }
    throw error;
  }
}
