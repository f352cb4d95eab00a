import { MethodErrorType } from '@colibri/jmap-types';
import type { BlobCreated, MethodResult, SetError } from '@colibri/jmap-types';
import { StoreError } from '@colibri/mail-store';

import { z } from 'zod';
import type { MethodContext } from '../../method-context.js';
import { MethodFailure } from '../../method-failure.js';
import type { MailAccess } from '../../access.js';
import { requireMailAccess } from '../shared/account.js';
import { readBlobFor, uploadAccountOf } from '../shared/mail-visibility.js';
import { parseArgs } from '../shared/parse-args.js';
import { idSchema, unsignedIntSchema } from '../shared/schemas.js';
import { invalidProperties } from '../shared/invalid-properties.js';
import { resolveBlobId } from './blob-id.js';
import { orNull } from '../shared/set-helpers.js';
import { BLOB_ACCOUNT_CAPABILITY } from './limits.js';

/** RFC 9404 §4.1: Blob/upload arguments; each UploadObject is checked per item. */
export const blobUploadArgsSchema = z.strictObject({
  accountId: idSchema,
  create: z.record(z.string(), z.record(z.string(), z.unknown())),
});

/** RFC 4648 §4: standard base64 with padding. */
const base64Pattern = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** RFC 9404 §4.1: a DataSourceObject, one of three forms. */
const dataSourceSchema = z.union([
  z.strictObject({ 'data:asText': z.string().nullable() }),
  z.strictObject({ 'data:asBase64': z.string().regex(base64Pattern, 'not base64').nullable() }),
  z.strictObject({
    blobId: z.string(),
    offset: unsignedIntSchema.nullable().optional(),
    length: unsignedIntSchema.nullable().optional(),
  }),
]);

/** RFC 9404 §4.1: an UploadObject. */
const uploadObjectSchema = z.strictObject({
  data: z.array(dataSourceSchema),
  type: z.string().nullable().optional(),
});

type DataSource = z.output<typeof dataSourceSchema>;

/** The bytes of one source, or the SetError that refuses the whole blob. */
async function sourceBytes(
  ctx: MethodContext,
  access: MailAccess,
  source: DataSource,
): Promise<Uint8Array | SetError> {
  if ('data:asText' in source) return new TextEncoder().encode(source['data:asText'] ?? '');
  if ('data:asBase64' in source) return Buffer.from(source['data:asBase64'] ?? '', 'base64');
  const blobId = resolveBlobId(ctx, source.blobId);
  const bytes = blobId === null ? null : await readBlobFor(ctx, access, blobId);
  if (bytes === null) return { type: 'blobNotFound', notFound: [source.blobId] };
  const offset = source.offset ?? 0;
  const end = source.length == null ? bytes.byteLength : offset + source.length;
  // §4.1: a range past the end of the blob is refused rather than cut short.
  if (end > bytes.byteLength)
    return {
      type: 'invalidProperties',
      properties: ['data'],
      description: `Range past the end of ${source.blobId}.`,
    };
  return bytes.subarray(offset, end);
}

async function* chunks(parts: readonly Uint8Array[]): AsyncIterable<Uint8Array> {
  yield* parts;
}

async function uploadOne(
  ctx: MethodContext,
  access: MailAccess,
  wire: Record<string, unknown>,
): Promise<BlobCreated | { error: SetError }> {
  const parsed = uploadObjectSchema.safeParse(wire);
  if (!parsed.success) return { error: invalidProperties(parsed.error) };
  const { data, type = null } = parsed.data;
  const { maxDataSources, maxSizeBlobSet } = BLOB_ACCOUNT_CAPABILITY;
  if (data.length > maxDataSources)
    return {
      error: {
        type: 'invalidProperties',
        properties: ['data'],
        description: `At most ${maxDataSources} sources.`,
      },
    };
  const parts: Uint8Array[] = [];
  let size = 0;
  for (const source of data) {
    const bytes = await sourceBytes(ctx, access, source);
    if (!(bytes instanceof Uint8Array)) return { error: bytes };
    size += bytes.byteLength;
    if (maxSizeBlobSet !== null && size > maxSizeBlobSet)
      return { error: { type: 'tooLarge', description: `A blob is at most ${maxSizeBlobSet} bytes.` } };
    parts.push(bytes);
  }
  try {
    // Kept like an HTTP upload (RFC 8620 §6.1): readable until it expires unless an email takes it.
    // A sharee's upload is theirs (counted against their quota), usable in the shared account.
    const upload = await ctx.store.createUpload(
      uploadAccountOf(ctx, access),
      chunks(parts),
      type ?? 'application/octet-stream',
      {
        maxBytes: maxSizeBlobSet ?? undefined,
      },
    );
    return { id: upload.blobId, type, size: upload.size };
  } catch (error) {
    if (error instanceof StoreError && error.code === 'tooLarge')
      return { error: { type: 'tooLarge', description: error.message } };
    if (error instanceof StoreError && error.code === 'invalid')
      return { error: { type: 'invalidProperties', properties: ['type'], description: error.message } };
    throw error;
  }
}

/**
 * RFC 9404 §4.1: Blob/upload. Each blob is the concatenation of its sources, stored as an upload;
 * its creation id names it in later calls of the request (`#id`).
 */
export async function blobUpload(
  rawArgs: Record<string, unknown>,
  ctx: MethodContext,
): Promise<MethodResult<'Blob/upload'>> {
  const args = parseArgs(blobUploadArgsSchema, rawArgs);
  const access = await requireMailAccess(ctx, args.accountId);
  const { accountId } = access;
  const entries = Object.entries(args.create);
  if (entries.length > ctx.limits.maxObjectsInSet)
    throw new MethodFailure(MethodErrorType.RequestTooLarge, `At most ${ctx.limits.maxObjectsInSet} blobs.`);
  const created: Record<string, BlobCreated> = {};
  const notCreated: Record<string, SetError> = {};
  for (const [creationId, wire] of entries) {
    const result = await uploadOne(ctx, access, wire);
    if ('error' in result) {
      notCreated[creationId] = result.error;
      continue;
    }
    created[creationId] = result;
    ctx.createdIds.set(creationId, result.id);
  }
  return { accountId, created: orNull(created), notCreated: orNull(notCreated) };
}
