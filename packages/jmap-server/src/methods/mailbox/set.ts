import { MethodErrorType } from '@colibri/jmap-types';
import type { Mailbox, MethodResult, SetError } from '@colibri/jmap-types';
import { z } from 'zod';
import { resolveId } from '../shared/creation-ids.js';
import type { MethodContext } from '../../method-context.js';
import { MethodFailure } from '../../method-failure.js';
import { requireMailAccess } from '../shared/account.js';
import { loadMailboxView } from './to-wire.js';
import { parseArgs } from '../shared/parse-args.js';
import { idSchema } from '../shared/schemas.js';
import { createMailboxes } from './set-create.js';
import { destroyMailboxes } from './set-destroy.js';
import { updateMailbox } from './set-update.js';

/** RFC 8620 §5.3 arguments plus RFC 8621 §2.5 `onDestroyRemoveEmails`. */
export const mailboxSetArgsSchema = z.strictObject({
  accountId: idSchema,
  ifInState: z.string().nullable().optional(),
  create: z.record(z.string(), z.record(z.string(), z.unknown())).nullable().optional(),
  update: z.record(z.string(), z.record(z.string(), z.unknown())).nullable().optional(),
  destroy: z.array(z.string()).nullable().optional(),
  onDestroyRemoveEmails: z.boolean().optional(),
});

const orNull = <T>(record: Record<string, T>): Record<string, T> | null =>
  Object.keys(record).length > 0 ? record : null;

/**
 * RFC 8621 §2.5: Mailbox/set. Creates (parents first when they are `#creationId`s of this call),
 * then updates, then destroys (children first), each one store transaction; per-item failures
 * are SetErrors, see `set-errors.ts`.
 */
export async function mailboxSet(
  rawArgs: Record<string, unknown>,
  ctx: MethodContext,
): Promise<MethodResult<'Mailbox/set'>> {
  const args = parseArgs(mailboxSetArgsSchema, rawArgs);
  const access = await requireMailAccess(ctx, args.accountId);
  const { accountId } = access;
  const update = Object.entries(args.update ?? {});
  const destroy = args.destroy ?? [];
  const count = Object.keys(args.create ?? {}).length + update.length + destroy.length;
  if (count > ctx.limits.maxObjectsInSet) {
    throw new MethodFailure(
      MethodErrorType.RequestTooLarge,
      `At most ${ctx.limits.maxObjectsInSet} objects per /set.`,
    );
  }
  const oldState = await ctx.store.getState(accountId, 'Mailbox');
  if (args.ifInState != null && args.ifInState !== oldState)
    throw new MethodFailure(MethodErrorType.StateMismatch);

  const { created, notCreated } = await createMailboxes(
    ctx,
    await loadMailboxView(ctx, access),
    args.create ?? {},
  );

  const updated: Record<string, Partial<Mailbox> | null> = {};
  const notUpdated: Record<string, SetError> = {};
  if (update.length > 0) {
    const view = await loadMailboxView(ctx, access);
    for (const [id, patch] of update) {
      const outcome = await updateMailbox(ctx, view, id, patch);
      // RFC 8620 §5.3: the mailbox by its id, also when the client used `#creationId`.
      const key = resolveId(ctx, id) ?? id;
      if ('error' in outcome) notUpdated[key] = outcome.error;
      else updated[key] = outcome.changed;
    }
  }

  let destroyed: string[] = [];
  let notDestroyed: Record<string, SetError> = {};
  if (destroy.length > 0) {
    // Read after the updates: the depth order of the destroys follows any moves just made.
    const view = await loadMailboxView(ctx, access);
    const removeEmails = args.onDestroyRemoveEmails === true;
    ({ destroyed, notDestroyed } = await destroyMailboxes(ctx, view, destroy, removeEmails));
  }

  return {
    accountId,
    oldState,
    newState: await ctx.store.getState(accountId, 'Mailbox'),
    created: orNull(created),
    updated: orNull(updated),
    destroyed: destroyed.length > 0 ? destroyed : null,
    notCreated: orNull(notCreated),
    notUpdated: orNull(notUpdated),
    notDestroyed: orNull(notDestroyed),
  };
}
