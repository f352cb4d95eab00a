import { randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import MailComposer from 'nodemailer/lib/mail-composer';
import type Mail from 'nodemailer/lib/mailer';
import { InvalidInputError, NotFoundError } from '../errors.js';
import type { Address, BlobId } from '../model.js';
import type { BuildOptions, BuiltMessage, OutgoingAttachment, OutgoingMessage } from './outgoing-message.js';

/** Explicit limits of what we build (RFC 5322 §2.1.1 caps a line at 998 characters). */
export const composeLimits = {
  maxAttachments: 100,
  maxRecipients: 1000,
  /** A value may be one unfoldable word: with "Field-Name: " it must still fit in 998. */
  maxHeaderValueChars: 900,
  maxExtraHeaders: 50,
  maxReferences: 100,
};

/** Header fields set from the typed input only (an extra header may not override or duplicate them). */
const managedHeaders = new Set([
  'from',
  'sender',
  'to',
  'cc',
  'bcc',
  'reply-to',
  'subject',
  'date',
  'message-id',
  'in-reply-to',
  'references',
  'mime-version',
  'content-type',
  'content-transfer-encoding',
  'content-disposition',
  'content-id',
]);

/** RFC 5322 §2.2: a field name is printable ASCII except the colon. */
const fieldName = /^[!-9;-~]{1,76}$/;
const addrSpec = /^[^\s@<>(),;:"\\[\]]+@[^\s@<>(),;:"\\[\]]+$/;
const msgIdPattern = /^[^\s<>]+@[^\s<>]+$/;
/** RFC 5546 §1.4 methods are iana-tokens; `REQUEST`, `REPLY`, `CANCEL`, `COUNTER`, … */
const itipMethod = /^[A-Za-z-]{1,32}$/;
const boundaryBase = /^[0-9A-Za-z_-]{1,40}$/;

/** Folds CR, LF and other control characters into spaces: no value can start a header line of its own. */
function oneLine(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u001f\u007f]+/g, ' ');
}

function address(a: Address, field: string): Mail.Address {
  const email = a.email.trim();
  if (!addrSpec.test(email)) throw new InvalidInputError(`${field}: invalid address "${oneLine(email)}"`);
  return { name: oneLine(a.name ?? ''), address: email };
}

function addresses(list: Address[] | undefined, field: string): Mail.Address[] | undefined {
  if (!list || list.length === 0) return undefined;
  return list.map((a) => address(a, field));
}

function messageIdList(ids: string[] | undefined, field: string): string | undefined {
  if (!ids || ids.length === 0) return undefined;
  if (ids.length > composeLimits.maxReferences)
    throw new InvalidInputError(`${field} is limited to ${composeLimits.maxReferences} ids`);
  return ids
    .map((id) => {
      if (!msgIdPattern.test(id))
        throw new InvalidInputError(`${field}: invalid message id "${oneLine(id)}"`);
      return `<${id}>`;
    })
    .join(' ');
}

function extraHeaders(headers: OutgoingMessage['headers']): { key: string; value: string }[] {
  const list = headers ?? [];
  if (list.length > composeLimits.maxExtraHeaders)
    throw new InvalidInputError(`At most ${composeLimits.maxExtraHeaders} extra header fields`);
  return list.map(({ name, value }) => {
    if (!fieldName.test(name)) throw new InvalidInputError(`Invalid header field name "${oneLine(name)}"`);
    if (managedHeaders.has(name.toLowerCase()))
      throw new InvalidInputError(`Header field ${name} is set from the message's own properties`);
    const clean = oneLine(value);
    if (clean.length > composeLimits.maxHeaderValueChars)
      throw new InvalidInputError(
        `Header field ${name} is limited to ${composeLimits.maxHeaderValueChars} characters`,
      );
    return { key: name, value: clean };
  });
}

/** Opens a stored blob's bytes as a stream, or null when the account may not read it. */
export type OpenBlob = (blobId: BlobId) => Promise<Readable | null>;

async function attachment(a: OutgoingAttachment, openBlob: OpenBlob): Promise<Mail.Attachment> {
  let content: Readable | Buffer;
  if (a.blobId !== undefined) {
    const stream = await openBlob(a.blobId);
    if (!stream) throw new NotFoundError(`Blob ${a.blobId}`);
    content = stream;
  } else content = Buffer.from(a.bytes.buffer, a.bytes.byteOffset, a.bytes.byteLength);
  if (!/^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/i.test(a.type))
    throw new InvalidInputError(`Invalid attachment type "${oneLine(a.type)}"`);
  const cid = a.cid ? oneLine(a.cid).replace(/^<|>$/g, '') : undefined;
  if (cid !== undefined && !/^[^\s<>]+$/.test(cid))
    throw new InvalidInputError(`Invalid Content-ID "${cid}"`);
  return {
    content,
    contentType: a.type.toLowerCase(),
    contentDisposition: a.disposition,
    // nodemailer writes RFC 2231 parameters for non-ASCII names, RFC 2047 words only in Content-Type's name.
    ...(a.name !== null ? { filename: oneLine(a.name) } : { filename: false as const }),
    ...(cid ? { cid } : {}),
  };
}

/** `<random@domain-of-from>` (RFC 5322 §3.6.4): unique, and says who made it. */
export function newMessageId(from: string): string {
  const domain = from.slice(from.lastIndexOf('@') + 1) || 'localhost';
  return `${randomBytes(18).toString('base64url')}@${domain}`;
}

/**
 * Builds an outgoing message as RFC 5322/MIME bytes with nodemailer's MailComposer:
 * text + HTML as multipart/alternative, inline parts with a Content-ID as multipart/related,
 * attachments as multipart/mixed; RFC 2047 encoded words for non-ASCII names and subject, RFC 2231
 * for non-ASCII file names; CRLF line ends; Bcc never written; Date and Message-ID always present.
 * An iTIP `calendar` becomes a text/calendar alternative with its METHOD (RFC 6047 §2.4).
 * Attachments given by blob id are streamed from `openBlob`, never read whole first.
 */
export async function buildMessage(
  message: OutgoingMessage,
  openBlob: OpenBlob,
  build: BuildOptions = {},
): Promise<BuiltMessage> {
  if (message.from.length === 0) throw new InvalidInputError('A message needs a From address');
  const recipients = (message.to?.length ?? 0) + (message.cc?.length ?? 0) + (message.bcc?.length ?? 0);
  if (recipients > composeLimits.maxRecipients)
    throw new InvalidInputError(`At most ${composeLimits.maxRecipients} recipients`);
  const attachments = message.attachments ?? [];
  if (attachments.length > composeLimits.maxAttachments)
    throw new InvalidInputError(`At most ${composeLimits.maxAttachments} attachments`);
  const from = message.from.map((a) => address(a, 'from'));
  const messageId = message.messageId ?? newMessageId(message.from[0]!.email);
  if (!msgIdPattern.test(messageId))
    throw new InvalidInputError(`Invalid Message-ID "${oneLine(messageId)}"`);
  const subject = oneLine(message.subject ?? '');
  if (subject.length > composeLimits.maxHeaderValueChars)
    throw new InvalidInputError(`Subject is limited to ${composeLimits.maxHeaderValueChars} characters`);
  const sentAt = message.sentAt ?? new Date();
  if (Number.isNaN(sentAt.getTime())) throw new InvalidInputError('Invalid sentAt date');
  const calendar = message.calendar ?? null;
  if (calendar && !itipMethod.test(calendar.method))
    throw new InvalidInputError(`Invalid iTIP method "${oneLine(calendar.method)}"`);
  if (build.boundary !== undefined && !boundaryBase.test(build.boundary))
    throw new InvalidInputError('A boundary base is 1 to 40 letters, digits, "_" or "-"');

  // `newline` is MailComposer's (passed to every MIME node): CRLF everywhere, RFC 5322 §2.1.
  const options: Mail.Options & { newline: string; baseBoundary?: string } = {
    newline: '\r\n',
    ...(build.boundary !== undefined ? { baseBoundary: build.boundary } : {}),
    // RFC 5322 §3.6.2: several From addresses need a single Sender.
    from: from.length === 1 ? from[0] : undefined,
    sender: message.sender ? address(message.sender, 'sender') : undefined,
    to: addresses(message.to, 'to'),
    cc: addresses(message.cc, 'cc'),
    bcc: addresses(message.bcc, 'bcc'),
    replyTo: addresses(message.replyTo, 'replyTo'),
    subject,
    date: sentAt,
    messageId: `<${messageId}>`,
    inReplyTo: messageIdList(message.inReplyTo, 'inReplyTo'),
    references: messageIdList(message.references, 'references'),
    text: message.textBody ?? (message.htmlBody == null ? '' : undefined),
    html: message.htmlBody ?? undefined,
    attachments: await Promise.all(attachments.map((a) => attachment(a, openBlob))),
    icalEvent: calendar ? { method: calendar.method.toUpperCase(), content: calendar.content } : undefined,
    headers: extraHeaders(message.headers),
    textEncoding: 'quoted-printable',
  };
  if (from.length > 1 && !message.sender)
    throw new InvalidInputError('Several From addresses need a Sender (RFC 5322 §3.6.2)');
  const composer = new MailComposer(options);
  const node = composer.compile();
  if (from.length > 1) node.setHeader('From', from);
  // keepBcc stays off: MailComposer writes no Bcc header.
  const raw = await node.build();
  return { raw: new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength), messageId, sentAt };
}
