import type { BodyPart } from '../model.js';
import { lastField, readHeaderBlock, type HeaderField } from './header-block.js';
import { mimeLimits } from './limits.js';
import { parseStructuredHeader } from './structured-header.js';
import { decodeTransfer } from './transfer-decoding.js';

/** A node of the MIME tree before its content is stored: leaves carry their decoded bytes. */
export interface MimePart extends Omit<BodyPart, 'blobId' | 'subParts'> {
  /** Transfer-decoded content of a leaf; null for multiparts. */
  content: Uint8Array | null;
  subParts: MimePart[] | null;
}

export interface MimeTree {
  root: MimePart;
  /** The message's own header fields (the root entity's). */
  headers: HeaderField[];
}

const LF = 0x0a;
const CR = 0x0d;
const DASH = 0x2d;

/** RFC 2045 §5.1: type "/" subtype, both tokens. */
const mediaType = /^[a-z0-9!#$%&'*+.^_`{|}~-]+\/[a-z0-9!#$%&'*+.^_`{|}~-]+$/;

interface Walk {
  bytes: Buffer;
  parts: number;
}

/** Start of the line break that precedes `at` (RFC 2046 §5.1.1: it belongs to the delimiter), not before `floor`. */
function beforeLineBreak(bytes: Buffer, at: number, floor: number): number {
  let e = at;
  if (e > floor && bytes[e - 1] === LF) e--;
  if (e > floor && bytes[e - 1] === CR) e--;
  return e;
}

/**
 * The body parts of a multipart body (RFC 2046 §5.1.1): ranges between delimiter lines. A missing
 * close-delimiter ends the last part at the end of the range.
 */
export function splitMultipart(
  bytes: Buffer,
  start: number,
  end: number,
  boundary: string,
): [number, number][] {
  const delimiter = Buffer.from(`--${boundary}`, 'utf8');
  const ranges: [number, number][] = [];
  let partStart = -1;
  let pos = start;
  while (pos < end) {
    const at = bytes.indexOf(delimiter, pos);
    if (at === -1 || at + delimiter.length > end) break;
    pos = at + 1;
    if (at !== start && bytes[at - 1] !== LF) continue;
    let after = at + delimiter.length;
    const close = bytes[after] === DASH && bytes[after + 1] === DASH && after + 2 <= end;
    if (close) after += 2;
    // RFC 2046 §5.1.1 (note to implementors): the boundary need only start the line, and what
    // follows it on that line is ignored. But a boundary character right after it makes a longer
    // boundary: real mail nests "--X-1" inside "--X", and "--X-1" must not end a part of "--X".
    if (!close && after < end && isBoundaryChar(bytes[after]!)) continue;
    const rest = { next: endOfLine(bytes, after, end) };
    if (partStart !== -1)
      ranges.push([partStart, Math.max(partStart, beforeLineBreak(bytes, at, partStart))]);
    partStart = close ? -1 : rest.next;
    // Parts past the walker's limit would not be indexed anyway: stop looking for them.
    if (close || ranges.length >= mimeLimits.maxParts) return ranges;
    pos = rest.next;
  }
  // An unterminated last part counts unless it is empty ("--b" then the end of the message).
  if (partStart !== -1 && !isBlank(bytes, partStart, end)) ranges.push([partStart, end]);
  return ranges;
}

/** RFC 2046 §5.1.1 bcharsnospace: DIGIT / ALPHA / "'" / "(" / ")" / "+" / "_" / "," / "-" / "." / "/" / ":" / "=" / "?" */
const boundaryChars = new Set(
  Buffer.from("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'()+_,-./:=?"),
);
const isBoundaryChar = (byte: number) => boundaryChars.has(byte);

function endOfLine(bytes: Buffer, from: number, end: number): number {
  const lf = bytes.indexOf(LF, from);
  return lf === -1 || lf >= end ? end : lf + 1;
}

function isBlank(bytes: Buffer, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = bytes[i];
    if (c !== 0x20 && c !== 0x09 && c !== CR && c !== LF) return false;
  }
  return true;
}

function childId(prefix: string, index: number): string {
  return prefix === '' ? String(index) : `${prefix}.${index}`;
}

/**
 * Parses one entity (header block + body) into a part. `prefix` numbers the children of a
 * multipart like IMAP sections ("1", "2.1"); a message that is a single part has partId "1".
 */
function parseEntity(
  walk: Walk,
  start: number,
  end: number,
  partId: string,
  depth: number,
  defaultType: string,
): MimePart {
  walk.parts += 1;
  const { bytes } = walk;
  const block = readHeaderBlock(bytes, start, end);
  const fields = block.fields;
  const declared = parseStructuredHeader(lastField(fields, 'content-type'));
  // RFC 2045 §5.2: a missing or syntactically invalid Content-Type means the default.
  let type = mediaType.test(declared.value) ? declared.value : defaultType;
  let params = type === declared.value ? declared.params : {};

  let subParts: MimePart[] | null = null;
  if (type.startsWith('multipart/')) {
    const boundary = params.boundary;
    const ranges = boundary ? splitMultipart(bytes, block.bodyStart, end, boundary) : [];
    // With no part found, an empty body is an empty multipart; a body with content is kept as
    // text, since a Content-Type without a usable boundary is invalid (RFC 2045 §5.2 default).
    if (ranges.length > 0 || isBlank(bytes, block.bodyStart, end)) {
      subParts = [];
      // RFC 2046 §5.1.5: in a digest, parts are messages unless they say otherwise.
      const childDefault = type === 'multipart/digest' ? 'message/rfc822' : 'text/plain';
      // Too deep: the container stays, its contents are not indexed (the raw message keeps them).
      if (depth < mimeLimits.maxDepth) {
        for (const [i, [from, to]] of ranges.entries()) {
          if (walk.parts >= mimeLimits.maxParts) break;
          subParts.push(parseEntity(walk, from, to, childId(partId, i + 1), depth + 1, childDefault));
        }
      }
    } else {
      type = 'text/plain';
      params = {};
    }
  }

  const disposition = parseStructuredHeader(lastField(fields, 'content-disposition'));
  const language = lastField(fields, 'content-language');
  const contentId = lastField(fields, 'content-id');
  const content = subParts
    ? null
    : decodeTransfer(bytes.subarray(block.bodyStart, end), lastField(fields, 'content-transfer-encoding'));
  const isText = type.startsWith('text/');
  return {
    // The root multipart has no number of its own; its children are "1", "2", ...
    partId: subParts ? null : partId === '' ? '1' : partId,
    size: content?.byteLength ?? 0,
    headers: fields,
    name: disposition.params.filename ?? params.name ?? null,
    type,
    // RFC 8621 §4.1.4: the charset parameter whatever the type; when absent, us-ascii for text and
    // null for other types.
    charset: params.charset?.toLowerCase() || (isText ? 'us-ascii' : null),
    disposition: disposition.value || null,
    cid: contentId ? contentId.replace(/^<|>$/g, '').trim() || null : null,
    language: language
      ? language
          .split(',')
          .map((l) => l.trim())
          .filter(Boolean)
      : null,
    location: lastField(fields, 'content-location'),
    content,
    subParts,
  };
}

/**
 * Walks a raw message into its MIME tree without throwing and in linear time per level: nesting
 * deeper than mimeLimits.maxDepth, parts beyond mimeLimits.maxParts and header blocks over
 * mimeLimits.maxHeaderBlockBytes are cut off (the raw message still holds them).
 */
export function parseMimeTree(raw: Uint8Array): MimeTree {
  const bytes = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
  const walk: Walk = { bytes, parts: 0 };
  const root = parseEntity(walk, 0, bytes.byteLength, '', 0, 'text/plain');
  return { root, headers: root.headers };
}
