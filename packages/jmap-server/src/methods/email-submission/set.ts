import { MethodErrorType } from '@colibri/jmap-types';
import type { EmailSubmission, MethodResult, SetError } from '@colibri/jmap-types';
import { z } from 'zod';
import type { MethodContext } from '../../method-context.js';
import { MethodFailure } from '../../method-failure.js';
import { resolveId } from '../shared/creation-ids.js';
import { requireAccount } from '../shared/account.js';
import { toEmailSubmissionId } from '../shared/ids.js';
import { parseArgs } from '../shared/parse-args.js';
import { idSchema } from '../shared/schemas.js';
import { createSubmission } from './set-create.js';
import { runOnSuccess } from './set-on-success.js';
import { destroySubmission, updateSubmission } from './set-update.js';
import { clientSubmissions } from './to-wire.js';

const objects = z.record(z.string(), z.record(z.string(), z.unknown()));

/** RFC 8620 §5.3 /set arguments and RFC 8621 §7.5's onSuccessUpdateEmail / onSuccessDestroyEmail. */
const setArgsSchema = z.strictObject({
  accountId: idSchema,
  ifInState: z.string().nullable().optional(),
  create: objects.nullable().optional(),
  update: objects.nullable().optional(),
  destroy: z.array(z.string()).nullable().optional(),
  onSuccessUpdateEmail: objects.nullable().optional(),
  onSuccessDestroyEmail: z.array(z.string()).nullable().optional(),
});

const orNull = <T>(record: Record<string, T>): Record<string, T> | null =>
  Object.keys(record).length > 0 ? record : null;

/**
 * RFC 8621 §7.5: EmailSubmission/set. Create queues an email (see set-create.ts), update only
 * cancels a pending one, destroy removes the record. Then the implicit Email/set of
 * onSuccessUpdateEmail / onSuccessDestroyEmail for the submissions that succeeded.
 */
export async function emailSubmissionSet(
  rawArgs: Record<string, unknown>,
  ctx: MethodContext,
): Promise<MethodResult<'EmailSubmission/set'>> {
  const args = parseArgs(setArgsSchema, rawArgs);
  const accountId = await requireAccount(ctx, args.accountId);
  const create = Object.entries(args.create ?? {});
  const update = Object.entries(args.update ?? {});
  const destroy = [...new Set(args.destroy ?? [])];
  if (create.length + update.length + destroy.length > ctx.limits.maxObjectsInSet)
    throw new MethodFailure(
      MethodErrorType.RequestTooLarge,
      `At most ${ctx.limits.maxObjectsInSet} objects per /set.`,
    );
  const oldState = await ctx.store.getState(accountId, 'EmailSubmission');
  if (args.ifInState != null && args.ifInState !== oldState)
    throw new MethodFailure(MethodErrorType.StateMismatch);

  // Submission key ("#creationId" or id) -> its emailId, for each one that succeeded.
  const succeeded = new Map<string, string>();
  const created: Record<string, Partial<EmailSubmission>> = {};
  const notCreated: Record<string, SetError> = {};
  if (create.length > 0) {
    const identities = await ctx.store.listIdentities(accountId);
    for (const [creationId, object] of create) {
      const result = await createSubmission(ctx, accountId, object, identities);
      if ('type' in result) {
        notCreated[creationId] = result;
        continue;
      }
      created[creationId] = result.wire;
      ctx.createdIds.set(creationId, result.wire.id as string);
      succeeded.set(`#${creationId}`, result.emailId);
    }
  }

  // The existing submissions named by update and destroy (a "#creationId" resolves, §5.3).
  const named = [...update.map(([id]) => id), ...destroy];
  const storeIds = named.flatMap((id) => toEmailSubmissionId(resolveId(ctx, id) ?? '') ?? []);
  const existing = new Map(
    (storeIds.length > 0 ? await clientSubmissions(ctx.store, accountId, storeIds) : []).map((s) => [
      s.id as string,
      s,
    ]),
  );
  const find = (id: string) => existing.get(resolveId(ctx, id) ?? '');

  const updated: Record<string, null> = {};
  const notUpdated: Record<string, SetError> = {};
  for (const [given, patch] of update) {
    // RFC 8620 §5.3: the submission by its id, also when the client used `#creationId`.
    const id = resolveId(ctx, given) ?? given;
    const error = await updateSubmission(ctx, accountId, find(id), patch);
    if (error !== null) notUpdated[id] = error;
    else {
      updated[id] = null;
      // onSuccess* may name it either way.
      succeeded.set(id, find(id)?.emailId ?? '').set(given, find(id)?.emailId ?? '');
    }
  }
  const destroyed: string[] = [];
  const notDestroyed: Record<string, SetError> = {};
  for (const id of destroy) {
    const error = await destroySubmission(ctx, accountId, find(id));
    if (error !== null) notDestroyed[id] = error;
    else {
      destroyed.push(id);
      succeeded.set(id, find(id)?.emailId ?? '');
    }
  }
  const newState = await ctx.store.getState(accountId, 'EmailSubmission');

  await runOnSuccess(
    ctx,
    accountId,
    { update: args.onSuccessUpdateEmail ?? {}, destroy: args.onSuccessDestroyEmail ?? [] },
    succeeded,
  );
  return {
    accountId,
    oldState,
    newState,
    created: orNull(created),
    updated: orNull(updated),
    destroyed: destroyed.length > 0 ? destroyed : null,
    notCreated: orNull(notCreated),
    notUpdated: orNull(notUpdated),
    notDestroyed: orNull(notDestroyed),
  };
}
