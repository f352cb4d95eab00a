import { MethodErrorType } from '@colibri/jmap-types';
import type { Email, MethodResult, SetError } from '@colibri/jmap-types';
import type { AccountId } from '@colibri/mail-store';
import { z } from 'zod';
import type { MethodContext } from '../../method-context.js';
import { MethodFailure } from '../../method-failure.js';
import { requireAccount } from '../shared/account.js';
import { parseArgs } from '../shared/parse-args.js';
import { idSchema } from '../shared/schemas.js';
import { destroyEmails } from './set-destroy.js';
import { resolveId } from './set-ids.js';
import { updateEmail } from './set-update.js';

/** RFC 8620 §5.3: the standard /set arguments (RFC 8621 §4.6 adds none). */
export const emailSetArgsSchema = z.strictObject({
  accountId: idSchema,
  ifInState: z.string().nullable().optional(),
  create: z.record(z.string(), z.record(z.string(), z.unknown())).nullable().optional(),
  update: z.record(z.string(), z.record(z.string(), z.unknown())).nullable().optional(),
  destroy: z.array(z.string()).nullable().optional(),
});

const notYet = (what: string): SetError => ({
  type: 'forbidden',
  description: `${what} emails is not supported yet.`,
});

function orNull<T>(record: Record<string, T>): Record<string, T> | null {
  return Object.keys(record).length > 0 ? record : null;
}

/**
 * RFC 8621 §4.6: Email/set. Updates of `keywords` and `mailboxIds` (mark read, flag, move) and
 * destroy are served; create answers per-item `forbidden` for now.
 */
export async function emailSet(
  rawArgs: Record<string, unknown>,
  ctx: MethodContext,
): Promise<MethodResult<'Email/set'>> {
  const args = parseArgs(emailSetArgsSchema, rawArgs);
  const accountId: AccountId = requireAccount(ctx, args.accountId);
  const create = Object.keys(args.create ?? {});
  const update = Object.entries(args.update ?? {});
  const destroy = args.destroy ?? [];
  if (create.length + update.length + destroy.length > ctx.limits.maxObjectsInSet) {
    throw new MethodFailure(
      MethodErrorType.RequestTooLarge,
      `At most ${ctx.limits.maxObjectsInSet} objects per /set.`,
    );
  }
  const oldState = await ctx.store.getState(accountId, 'Email');
  if (args.ifInState != null && args.ifInState !== oldState)
    throw new MethodFailure(MethodErrorType.StateMismatch);

  const notCreated = Object.fromEntries(create.map((creationId) => [creationId, notYet('Creating')]));
  const updated: Record<string, Partial<Email> | null> = {};
  const notUpdated: Record<string, SetError> = {};
  for (const [id, patch] of update) {
    const emailId = resolveId(ctx, id);
    const error = emailId === null ? { type: 'notFound' } : await updateEmail(ctx, accountId, emailId, patch);
    if (error === null) updated[id] = null;
    else notUpdated[id] = error;
  }
  const { destroyed, notDestroyed } = await destroyEmails(ctx, accountId, destroy);

  return {
    accountId,
    oldState,
    newState: await ctx.store.getState(accountId, 'Email'),
    created: null,
    updated: orNull(updated),
    destroyed: destroyed.length > 0 ? destroyed : null,
    notCreated: orNull(notCreated),
    notUpdated: orNull(notUpdated),
    notDestroyed: orNull(notDestroyed),
  };
}
