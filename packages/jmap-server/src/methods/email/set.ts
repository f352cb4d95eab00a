import { MethodErrorType } from '@colibri/jmap-types';
import type { Email, MethodResult, SetError } from '@colibri/jmap-types';
import type { MethodContext } from '../../method-context.js';
import { MethodFailure } from '../../method-failure.js';
import { requireMailAccess } from '../shared/account.js';
import { parseArgs } from '../shared/parse-args.js';
import { setArgsSchema } from '../shared/schemas.js';
import { orNull } from '../shared/set-helpers.js';
import { createdProperties, createOneEmail } from './set-create.js';
import { destroyEmails } from './set-destroy.js';
import { resolveId } from '../shared/creation-ids.js';
import { updateEmail } from './set-update.js';

/**
 * RFC 8621 §4.6: Email/set. Create builds a message from JMAP properties (drafts, messages to
 * send); updates of `keywords` and `mailboxIds` (mark read, flag, move); destroy.
 */
export async function emailSet(
  rawArgs: Record<string, unknown>,
  ctx: MethodContext,
): Promise<MethodResult<'Email/set'>> {
  const args = parseArgs(setArgsSchema, rawArgs);
  const access = await requireMailAccess(ctx, args.accountId);
  const { accountId } = access;
  const create = Object.entries(args.create ?? {});
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

  // RFC 8620 §5.3: create, then update, then destroy; each creation id is usable from then on.
  const created: Record<string, Partial<Email>> = {};
  const notCreated: Record<string, SetError> = {};
  for (const [creationId, email] of create) {
    const result = await createOneEmail(ctx, access, email);
    if ('error' in result) notCreated[creationId] = result.error;
    else {
      created[creationId] = createdProperties(result);
      ctx.createdIds.set(creationId, result.email.id);
    }
  }
  const updated: Record<string, Partial<Email> | null> = {};
  const notUpdated: Record<string, SetError> = {};
  for (const [id, patch] of update) {
    const emailId = resolveId(ctx, id);
    const error = emailId === null ? { type: 'notFound' } : await updateEmail(ctx, access, emailId, patch);
    // RFC 8620 §5.3: the response names the email by its id, also when the client used `#creationId`.
    if (error === null) updated[emailId ?? id] = null;
    else notUpdated[emailId ?? id] = error;
  }
  const { destroyed, notDestroyed } = await destroyEmails(ctx, access, destroy);

  return {
    accountId,
    oldState,
    newState: await ctx.store.getState(accountId, 'Email'),
    created: orNull(created),
    updated: orNull(updated),
    destroyed: destroyed.length > 0 ? destroyed : null,
    notCreated: orNull(notCreated),
    notUpdated: orNull(notUpdated),
    notDestroyed: orNull(notDestroyed),
  };
}
