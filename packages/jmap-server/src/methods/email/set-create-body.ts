import { treeLimits } from '@colibri/mail-store';
import type { BlobId, TreePart } from '@colibri/mail-store';
import { z } from 'zod';
import type { MethodContext } from '../../method-context.js';
import { resolveBlobId } from '../blob/blob-id.js';
import { collectHeaders } from './set-create-headers.js';

/** RFC 8621 §4.6: a bodyValues entry; isTruncated and isEncodingProblem, if given, are false. */
const bodyValuesSchema = z
  .record(
    z.string(),
    z.strictObject({
      value: z.string(),
      isTruncated: z.literal(false).optional(),
      isEncodingProblem: z.literal(false).optional(),
    }),
  )
  .optional();

const mediaType = /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/i;
const token = /^[a-z0-9!#$&^_.+-]{1,64}$/i;
const PART_FIELDS: Record<string, z.ZodType> = {
  type: z.string().regex(mediaType),
  charset: z.string().regex(token).nullable(),
  disposition: z.string().regex(token).nullable(),
  name: z.string().max(255).nullable(),
  cid: z
    .string()
    .regex(/^<?[^\s<>]{1,250}>?$/)
    .nullable(),
  language: z
    .array(z.string().regex(/^[a-z0-9-]{1,35}$/i))
    .max(20)
    .nullable(),
  location: z
    .string()
    .regex(/^[\x21-\x7e]{1,900}$/)
    .nullable(),
};

/** What the body properties of one Email come to: a MIME tree, or what is wrong with them. */
export interface ParsedBody {
  tree: TreePart | null;
  /** Property paths that are invalid (RFC 8620 §5.3 invalidProperties). */
  bad: string[];
  /** Wire blob ids the parts use, each with its store id (null when it cannot be ours). */
  blobs: Map<string, BlobId | null>;
  /** Characters of text the parts use: a lower bound of the octets they take. */
  textChars: number;
}

interface Walk {
  ctx: MethodContext;
  values: Record<string, { value: string }> | null;
  bad: string[];
  blobs: Map<string, BlobId | null>;
  parts: number;
  textChars: number;
  /** Header fields of the Email itself, which a bodyStructure part may not repeat. */
  topFields: Set<string>;
}

type Field = string | string[] | null | undefined;

/** One EmailBodyPart (RFC 8621 §4.1.4) to create; null when invalid (its paths are in `walk.bad`). */
function parsePart(
  raw: unknown,
  path: string,
  walk: Walk,
  depth: number,
  defaultType: string,
): TreePart | null {
  if (
    ++walk.parts > treeLimits.maxParts ||
    depth > treeLimits.maxDepth ||
    typeof raw !== 'object' ||
    raw === null ||
    Array.isArray(raw)
  ) {
    walk.bad.push(path);
    return null;
  }
  const part = raw as Record<string, unknown>;
  const before = walk.bad.length;
  const fields: Record<string, Field> = {};
  for (const [key, value] of Object.entries(part)) {
    const schema = Object.hasOwn(PART_FIELDS, key) ? PART_FIELDS[key] : undefined;
    if (schema !== undefined) {
      const parsed = schema.safeParse(value);
      if (parsed.success) fields[key] = parsed.data as Field;
      else walk.bad.push(`${path}/${key}`);
    } else if (!['partId', 'blobId', 'subParts'].includes(key) && !key.startsWith('header:'))
      // §4.6: size and headers are not the client's; anything else is unknown.
      walk.bad.push(`${path}/${key}`);
  }
  const { headers, fields: headerFields, bad } = collectHeaders(part, false);
  walk.bad.push(...bad.map((p) => `${path}/${p}`));
  for (const field of headerFields) if (walk.topFields.has(field)) walk.bad.push(`${path}/header:${field}`);

  const sources = ['partId', 'blobId', 'subParts'].filter(
    (key) => part[key] !== undefined && part[key] !== null,
  );
  if (sources.length !== 1) {
    walk.bad.push(`${path}/${sources.length === 0 ? 'partId' : sources[1]!}`);
    return null;
  }
  const common = {
    headers,
    charset: fields.charset as string | null | undefined,
    disposition: fields.disposition as string | null | undefined,
    name: fields.name as string | null | undefined,
    cid: fields.cid as string | null | undefined,
    language: fields.language as string[] | null | undefined,
    location: fields.location as string | null | undefined,
  };
  const type = (
    (fields.type as string | undefined) ?? (part.subParts != null ? 'multipart/mixed' : defaultType)
  ).toLowerCase();
  let result: TreePart | null = null;
  if (part.subParts != null) {
    // RFC 2046 §5.1.1: a multipart has one or more body parts.
    if (!type.startsWith('multipart/') || !Array.isArray(part.subParts) || part.subParts.length === 0)
      walk.bad.push(`${path}/subParts`);
    else {
      const subParts = part.subParts.map((sub, i) =>
        parsePart(sub, `${path}/subParts/${i}`, walk, depth + 1, 'text/plain'),
      );
      result = { ...common, type, subParts: subParts.filter((p) => p !== null) };
    }
  } else if (part.partId != null) {
    const value = typeof part.partId === 'string' ? walk.values?.[part.partId] : undefined;
    // §4.6: a partId names a bodyValues entry (unless bodyValues is itself the bad property);
    // its charset is ours (utf-8); it is text.
    if (value === undefined && walk.values !== null) walk.bad.push(`${path}/partId`);
    if (common.charset != null) walk.bad.push(`${path}/charset`);
    if (!type.startsWith('text/')) walk.bad.push(`${path}/type`);
    if (value !== undefined) {
      walk.textChars += value.value.length;
      result = { ...common, charset: null, type, text: value.value };
    }
  } else {
    const wire = part.blobId;
    if (typeof wire !== 'string' || wire === '') walk.bad.push(`${path}/blobId`);
    else {
      if (!walk.blobs.has(wire)) walk.blobs.set(wire, resolveBlobId(walk.ctx, wire));
      result = { ...common, type, blobId: walk.blobs.get(wire) ?? (wire as BlobId) };
      if (type.startsWith('multipart/')) walk.bad.push(`${path}/type`);
    }
  }
  return walk.bad.length === before ? result : null;
}

function partList(raw: unknown, property: string, walk: Walk, max: number, type: string | null): TreePart[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw) || raw.length > max) {
    walk.bad.push(property);
    return [];
  }
  return raw.flatMap((item, i) => {
    const part = parsePart(item, `${property}/${i}`, walk, 1, type ?? 'application/octet-stream');
    if (part === null) return [];
    // §4.6: textBody is one text/plain part, htmlBody one text/html part, neither a multipart.
    if (type !== null && part.type !== type) {
      walk.bad.push(`${property}/${i}/type`);
      return [];
    }
    return [part];
  });
}

const multipart = (type: string, subParts: TreePart[]): TreePart =>
  subParts.length === 1 ? subParts[0]! : { type, subParts };

/**
 * RFC 8621 §4.6: the MIME tree of a new Email, from `bodyStructure` or from `textBody`,
 * `htmlBody` and `attachments` (text + HTML as multipart/alternative; inline parts with a cid
 * beside the HTML as multipart/related; attachments around them as multipart/mixed).
 */
export function parseBody(
  ctx: MethodContext,
  email: Record<string, unknown>,
  topFields: Set<string>,
): ParsedBody {
  const walk: Walk = { ctx, values: {}, bad: [], blobs: new Map(), parts: 0, textChars: 0, topFields };
  const values = bodyValuesSchema.safeParse(email.bodyValues);
  if (values.success) walk.values = values.data ?? {};
  else {
    walk.values = null;
    walk.bad.push('bodyValues');
  }

  if (email.bodyStructure != null) {
    for (const property of ['textBody', 'htmlBody', 'attachments'])
      if (email[property] != null) walk.bad.push(property);
    const tree = parsePart(email.bodyStructure, 'bodyStructure', walk, 0, 'text/plain');
    return { tree, bad: walk.bad, blobs: walk.blobs, textChars: walk.textChars };
  }
  walk.topFields = new Set();
  const text = partList(email.textBody, 'textBody', walk, 1, 'text/plain');
  const html = partList(email.htmlBody, 'htmlBody', walk, 1, 'text/html');
  const attachments = partList(email.attachments, 'attachments', walk, treeLimits.maxParts, null);
  const isInline = (p: TreePart) => html.length > 0 && p.disposition === 'inline' && p.cid != null;
  const inline = attachments.filter(isInline);
  const rest = attachments.filter((p) => !isInline(p));
  const htmlPart = html.length > 0 ? [multipart('multipart/related', [...html, ...inline])] : [];
  const content = [...text, ...htmlPart];
  const main = content.length > 0 ? [multipart('multipart/alternative', content)] : [];
  const all = [...main, ...rest];
  const tree = all.length === 0 ? { type: 'text/plain', text: '' } : multipart('multipart/mixed', all);
  return { tree, bad: walk.bad, blobs: walk.blobs, textChars: walk.textChars };
}
