/**
 * iMIP (RFC 6047): the MIME body of a scheduling email, and the iTIP object found in a received
 * message. Building gives a multipart/alternative of text/plain and `text/calendar; method=…;
 * charset=UTF-8` (RFC 6047 §2.4), both base64 so that no relay rewrites them. Reading walks the
 * MIME tree within explicit limits and never throws.
 */
import type { ItipMethod } from './itip-build.js';
import type { ItipMessage } from './itip-parse.js';
import { parseItip } from './itip-parse.js';
import type { Result } from './types.js';
import { fail, ok } from './types.js';

export interface ImipBody {
  /** Value of the message's Content-Type header. */
  contentType: string;
  /** The body after the headers: CRLF line ends, 7-bit. */
  body: string;
}

const base64Lines = (text: string): string =>
  (
    Buffer.from(text, 'utf8')
      .toString('base64')
      .match(/.{1,76}/g) ?? []
  ).join('\r\n');

/**
 * The body of an iMIP message: `text` for people, `icalendar` (from buildItip) for programs.
 * Outlook and Gmail both read this shape (the calendar part as an alternative of the text).
 */
export function buildImipBody(
  method: ItipMethod,
  icalendar: string,
  text: string,
  boundary = `colibri-imip-${Date.now().toString(36)}`,
): ImipBody {
  const body = [
    `--${boundary}`,
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(text),
    `--${boundary}`,
    `Content-Type: text/calendar; method=${method.toUpperCase()}; charset=UTF-8`,
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(icalendar),
    `--${boundary}--`,
    '',
  ].join('\r\n');
  return { contentType: `multipart/alternative; boundary="${boundary}"`, body };
}

export interface ImipLimits {
  /** Bytes of the whole message (default 25 MiB). */
  maxBytes?: number;
  /** MIME nesting depth (default 16). */
  maxDepth?: number;
  /** MIME parts in all (default 500). */
  maxParts?: number;
}

interface Part {
  headers: Map<string, string>;
  body: string;
}

function splitPart(raw: string): Part {
  const end = raw.search(/\r?\n\r?\n/);
  const head = end === -1 ? raw : raw.slice(0, end);
  const body = end === -1 ? '' : raw.slice(end).replace(/^\r?\n\r?\n/, '');
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) {
      const name = line.slice(0, colon).trim().toLowerCase();
      if (!headers.has(name)) headers.set(name, line.slice(colon + 1).trim());
    }
  }
  return { headers, body };
}

function contentTypeParam(contentType: string, name: string): string | undefined {
  const m = new RegExp(`;\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i').exec(contentType);
  return m ? (m[1] ?? m[2]) : undefined;
}

function decodeBody(part: Part): string {
  const encoding = (part.headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  let bytes: Buffer;
  if (encoding === 'base64') bytes = Buffer.from(part.body.replace(/[^A-Za-z0-9+/=]/g, ''), 'base64');
  else if (encoding === 'quoted-printable')
    bytes = Buffer.from(
      part.body
        .replace(/=\r?\n/g, '')
        .replace(/=([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
      'latin1',
    );
  else bytes = Buffer.from(part.body, 'latin1');
  const charset = contentTypeParam(part.headers.get('content-type') ?? '', 'charset') ?? 'utf-8';
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

/** Depth-first search for the first text/calendar (or application/ics) part. */
function findCalendar(
  part: Part,
  depth: number,
  budget: { parts: number },
  limits: Required<ImipLimits>,
): Part | 'limit' | undefined {
  if (--budget.parts < 0 || depth > limits.maxDepth) return 'limit';
  const type = (part.headers.get('content-type') ?? 'text/plain').toLowerCase();
  if (type.startsWith('text/calendar') || type.startsWith('application/ics')) return part;
  if (!type.startsWith('multipart/')) return undefined;
  const boundary = contentTypeParam(part.headers.get('content-type') ?? '', 'boundary');
  if (!boundary) return undefined;
  const delimiter = `--${boundary}`;
  const pieces = part.body.split(
    new RegExp(`(?:^|\\r?\\n)${delimiter.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
  );
  for (const piece of pieces.slice(1)) {
    if (piece.startsWith('--')) break;
    const found = findCalendar(splitPart(piece.replace(/^[ \t]*\r?\n/, '')), depth + 1, budget, limits);
    if (found) return found;
  }
  return undefined;
}

export interface ReceivedItip {
  itip: ItipMessage;
  /** The `method` parameter of the part's Content-Type, which RFC 6047 §2.4 requires to match METHOD. */
  contentTypeMethod?: string;
}

/**
 * Finds the iTIP object in a received email (raw RFC 5322 text or bytes). Whether to apply it
 * (the sender's authenticity, DMARC/DKIM) is the caller's decision.
 */
export function extractItip(message: string | Uint8Array, options: ImipLimits = {}): Result<ReceivedItip> {
  const limits: Required<ImipLimits> = {
    maxBytes: 25 * 1024 * 1024,
    maxDepth: 16,
    maxParts: 500,
    ...options,
  };
  const size = typeof message === 'string' ? message.length : message.byteLength;
  if (size > limits.maxBytes) return fail('too-large', `message of ${size} bytes exceeds ${limits.maxBytes}`);
  const raw = typeof message === 'string' ? message : Buffer.from(message).toString('latin1');
  const found = findCalendar(splitPart(raw), 0, { parts: limits.maxParts }, limits);
  if (found === 'limit')
    return fail(
      'limit',
      `MIME structure deeper than ${limits.maxDepth} or with more than ${limits.maxParts} parts`,
    );
  if (!found) return fail('no-event', 'no text/calendar part in the message');
  const itip = parseItip(decodeBody(found));
  if (!itip.ok) return itip;
  const contentTypeMethod = contentTypeParam(
    found.headers.get('content-type') ?? '',
    'method',
  )?.toLowerCase();
  if (contentTypeMethod && contentTypeMethod !== itip.value.method)
    return fail(
      'bad-method',
      `Content-Type method=${contentTypeMethod.toUpperCase()} differs from METHOD:${itip.value.method.toUpperCase()} (RFC 6047 §2.4)`,
    );
  return ok(contentTypeMethod ? { itip: itip.value, contentTypeMethod } : { itip: itip.value });
}
