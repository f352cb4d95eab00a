import type { MethodResult, SetError } from '@colibri/jmap-types';
import type { MailAccess } from '../../access.js';
import { blobSources, mayWriteIn } from '../shared/mail-visibility.js';
import { z } from 'zod';
import type { MethodContext } from '../../method-context.js';
import { parseArgs } from '../shared/parse-args.js';
import { idSchema } from '../shared/schemas.js';
import { requireCopyAccounts } from './accounts.js';
import { resolveBlobId } from './blob-id.js';
import { orNull } from '../shared/set-helpers.js';

/** RFC 8620 §6.3: Blob/copy arguments. */
export const blobCopyArgsSchema = z.strictObject({
  fromAccountId: idSchema,
  accountId: idSchema,
  blobIds: z.array(z.string()),
});

/** The type a copied blob is kept under: the source's type is not known here (RFC 8620 §6.3 keeps none). */
const COPIED_TYPE = 'application/octet-stream';

/** Copies the blobs one by one; a blob the source account may not read is `notFound`. */
export async function copyBlobs(
  ctx: MethodContext,
  fromAccess: MailAccess,
  toAccess: MailAccess,
  blobIds: readonly string[],
): Promise<{ copied: Record<string, string>; notCopied: Record<string, SetError> }> {
  const copied: Record<string, string> = {};
  const notCopied: Record<string, SetError> = {};
  const from = fromAccess.accountId;
  const to = toAccess.accountId;
  const wanted = [...new Set(blobIds)].map((wireId) => ({ wireId, blobId: resolveBlobId(ctx, wireId) }));
  const sources = await blobSources(
    ctx,
    fromAccess,
    wanted.flatMap(({ blobId }) => blobId ?? []),
  );
  for (const { wireId, blobId } of wanted) {
    if (blobId !== null && !mayWriteIn(toAccess) && from !== to) {
      notCopied[wireId] = { type: 'forbidden', description: 'You may not add anything to that account.' };
      continue;
    }
    const sourceAccount = blobId === null ? undefined : sources.get(blobId);
    const source =
      blobId === null || sourceAccount === undefined ? null : await ctx.store.openBlob(sourceAccount, blobId);
    if (blobId === null || source === null) {
      notCopied[wireId] = { type: 'notFound' };
      continue;
    }
    if (from === to) {
      // Already readable where it is asked for: nothing to copy (blobs are content-addressed).
      source.stream.destroy();
      copied[wireId] = blobId;
      continue;
    }
    // The target's reference is an upload: it lasts like one unless an email of it takes the blob.
    const upload = await ctx.store.createUpload(to, source.stream, COPIED_TYPE);
    copied[wireId] = upload.blobId;
  }
  return { copied, notCopied };
}

/** RFC 8620 §6.3: Blob/copy, between accounts the principal may access. */
export async function blobCopy(
  rawArgs: Record<string, unknown>,
  ctx: MethodContext,
): Promise<MethodResult<'Blob/copy'>> {
  const args = parseArgs(blobCopyArgsSchema, rawArgs);
  const { from, to } = await requireCopyAccounts(ctx, args.fromAccountId, args.accountId);
  const { copied, notCopied } = await copyBlobs(ctx, from, to, args.blobIds);
  return {
    fromAccountId: from.accountId,
    accountId: to.accountId,
    copied: orNull(copied),
    notCopied: orNull(notCopied),
  };
}
