import { encodeWords, foldLines } from 'nodemailer/lib/mime-funcs';
import MimeNode from 'nodemailer/lib/mime-node';
import { InvalidInputError, NotFoundError } from '../errors.js';
import type { Address, BlobId } from '../model.js';
import { composeLimits, newMessageId, type OpenBlob } from './build-message.js';
import type { BuildOptions, BuiltMessage } from './outgoing-message.js';

/** An address-list item (RFC 5322 §3.4): a mailbox, or a named group of mailboxes. */
export type TreeAddress = Address | { name: string | null; group: Address[] };

/**
 * A header field value: `text` is unstructured (RFC 2047 encoded words when not ASCII), `raw` is
 * RFC 5322 text written as given (folding allowed, nothing else), `addresses` an address-list.
 */
export type TreeHeaderValue = { text: string } | { raw: string } | { addresses: TreeAddress[] };

export interface TreeHeader {
  name: string;
  value: TreeHeaderValue;
}

/**
 * One MIME entity of a message to build (RFC 2045/2046): a multipart with `subParts`, or a leaf
 * whose content is `text` (written as UTF-8) or a stored blob's bytes.
 */
export interface TreePart {
  type: string;
  /** For leaves given by blob: the charset parameter as given; `text` leaves are always utf-8. */
  charset?: string | null;
  disposition?: string | null;
  name?: string | null;
  /** Without angle brackets. */
  cid?: string | null;
  language?: string[] | null;
  location?: string | null;
  /** Further fields of this entity; Content-* fields come from the properties above only. */
  headers?: TreeHeader[];
  subParts?: TreePart[];
  text?: string;
  blobId?: BlobId;
}

/** A message as a MIME tree with its header fields (RFC 8621 §4.6 Email/set create). */
export interface OutgoingTree {
  headers: TreeHeader[];
  body: TreePart;
}

/** Explicit limits of a tree, beyond `composeLimits`. */
export const treeLimits = { maxParts: 200, maxDepth: 10, maxHeaders: 200 };

const fieldName = /^[!-9;-~]{1,76}$/;
const mediaType = /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/i;
const token = /^[a-z0-9!#$&^_.+-]{1,64}$/i;
const addrSpec = /^[^\s@<>(),;:"\\[\]]+@[^\s@<>(),;:"\\[\]]+$/;
const cidPattern = /^[^\s<>]+$/;
/** Written by the part's own properties (or chosen by us, RFC 8621 §4.6: Content-Transfer-Encoding). */
const partManaged = new Set([
  'content-type',
  'content-transfer-encoding',
  'content-disposition',
  'content-id',
  'content-language',
  'content-location',
  'mime-version',
]);

function oneLine(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u001f\u007f]+/g, ' ');
}

function mailbox(a: Address): { name: string; address: string } {
  const email = a.email.trim();
  if (!addrSpec.test(email)) throw new InvalidInputError(`Invalid address "${oneLine(email)}"`);
  return { name: oneLine(a.name ?? ''), address: email };
}

/** RFC 5322 §2.2.3: raw text may fold (CRLF followed by white space) and hold no other control. */
function rawValue(name: string, value: string): string {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(value) || /\r?\n(?![ \t])|\r(?!\n)/.test(value))
    throw new InvalidInputError(`Header field ${name}: raw value with a bare line break or control`);
  for (const line of value.split(/\r?\n/))
    if (line.length > 998 - name.length - 2)
      throw new InvalidInputError(`Header field ${name}: a line over 998 characters`);
  return value.replace(/\r?\n/g, '\r\n').trimStart();
}

const encodeMailbox = (a: Address) => MimeNode.encodeHeaderValue('To', [mailbox(a)]);

/** RFC 5322 §3.2.5 phrase: atoms as they are, else a quoted string, RFC 2047 words when not ASCII. */
function phrase(name: string): string {
  const clean = oneLine(name).trim();
  if (/^[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~ ]*$/.test(clean)) return clean;
  if (/^[\x20-\x7e]*$/.test(clean)) return `"${clean.replace(/["\\]/g, '\\$&')}"`;
  return encodeWords(clean, 'Q', 52);
}

/** The header lines of `headers`, each folded at 76 (RFC 5322 §2.2.3); raw values as given. */
function headerLines(headers: readonly TreeHeader[]): string[] {
  return headers.map(({ name, value }) => {
    if (!fieldName.test(name)) throw new InvalidInputError(`Invalid header field name "${oneLine(name)}"`);
    if (partManaged.has(name.toLowerCase()))
      throw new InvalidInputError(`Header field ${name} is set from the part's own properties`);
    if ('raw' in value) return `${name}: ${rawValue(name, value.raw)}`;
    let encoded: string;
    if ('text' in value) {
      const clean = oneLine(value.text);
      if (clean.length > composeLimits.maxHeaderValueChars)
        throw new InvalidInputError(
          `Header field ${name} is limited to ${composeLimits.maxHeaderValueChars} characters`,
        );
      // Unstructured text whatever the name: RFC 2047 encoded words when not ASCII.
      encoded = MimeNode.encodeHeaderValue('X-Text', clean);
    } else {
      if (value.addresses.length > composeLimits.maxRecipients)
        throw new InvalidInputError(`At most ${composeLimits.maxRecipients} addresses`);
      encoded = value.addresses
        .map((a) =>
          'group' in a
            ? `${phrase(a.name ?? '')}:${a.group.length > 0 ? ' ' : ''}${a.group.map(encodeMailbox).join(', ')};`
            : encodeMailbox(a),
        )
        .join(', ');
    }
    return foldLines(`${name}: ${encoded}`, 76);
  });
}

function contentType(part: TreePart, leafText: boolean): string {
  if (!mediaType.test(part.type)) throw new InvalidInputError(`Invalid media type "${oneLine(part.type)}"`);
  const type = part.type.toLowerCase();
  if (leafText) return `${type}; charset=utf-8`;
  if (part.charset != null) {
    if (!token.test(part.charset)) throw new InvalidInputError(`Invalid charset "${oneLine(part.charset)}"`);
    return `${type}; charset=${part.charset}`;
  }
  return type;
}

interface Budget {
  parts: number;
}

async function buildPart(
  node: MimeNode,
  part: TreePart,
  openBlob: OpenBlob,
  depth: number,
  budget: Budget,
): Promise<void> {
  if (depth > treeLimits.maxDepth)
    throw new InvalidInputError(`Parts nest at most ${treeLimits.maxDepth} deep`);
  if (++budget.parts > treeLimits.maxParts)
    throw new InvalidInputError(`At most ${treeLimits.maxParts} parts`);
  const multipart = /^multipart\//i.test(part.type);
  if (multipart !== (part.subParts !== undefined))
    throw new InvalidInputError('A multipart has sub-parts, and only a multipart has them');
  if (!multipart && (part.text === undefined) === (part.blobId === undefined))
    throw new InvalidInputError('A leaf part has either text or a blob');
  node.setHeader('Content-Type', contentType(part, part.text !== undefined));
  if (part.disposition != null) {
    if (!token.test(part.disposition))
      throw new InvalidInputError(`Invalid disposition "${oneLine(part.disposition)}"`);
    node.setHeader('Content-Disposition', part.disposition.toLowerCase());
  }
  // MimeNode writes `filename` (RFC 2231 when not ASCII) and the `name` parameter of Content-Type.
  if (part.name != null) node.filename = oneLine(part.name);
  if (part.cid != null) {
    const cid = oneLine(part.cid).replace(/^<|>$/g, '');
    if (!cidPattern.test(cid)) throw new InvalidInputError(`Invalid Content-ID "${cid}"`);
    node.setHeader('Content-ID', `<${cid}>`);
  }
  if (part.language != null && part.language.length > 0) {
    if (!part.language.every((tag) => /^[a-z0-9-]{1,35}$/i.test(tag)))
      throw new InvalidInputError('Invalid Content-Language tag');
    node.setHeader('Content-Language', part.language.join(', '));
  }
  if (part.location != null)
    node.setHeader('Content-Location', {
      prepared: true,
      value: rawValue('Content-Location', oneLine(part.location)),
    });
  for (const line of headerLines(part.headers ?? [])) {
    const colon = line.indexOf(':');
    node.addHeader(line.slice(0, colon), { prepared: true, value: line.slice(colon + 2) });
  }
  if (part.subParts !== undefined) {
    for (const sub of part.subParts)
      await buildPart(node.createChild(false), sub, openBlob, depth + 1, budget);
    return;
  }
  if (part.text !== undefined) {
    node.setContent(part.text);
    return;
  }
  const stream = await openBlob(part.blobId!);
  if (!stream) throw new NotFoundError(`Blob ${part.blobId}`);
  node.setContent(stream);
}

/**
 * Builds a message from a MIME tree and header fields given in raw, text or address form (RFC 8621
 * §4.6 Email/set create): any tree of multiparts, blob and text leaves. The transfer encodings are
 * ours (quoted-printable or base64, never 8bit); CRLF line ends; MIME-Version always; Date and a
 * Message-ID at the From domain when not given. Bcc is kept: this is the stored copy, not what is sent.
 */
export async function buildMimeTree(
  tree: OutgoingTree,
  openBlob: OpenBlob,
  build: BuildOptions = {},
): Promise<BuiltMessage> {
  if (tree.headers.length > treeLimits.maxHeaders)
    throw new InvalidInputError(`At most ${treeLimits.maxHeaders} header fields`);
  const lines = headerLines(tree.headers);
  const named = (name: string) => tree.headers.filter((h) => h.name.toLowerCase() === name);
  const given = named('message-id')[0]?.value;
  let messageId: string;
  if (given === undefined) {
    const from = named('from')[0]?.value;
    const first = from !== undefined && 'addresses' in from ? from.addresses[0] : undefined;
    const email = first === undefined ? '' : 'group' in first ? (first.group[0]?.email ?? '') : first.email;
    messageId = newMessageId(email);
    lines.push(`Message-ID: <${messageId}>`);
  } else
    messageId = ('raw' in given ? given.raw : 'text' in given ? given.text : '').trim().replace(/^<|>$/g, '');
  let sentAt = new Date();
  const date = named('date')[0]?.value;
  if (date === undefined) lines.push(`Date: ${sentAt.toUTCString().replace(/GMT$/, '+0000')}`);
  else {
    const parsed = Date.parse('raw' in date ? date.raw : 'text' in date ? date.text : '');
    if (!Number.isNaN(parsed)) sentAt = new Date(parsed);
  }
  lines.push('MIME-Version: 1.0');
  // The body is a child of a shell root, so that MimeNode adds none of its own root fields: the
  // message's header block is ours, the body entity (with its Content-* fields) is MimeNode's.
  const shell = new MimeNode('multipart/mixed', {
    newline: '\r\n',
    ...(build.boundary !== undefined ? { baseBoundary: build.boundary } : {}),
  });
  const body = shell.createChild(false);
  await buildPart(body, tree.body, openBlob, 0, { parts: 0 });
  let entity = await body.build();
  // MimeNode ends what it builds with a line break; in a single-part message that would become
  // part of the text (a multipart's closing delimiter owns its own).
  const text = tree.body.text;
  if (text !== undefined && !/\n$/.test(text) && entity.subarray(-2).toString('latin1') === '\r\n')
    entity = entity.subarray(0, -2);
  const raw = Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n`, 'latin1'), entity]);
  return { raw: new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength), messageId, sentAt };
}
