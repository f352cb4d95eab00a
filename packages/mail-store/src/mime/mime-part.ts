import type { BodyPart } from '../model.js';
import { lastField, type HeaderField } from './header-block.js';
import { parseStructuredHeader } from './structured-header.js';

/** A node of the MIME tree before its content is stored. */
export interface MimePart extends Omit<BodyPart, 'blobId' | 'subParts'> {
  /** Transfer-decoded content of a leaf when it was kept; null for multiparts. */
  content: Uint8Array | null;
  subParts: MimePart[] | null;
}

export interface MimeTree {
  root: MimePart;
  /** The message's own header fields (the root entity's). */
  headers: HeaderField[];
}

/** What is known of a leaf when its body starts: everything but its size and content. */
export type MimeLeaf = Omit<MimePart, 'size' | 'content' | 'subParts'> & { partId: string };

/** RFC 2045 §5.1: type "/" subtype, both tokens. */
const mediaType = /^[a-z0-9!#$%&'*+.^_`{|}~-]+\/[a-z0-9!#$%&'*+.^_`{|}~-]+$/;

/** The Content-Type of an entity, RFC 2045 §5.2: a missing or invalid one means the default. */
export function contentType(
  fields: HeaderField[],
  defaultType: string,
): { type: string; params: Record<string, string> } {
  const declared = parseStructuredHeader(lastField(fields, 'content-type'));
  const type = mediaType.test(declared.value) ? declared.value : defaultType;
  return { type, params: type === declared.value ? declared.params : {} };
}

/** A part's description from its header; `partId` null for a multipart. */
export function describePart<Id extends string | null>(
  fields: HeaderField[],
  type: string,
  params: Record<string, string>,
  partId: Id,
): Omit<MimePart, 'size' | 'content' | 'subParts' | 'partId'> & { partId: Id } {
  const disposition = parseStructuredHeader(lastField(fields, 'content-disposition'));
  const language = lastField(fields, 'content-language');
  const contentId = lastField(fields, 'content-id');
  return {
    partId,
    headers: fields,
    name: disposition.params.filename ?? params.name ?? null,
    type,
    // RFC 8621 §4.1.4: the charset parameter whatever the type; when absent, us-ascii for text and
    // null for other types.
    charset: params.charset?.toLowerCase() || (type.startsWith('text/') ? 'us-ascii' : null),
    disposition: disposition.value || null,
    cid: contentId ? contentId.replace(/^<|>$/g, '').trim() || null : null,
    language: language
      ? language
          .split(',')
          .map((l) => l.trim())
          .filter(Boolean)
      : null,
    location: lastField(fields, 'content-location'),
  };
}

/** The node in the old field order (partId, size, headers, …), so that trees compare as JSON too. */
export function mimePart(
  description: Omit<MimePart, 'size' | 'content' | 'subParts'>,
  size: number,
  content: Uint8Array | null,
  subParts: MimePart[] | null,
): MimePart {
  const { partId, ...rest } = description;
  return { partId, size, ...rest, content, subParts };
}
