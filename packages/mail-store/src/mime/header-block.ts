import { mimeLimits } from './limits.js';

/** One header field as it appears in the message: the name, and the raw value (RFC 8621 §4.1.2.1 Raw form). */
export interface HeaderField {
  name: string;
  /** Everything after the colon up to the field's final line break, folding line breaks included. */
  value: string;
}

export interface HeaderBlock {
  fields: HeaderField[];
  /** Offset of the first body byte (just after the blank line), or the end of the range when there is none. */
  bodyStart: number;
  /** True when the block was longer than mimeLimits.maxHeaderBlockBytes and fields past it were dropped. */
  truncated: boolean;
}

const LF = 0x0a;
const CR = 0x0d;
const SP = 0x20;
const TAB = 0x09;
const COLON = 0x3a;
const DASH = 0x2d;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Header bytes as text: UTF-8 (RFC 6532) when valid, else Latin-1, so that 8-bit junk never throws. */
function headerText(bytes: Uint8Array): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (!bytes.some((b) => b >= 0x80)) return buffer.toString('latin1');
  try {
    return utf8.decode(bytes);
  } catch {
    return buffer.toString('latin1');
  }
}

/** Offset just past the line break of the line that starts at `pos` (or `end`). */
function lineEnd(bytes: Uint8Array, pos: number, end: number): number {
  const lf = bytes.indexOf(LF, pos);
  return lf === -1 || lf >= end ? end : lf + 1;
}

/** Length of the line's content without its CRLF / LF. */
function contentEnd(bytes: Uint8Array, start: number, next: number): number {
  let e = next;
  if (e > start && bytes[e - 1] === LF) e--;
  if (e > start && bytes[e - 1] === CR) e--;
  return e;
}

/**
 * Reads the header block of an entity that starts at `start` (RFC 5322 §2.2, RFC 2045 §3): fields up
 * to the first empty line. Lines without a colon are skipped rather than ending the block, as most
 * readers do; beyond the size limit fields are dropped but the block is still skipped to find the body.
 */
export function readHeaderBlock(bytes: Uint8Array, start: number, end: number): HeaderBlock {
  const fields: HeaderField[] = [];
  const limit = start + mimeLimits.maxHeaderBlockBytes;
  let truncated = false;
  let pos = start;
  while (pos < end) {
    const next = lineEnd(bytes, pos, end);
    if (contentEnd(bytes, pos, next) === pos) return { fields, bodyStart: next, truncated };
    // A boundary line where a header was expected: the blank line is missing, the body starts here.
    if (bytes[pos] === DASH && bytes[pos + 1] === DASH && !bytes.subarray(pos, next).includes(COLON)) {
      return { fields, bodyStart: pos, truncated };
    }
    // A field runs on while the following lines start with white space (folding, RFC 5322 §2.2.3).
    let fieldEnd = next;
    while (fieldEnd < end && (bytes[fieldEnd] === SP || bytes[fieldEnd] === TAB))
      fieldEnd = lineEnd(bytes, fieldEnd, end);
    if (fieldEnd > limit) truncated = true;
    if (!truncated) {
      const colon = bytes.indexOf(COLON, pos);
      if (colon !== -1 && colon < contentEnd(bytes, pos, next)) {
        const name = headerText(bytes.subarray(pos, colon)).trim();
        // RFC 5322 §3.6.8: a field name is printable ASCII without spaces.
        if (/^[\x21-\x39\x3b-\x7e]+$/.test(name)) {
          fields.push({
            name,
            value: headerText(bytes.subarray(colon + 1, contentEnd(bytes, pos, fieldEnd))),
          });
        }
      }
    }
    pos = fieldEnd;
  }
  return { fields, bodyStart: end, truncated };
}

/** RFC 5322 §2.2.3 unfolding, then the surrounding white space removed: the value to parse. */
export function unfold(value: string): string {
  return value
    .replace(/\r?\n(?=[ \t])/g, '')
    .replace(/[\r\n]+/g, ' ')
    .trim();
}

/**
 * The value of the last field with this name (RFC 8621 §4.1.3: `header:{name}` is the last
 * instance), unfolded; null when absent.
 */
export function lastField(fields: readonly HeaderField[], name: string): string | null {
  const lower = name.toLowerCase();
  for (let i = fields.length - 1; i >= 0; i--) {
    const field = fields[i]!;
    if (field.name.toLowerCase() === lower) return unfold(field.value);
  }
  return null;
}
