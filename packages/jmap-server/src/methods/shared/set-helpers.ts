import { MethodErrorType } from '@colibri/jmap-types';
import type { CoreCapability, SetError } from '@colibri/jmap-types';
import { StoreError } from '@colibri/mail-store';
import type { AccountId, ChangeType } from '@colibri/mail-store';
import type { z } from 'zod';
import type { MethodContext } from '../../method-context.js';
import { MethodFailure } from '../../method-failure.js';
import { requireAccount } from './account.js';
import { parseArgs } from './parse-args.js';
import { setArgsSchema } from './schemas.js';

/** RFC 8620 §5.3: the maps of a /set response are null when empty. */
export function orNull<T>(record: Record<string, T>): Record<string, T> | null {
  return Object.keys(record).length > 0 ? record : null;
}

/** RFC 8620 §5.3 overQuota: a server limit on the number of objects of the type, reached. */
export function overQuotaAt(count: number, max: number, what: string): SetError | null {
  return count >= max ? { type: 'overQuota', description: `At most ${max} ${what}.` } : null;
}

/** RFC 8620 §5.3: more create + update + destroy entries than maxObjectsInSet is requestTooLarge. */
export function assertSetSize(
  args: { create?: object | null; update?: object | null; destroy?: readonly unknown[] | null },
  limits: CoreCapability,
): void {
  const count =
    Object.keys(args.create ?? {}).length +
    Object.keys(args.update ?? {}).length +
    (args.destroy ?? []).length;
  if (count > limits.maxObjectsInSet)
    throw new MethodFailure(
      MethodErrorType.RequestTooLarge,
      `At most ${limits.maxObjectsInSet} objects per /set.`,
    );
}

/** RFC 8620 §5.3 ifInState: a state other than the current one is stateMismatch. */
export function assertInState(ifInState: string | null | undefined, state: string): void {
  if (ifInState != null && ifInState !== state) throw new MethodFailure(MethodErrorType.StateMismatch);
}

/**
 * The store's expected per-item failures as RFC 8620 §5.3 / RFC 8621 SetErrors; anything else
 * (a bug, the disk) is rethrown for the error edge.
 */
export function setErrorOf(error: unknown, properties?: string[]): SetError {
  if (!(error instanceof StoreError)) throw error;
  switch (error.code) {
    case 'notFound':
      return { type: 'notFound' };
    case 'forbidden':
      return { type: 'forbidden', description: error.message };
    case 'forbiddenFrom':
      return { type: 'forbiddenFrom', description: error.message };
    case 'invalid':
      return {
        type: 'invalidProperties',
        description: error.message,
        ...(properties === undefined ? {} : { properties }),
      };
    case 'overQuota':
      return { type: 'overQuota', description: error.message };
    default:
      throw error;
  }
}

/**
 * RFC 8620 §5.3: what every /set does before its first write: parse the arguments, check the
 * account (its owner only unless `authorise` says otherwise), the size and ifInState against the
 * type's state (read before any write: `oldState`).
 */
export async function beginSet(
  type: ChangeType,
  rawArgs: Record<string, unknown>,
  ctx: MethodContext,
  authorise: (ctx: MethodContext, accountId: string) => Promise<AccountId> = requireAccount,
): Promise<{ args: z.output<typeof setArgsSchema>; accountId: AccountId; oldState: string }> {
  const args = parseArgs(setArgsSchema, rawArgs);
  const accountId = await authorise(ctx, args.accountId);
  assertSetSize(args, ctx.limits);
  const oldState = await ctx.store.getState(accountId, type);
  assertInState(args.ifInState, oldState);
  return { args, accountId, oldState };
}
