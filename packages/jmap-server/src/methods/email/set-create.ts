import type { Email, SetError } from '@colibri/jmap-types';
import { buildMimeTree, InvalidInputError, mimeLimits, NotFoundError } from '@colibri/mail-store';
import type { BlobId } from '@colibri/mail-store';
import type { MailAccess } from '../../access.js';
import { openBlobFor } from '../shared/mail-visibility.js';
import { MAIL_ACCOUNT_CAPABILITY } from '../../limits.js';
import type { MethodContext } from '../../method-context.js';
import { invalidProperties } from '../shared/invalid-properties.js';
import { createEmail, emailPlacementSchema, resolvePlacement, type CreatedEmail } from './import-create.js';
import { parseBody } from './set-create-body.js';
import { CONVENIENCE, collectHeaders } from './set-create-headers.js';

/** RFC 8621 §4.6: server-set; a client giving them is invalidProperties. */
const SERVER_SET = new Set(['id', 'blobId', 'threadId', 'size', 'hasAttachment', 'preview']);
const OWN = new Set([
  'mailboxIds',
  'keywords',
  'receivedAt',
  'bodyStructure',
  'textBody',
  'htmlBody',
  'attachments',
  'bodyValues',
]);

/** The properties that are neither ours, nor a convenience or `header:` property (§4.6). */
function unknownProperties(email: Record<string, unknown>): string[] {
  return Object.keys(email).filter(
    (property) =>
      SERVER_SET.has(property) ||
      !(OWN.has(property) || Object.hasOwn(CONVENIENCE, property) || property.startsWith('header:')),
  );
}

/** RFC 8620 §6: every blob a part names is one the account may read; their total size. */
async function checkBlobs(
  ctx: MethodContext,
  access: MailAccess,
  blobs: Map<string, BlobId | null>,
): Promise<{ notFound: string[]; size: number }> {
  const notFound: string[] = [];
  let size = 0;
  for (const [wire, blobId] of blobs) {
    const opened = blobId === null ? null : await openBlobFor(ctx, access, blobId);
    if (opened === null) notFound.push(wire);
    else {
      size += opened.size;
      opened.stream.destroy();
    }
  }
  return { notFound, size };
}

const tooLarge = (description = `An email is at most ${mimeLimits.maxMessageBytes} octets.`): SetError => ({
  type: 'tooLarge',
  description,
});
/** RFC 8621 §1.3.1: the attachments (the blobs the parts name) of one Email, together. */
const maxAttachments = MAIL_ACCOUNT_CAPABILITY.maxSizeAttachmentsPerEmail;

/**
 * RFC 8621 §4.6: one Email/set create. Checks every property first (invalidProperties naming all
 * that are wrong, blobNotFound listing the blobs), builds the RFC 5322 message with the store's
 * composer and imports it: the created email is what the stored message parses to.
 */
export async function createOneEmail(
  ctx: MethodContext,
  access: MailAccess,
  email: Record<string, unknown>,
): Promise<CreatedEmail> {
  const { accountId } = access;
  const bad = unknownProperties(email);
  const placementWire = emailPlacementSchema.safeParse({
    mailboxIds: email.mailboxIds,
    keywords: email.keywords,
    receivedAt: email.receivedAt,
  });
  if (!placementWire.success) bad.push(...(invalidProperties(placementWire.error).properties ?? []));
  const headers = collectHeaders(email, true);
  bad.push(...headers.bad);
  const body = parseBody(ctx, email, headers.fields);
  bad.push(...body.bad);
  if (bad.length > 0 || !placementWire.success || body.tree === null)
    return {
      error: {
        type: 'invalidProperties',
        properties: [...new Set(bad)],
        description: `Invalid or server-set properties: ${[...new Set(bad)].join(', ')}.`,
      },
    };

  const blobs = await checkBlobs(ctx, access, body.blobs);
  if (blobs.notFound.length > 0) return { error: { type: 'blobNotFound', notFound: blobs.notFound } };
  if (blobs.size > maxAttachments)
    return { error: tooLarge(`The attachments of an email are at most ${maxAttachments} octets.`) };
  if (blobs.size + body.textChars > mimeLimits.maxMessageBytes) return { error: tooLarge() };
  const placement = await resolvePlacement(ctx, access, placementWire.data);
  if ('type' in placement) return { error: placement };

  let raw: Uint8Array;
  try {
    ({ raw } = await buildMimeTree({ headers: headers.headers, body: body.tree }, async (blobId) => {
      const opened = await openBlobFor(ctx, access, blobId);
      return opened?.stream ?? null;
    }));
  } catch (error) {
    // A blob gone since it was checked; a value the composer refuses beyond the schemas' checks.
    if (error instanceof NotFoundError)
      return { error: { type: 'blobNotFound', notFound: [...body.blobs.keys()] } };
    if (error instanceof InvalidInputError)
      return { error: { type: 'invalidProperties', properties: [], description: error.message } };
    throw error;
  }
  if (raw.byteLength > mimeLimits.maxMessageBytes) return { error: tooLarge() };
  return createEmail(ctx, accountId, raw, placement);
}

/** RFC 8621 §4.6: what `created` says of a new Email. */
export function createdProperties(result: {
  email: { id: string; blobId: string; threadId: string; size: number };
}): Partial<Email> {
  const { id, blobId, threadId, size } = result.email;
  return { id, blobId, threadId, size };
}
