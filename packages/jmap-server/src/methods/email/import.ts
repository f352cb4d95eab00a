import { MethodErrorType } from '@colibri/jmap-types';
import type { MethodResult, SetError } from '@colibri/jmap-types';
import { z } from 'zod';
import type { MethodContext } from '../../method-context.js';
import { MethodFailure } from '../../method-failure.js';
import { resolveBlobId } from '../blob/blob-id.js';
import { orNull } from '../shared/set-helpers.js';
import type { MailAccess } from '../../access.js';
import { requireMailAccess } from '../shared/account.js';
import { readBlobFor } from '../shared/mail-visibility.js';
import { parseArgs } from '../shared/parse-args.js';
import { idSchema } from '../shared/schemas.js';
import { invalidProperties } from '../shared/invalid-properties.js';
import { createEmail, emailPlacementSchema, resolvePlacement, type CreatedEmail } from './import-create.js';

/** RFC 8621 §4.8: Email/import arguments; each EmailImport is checked per item (invalidProperties). */
export const emailImportArgsSchema = z.strictObject({
  accountId: idSchema,
  ifInState: z.string().nullable().optional(),
  emails: z.record(z.string(), z.record(z.string(), z.unknown())),
});

/** RFC 8621 §4.8: one EmailImport object. */
const emailImportSchema = emailPlacementSchema.extend({ blobId: z.string() }).strict();

async function importOne(
  ctx: MethodContext,
  access: MailAccess,
  wire: Record<string, unknown>,
): Promise<CreatedEmail> {
  const parsed = emailImportSchema.safeParse(wire);
  if (!parsed.success) return { error: invalidProperties(parsed.error) };
  const blobId = resolveBlobId(ctx, parsed.data.blobId);
  // Any blob the account may read: an upload, a message, a part of one (RFC 8620 §6).
  const raw = blobId === null ? null : await readBlobFor(ctx, access, blobId);
  if (raw === null) return { error: { type: 'blobNotFound', notFound: [parsed.data.blobId] } };
  const placement = await resolvePlacement(ctx, access, parsed.data);
  if ('type' in placement) return { error: placement };
  return createEmail(ctx, access.accountId, raw, placement);
}

/**
 * RFC 8621 §4.8: Email/import. Each email is one store import (one transaction logging Email,
 * Mailbox and Thread); creation ids are recorded for the rest of the request (RFC 8620 §5.3).
 */
export async function emailImport(
  rawArgs: Record<string, unknown>,
  ctx: MethodContext,
): Promise<MethodResult<'Email/import'>> {
  const args = parseArgs(emailImportArgsSchema, rawArgs);
  const access = await requireMailAccess(ctx, args.accountId);
  const { accountId } = access;
  const entries = Object.entries(args.emails);
  if (entries.length > ctx.limits.maxObjectsInSet)
    throw new MethodFailure(MethodErrorType.RequestTooLarge, `At most ${ctx.limits.maxObjectsInSet} emails.`);
  const oldState = await ctx.store.getState(accountId, 'Email');
  if (args.ifInState != null && args.ifInState !== oldState)
    throw new MethodFailure(MethodErrorType.StateMismatch);

  const created: NonNullable<MethodResult<'Email/import'>['created']> = {};
  const notCreated: Record<string, SetError> = {};
  for (const [creationId, wire] of entries) {
    const result = await importOne(ctx, access, wire);
    if ('error' in result) {
      notCreated[creationId] = result.error;
      continue;
    }
    const { id, blobId, threadId, size } = result.email;
    created[creationId] = { id, blobId, threadId, size };
    ctx.createdIds.set(creationId, id);
  }
  return {
    accountId,
    oldState,
    newState: await ctx.store.getState(accountId, 'Email'),
    created: orNull(created),
    notCreated: orNull(notCreated),
  };
}
