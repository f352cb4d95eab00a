import { MethodErrorType } from '@colibri/jmap-types';
import type { MethodResult, SetError } from '@colibri/jmap-types';
import type { AccountId } from '@colibri/mail-store';
import { mayReadEmail, type MailAccess } from '../../access.js';
import { z } from 'zod';
import type { MethodContext } from '../../method-context.js';
import { MethodFailure } from '../../method-failure.js';
import { requireCopyAccounts } from '../blob/accounts.js';
import { orNull } from '../shared/set-helpers.js';
import { toEmailId } from '../shared/ids.js';
import { parseArgs } from '../shared/parse-args.js';
import { idSchema } from '../shared/schemas.js';
import { createEmail, emailPlacementSchema, resolvePlacement, type CreatedEmail } from './import-create.js';
import { invalidProperties } from '../shared/invalid-properties.js';
import { emailSet } from './set.js';

/** RFC 8620 §5.4: the standard /copy arguments. */
export const emailCopyArgsSchema = z.strictObject({
  fromAccountId: idSchema,
  ifFromInState: z.string().nullable().optional(),
  accountId: idSchema,
  ifInState: z.string().nullable().optional(),
  create: z.record(z.string(), z.record(z.string(), z.unknown())),
  onSuccessDestroyOriginal: z.boolean().optional(),
  destroyFromIfInState: z.string().nullable().optional(),
});

/**
 * RFC 8621 §4.7: what a copy may set: the original's id, then mailboxIds (required: the target's
 * mailboxes), keywords and receivedAt (the original's when absent). Anything else is
 * invalidProperties: the message itself is immutable.
 */
const emailCopySchema = emailPlacementSchema
  .extend({ id: z.string(), mailboxIds: emailPlacementSchema.shape.mailboxIds })
  .partial({ receivedAt: true, keywords: true })
  .strict();

type CopyArgs = z.output<typeof emailCopyArgsSchema>;
type CopyResult = MethodResult<'Email/copy'>;

async function copyOne(
  ctx: MethodContext,
  fromAccess: MailAccess,
  to: MailAccess,
  wire: Record<string, unknown>,
): Promise<CreatedEmail & { originalId?: string }> {
  const from = fromAccess.accountId;
  const parsed = emailCopySchema.safeParse(wire);
  if (!parsed.success) return { error: invalidProperties(parsed.error) };
  const emailId = toEmailId(parsed.data.id);
  const [original] = emailId === null ? [] : await ctx.store.getEmailSummaries(from, [emailId]);
  // An email the principal may not read in a shared account does not exist for them (RFC 9670).
  if (original === undefined || !mayReadEmail(fromAccess, original.mailboxIds))
    return { error: { type: 'notFound', description: `No email ${parsed.data.id}.` } };
  const raw = await ctx.store.readBlob(from, original.blobId);
  // The email is there but its message is not: a fault of the store, not of the request.
  if (raw === null) throw new Error(`raw blob ${original.blobId} of email ${original.id} is missing`);
  const placement = await resolvePlacement(ctx, to, {
    mailboxIds: parsed.data.mailboxIds,
    keywords: parsed.data.keywords ?? Object.fromEntries(original.keywords.map((k) => [k, true as const])),
    receivedAt: parsed.data.receivedAt,
  });
  if ('type' in placement) return { error: placement };
  const created = await createEmail(ctx, to.accountId, raw, {
    ...placement,
    receivedAt: placement.receivedAt ?? original.receivedAt,
  });
  return { ...created, originalId: original.id };
}

/**
 * RFC 8620 §5.4 for Email, once both accounts are known to be accessible: each copy is an import
 * of the original's message into the target (one store transaction each). With
 * onSuccessDestroyOriginal, the originals copied are destroyed by an implicit Email/set on the
 * source account, whose response follows this one (ifInState = destroyFromIfInState).
 */
export async function copyEmails(
  ctx: MethodContext,
  fromAccess: MailAccess,
  toAccess: MailAccess,
  args: CopyArgs,
): Promise<CopyResult> {
  const from = fromAccess.accountId;
  const to = toAccess.accountId;
  const entries = Object.entries(args.create);
  if (entries.length > ctx.limits.maxObjectsInSet)
    throw new MethodFailure(MethodErrorType.RequestTooLarge, `At most ${ctx.limits.maxObjectsInSet} emails.`);
  const fromState = await ctx.store.getState(from, 'Email');
  if (args.ifFromInState != null && args.ifFromInState !== fromState)
    throw new MethodFailure(MethodErrorType.StateMismatch, 'ifFromInState does not match.');
  const oldState = await ctx.store.getState(to, 'Email');
  if (args.ifInState != null && args.ifInState !== oldState)
    throw new MethodFailure(MethodErrorType.StateMismatch);

  const created: NonNullable<CopyResult['created']> = {};
  const notCreated: Record<string, SetError> = {};
  const copiedOriginals: string[] = [];
  for (const [creationId, wire] of entries) {
    const result = await copyOne(ctx, fromAccess, toAccess, wire);
    if ('error' in result) {
      notCreated[creationId] = result.error;
      continue;
    }
    const { id, blobId, threadId, size } = result.email;
    created[creationId] = { id, blobId, threadId, size };
    ctx.createdIds.set(creationId, id);
    if (result.originalId !== undefined) copiedOriginals.push(result.originalId);
  }
  if (args.onSuccessDestroyOriginal === true && copiedOriginals.length > 0)
    await destroyOriginals(ctx, from, copiedOriginals, args.destroyFromIfInState);
  return {
    fromAccountId: from,
    accountId: to,
    oldState,
    newState: await ctx.store.getState(to, 'Email'),
    created: orNull(created),
    notCreated: orNull(notCreated),
  };
}

/** RFC 8620 §5.4: the implicit Email/set destroying the originals; its response, or error, follows. */
async function destroyOriginals(
  ctx: MethodContext,
  from: AccountId,
  ids: string[],
  ifInState: string | null | undefined,
): Promise<void> {
  try {
    const result = await emailSet({ accountId: from, ifInState: ifInState ?? null, destroy: ids }, ctx);
    ctx.followUps.push(['Email/set', { ...result }]);
  } catch (error) {
    if (!(error instanceof MethodFailure)) throw error;
    ctx.followUps.push(['error', { ...error.toMethodError() }]);
  }
}

/**
 * RFC 8621 §4.7: Email/copy. The two accounts must differ (RFC 8620 §5.4) and both be accessible:
 * the principal's own and those shared with them (RFC 9670), under the rights of their shares.
 */
export async function emailCopy(rawArgs: Record<string, unknown>, ctx: MethodContext): Promise<CopyResult> {
  const args = parseArgs(emailCopyArgsSchema, rawArgs);
  const { from, to } = await requireCopyAccounts(ctx, args.fromAccountId, args.accountId);
  if (from.accountId === to.accountId)
    throw new MethodFailure(MethodErrorType.InvalidArguments, 'fromAccountId must differ from accountId.', {
      arguments: ['fromAccountId'],
    });
  return copyEmails(ctx, from, to, args);
}
