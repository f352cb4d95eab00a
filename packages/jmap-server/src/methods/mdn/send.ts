import { MethodErrorType } from '@colibri/jmap-types';
import type { Mdn, MethodResult, SetError } from '@colibri/jmap-types';
import { z } from 'zod';
import type { MethodContext } from '../../method-context.js';
import { MethodFailure } from '../../method-failure.js';
import { orNull } from '../shared/set-helpers.js';
import { resolveId } from '../shared/creation-ids.js';
import { runOnSuccess } from '../email-submission/set-on-success.js';
import { requireAccount } from '../shared/account.js';
import { toIdentityId } from '../shared/ids.js';
import { parseArgs } from '../shared/parse-args.js';
import { idSchema } from '../shared/schemas.js';
import { sendOneMdn } from './send-one.js';

/** RFC 9007 §2.1: MDN/send arguments. */
export const sendArgsSchema = z.strictObject({
  accountId: idSchema,
  identityId: z.string(),
  send: z.record(z.string(), z.record(z.string(), z.unknown())),
  onSuccessUpdateEmail: z.record(z.string(), z.record(z.string(), z.unknown())).nullable().optional(),
});

/**
 * RFC 9007 §2.1: MDN/send. Each MDN is composed (RFC 8098) and queued for the addresses its email
 * asked with Disposition-Notification-To; then onSuccessUpdateEmail ("#creationId" -> patch of
 * that MDN's email, usually setting $mdnsent) runs as an implicit Email/set, answered right after.
 */
export async function mdnSend(
  rawArgs: Record<string, unknown>,
  ctx: MethodContext,
): Promise<MethodResult<'MDN/send'>> {
  const args = parseArgs(sendArgsSchema, rawArgs);
  const accountId = await requireAccount(ctx, args.accountId);
  const send = Object.entries(args.send);
  if (send.length > ctx.limits.maxObjectsInSet)
    throw new MethodFailure(
      MethodErrorType.RequestTooLarge,
      `At most ${ctx.limits.maxObjectsInSet} MDNs per MDN/send.`,
    );
  const identityId = toIdentityId(resolveId(ctx, args.identityId) ?? '');
  const identity = (await ctx.store.listIdentities(accountId)).find(
    (candidate) => candidate.id === identityId,
  );
  if (identity === undefined)
    throw new MethodFailure(
      MethodErrorType.InvalidArguments,
      'identityId is not an identity of this account.',
    );

  const sent: Record<string, Partial<Mdn>> = {};
  const notSent: Record<string, SetError> = {};
  // "#creationId" -> the email of each MDN sent, for onSuccessUpdateEmail.
  const succeeded = new Map<string, string>();
  for (const [creationId, object] of send) {
    const result = await sendOneMdn(ctx, accountId, identity, object, new Set(succeeded.values()));
    if ('type' in result) notSent[creationId] = result;
    else {
      sent[creationId] = result.wire;
      succeeded.set(`#${creationId}`, result.emailId);
    }
  }
  await runOnSuccess(ctx, accountId, { update: args.onSuccessUpdateEmail ?? {}, destroy: [] }, succeeded);
  return { accountId, sent: orNull(sent), notSent: orNull(notSent) };
}
