import { MethodErrorType } from '@colibri/jmap-types';
import type { ChangesResult } from '@colibri/jmap-types';
import type { ChangeType } from '@colibri/mail-store';
import type { MethodContext } from '../../method-context.js';
import { MethodFailure } from '../../method-failure.js';
import { requireAccount } from './account.js';
import { parseArgs } from './parse-args.js';
import { changesArgsSchema } from './schemas.js';
import { isCannotCalculateChanges } from './store-errors.js';

/**
 * RFC 8620 §5.2: the standard /changes over the store's change log for one type. A state the log
 * can no longer answer from (unknown, malformed or pruned) is cannotCalculateChanges.
 */
export async function changesFor(
  type: ChangeType,
  rawArgs: Record<string, unknown>,
  ctx: MethodContext,
): Promise<ChangesResult> {
  const args = parseArgs(changesArgsSchema, rawArgs);
  const accountId = requireAccount(ctx, args.accountId);
  try {
    const changes = await ctx.store.getChanges(
      accountId,
      type,
      args.sinceState,
      args.maxChanges ?? undefined,
    );
    return {
      accountId,
      oldState: changes.oldState,
      newState: changes.newState,
      hasMoreChanges: changes.hasMoreChanges,
      created: [...changes.created],
      updated: [...changes.updated],
      destroyed: [...changes.destroyed],
    };
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
