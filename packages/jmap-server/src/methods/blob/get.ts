import { createHash } from 'node:crypto';
import { MethodErrorType } from '@colibri/jmap-types';
import type { BlobGetItem, MethodResult } from '@colibri/jmap-types';
import { z } from 'zod';
import type { MethodContext } from '../../method-context.js';
import { MethodFailure } from '../../method-failure.js';
import { requireMailAccess } from '../shared/account.js';
import { readBlobFor } from '../shared/mail-visibility.js';
import { requestedIds } from '../shared/get-helpers.js';
import { parseArgs } from '../shared/parse-args.js';
import { idSchema, unsignedIntSchema } from '../shared/schemas.js';
import { resolveBlobId } from './blob-id.js';
import { DIGEST_ALGORITHMS } from './limits.js';

/** RFC 9404 §4.2: Blob/get arguments. */
export const blobGetArgsSchema = z.strictObject({
  accountId: idSchema,
  ids: z.array(z.string()),
  properties: z.array(z.string()).nullable().optional(),
  offset: unsignedIntSchema.nullable().optional(),
  length: unsignedIntSchema.nullable().optional(),
});

type DigestName = keyof typeof DIGEST_ALGORITHMS;
const DATA_PROPERTIES = ['data', 'data:asText', 'data:asBase64'] as const;
const DEFAULT_PROPERTIES = ['data', 'size'];

function isDigest(property: string): property is `digest:${DigestName}` {
  return property.startsWith('digest:') && Object.hasOwn(DIGEST_ALGORITHMS, property.slice('digest:'.length));
}

function checkProperties(requested: readonly string[]): void {
  const unknown = requested.filter(
    (p) => p !== 'size' && !(DATA_PROPERTIES as readonly string[]).includes(p) && !isDigest(p),
  );
  if (unknown.length > 0)
    throw new MethodFailure(MethodErrorType.InvalidArguments, `Unknown properties: ${unknown.join(', ')}.`, {
      arguments: ['properties'],
    });
}

/** The octets as UTF-8 text, or null when they are not valid UTF-8. */
function utf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** One blob's item: the data forms and digests are of the selected range, `size` of the whole blob. */
function blobItem(
  id: string,
  bytes: Uint8Array,
  properties: readonly string[],
  offset: number,
  length: number | null,
): BlobGetItem {
  const end = length === null ? bytes.byteLength : offset + length;
  const range = bytes.subarray(Math.min(offset, bytes.byteLength), Math.min(end, bytes.byteLength));
  const item: BlobGetItem = { id };
  // §4.2: a range reaching past the end of the blob is answered with the octets there are.
  if (offset > bytes.byteLength || end > bytes.byteLength) item.isTruncated = true;
  const text = properties.some((p) => p === 'data' || p === 'data:asText') ? utf8(range) : null;
  for (const property of properties) {
    if (property === 'size') item.size = bytes.byteLength;
    else if (property === 'data:asBase64' || (property === 'data' && text === null))
      item['data:asBase64'] = Buffer.from(range).toString('base64');
    else if (property === 'data' || property === 'data:asText') {
      item['data:asText'] = text;
      // Only data:asText can fail to be text: `data` then falls back to base64 (above).
      if (text === null) item.isEncodingProblem = true;
    } else if (isDigest(property)) {
      const algorithm = DIGEST_ALGORITHMS[property.slice('digest:'.length) as DigestName];
      // RFC 3230 digests are base64 of the hash.
      item[property] = createHash(algorithm).update(range).digest('base64');
    }
  }
  return item;
}

/** RFC 9404 §4.2: Blob/get. Blobs the account may not read are `notFound`. */
export async function blobGet(
  rawArgs: Record<string, unknown>,
  ctx: MethodContext,
): Promise<MethodResult<'Blob/get'>> {
  const args = parseArgs(blobGetArgsSchema, rawArgs);
  const access = await requireMailAccess(ctx, args.accountId);
  const { accountId } = access;
  const properties = args.properties ?? DEFAULT_PROPERTIES;
  checkProperties(properties);
  const ids = requestedIds(args.ids, ctx) ?? [];
  const list: BlobGetItem[] = [];
  const notFound: string[] = [];
  for (const wireId of ids) {
    const blobId = resolveBlobId(ctx, wireId);
    const bytes = blobId === null ? null : await readBlobFor(ctx, access, blobId);
    if (bytes === null) notFound.push(wireId);
    else list.push(blobItem(wireId, bytes, properties, args.offset ?? 0, args.length ?? null));
  }
  return { accountId, list, notFound };
}
