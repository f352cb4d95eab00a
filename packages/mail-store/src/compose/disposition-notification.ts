import { randomBytes } from 'node:crypto';
import { addressParser } from 'postal-mime';
import { lastField, readHeaderBlock } from '../mime/header-block.js';
import { headerBlock, oneLine, rfc5322Date } from './delivery-status.js';

/** The explicit limits of a disposition notification (RFC 8098) we compose. */
export const mdnLimits = {
  /** The human-readable part, in UTF-16 code units. */
  maxTextBodyChars: 64 * 1024,
  /** Subject, Reporting-UA, an extension field's value, in characters. */
  maxFieldChars: 998,
  /** Extension fields in one notification. */
  maxExtensionFields: 32,
  /** Disposition-Notification-To addresses we answer (RFC 8098 §2.1 allows a list). */
  maxNotifyAddresses: 10,
} as const;

/** RFC 8098 §3.2.6.1-3 */
export const actionModes = ['manual-action', 'automatic-action'] as const;
export const sendingModes = ['mdn-sent-manually', 'mdn-sent-automatically'] as const;
export const dispositionTypes = ['deleted', 'dispatched', 'displayed', 'processed'] as const;

export interface Disposition {
  actionMode: (typeof actionModes)[number];
  sendingMode: (typeof sendingModes)[number];
  type: (typeof dispositionTypes)[number];
}

/** RFC 8098 §3.3: an extension field name is a header field name (RFC 5322 §3.6.8 ftext). */
export const extensionFieldName = /^[!-9;-~]{1,76}$/;

/** The fields RFC 8098 §3.2 defines, which an extension field may not repeat. */
export const standardMdnFields = new Set([
  'reporting-ua',
  'mdn-gateway',
  'original-recipient',
  'final-recipient',
  'original-message-id',
  'disposition',
  'failure',
  'error',
  'warning',
]);

export interface DispositionNotificationInput {
  /** The reporting user's address (From; the identity's). */
  from: { name: string | null; email: string };
  /** The Disposition-Notification-To addresses of the original (To). */
  to: string[];
  subject: string;
  /** The human-readable first part (RFC 8098 §3: text/plain). */
  textBody: string;
  /** RFC 8098 §3.2.1: "ua-name; ua-product", or null to leave the field out. */
  reportingUA: string | null;
  /** RFC 8098 §3.2.3 field value ("rfc822; addr"), when the original carried Original-Recipient. */
  originalRecipient: string | null;
  /** RFC 8098 §3.2.4 field value ("rfc822; addr"): the recipient the disposition is about. */
  finalRecipient: string;
  /** RFC 8098 §3.2.5 field value ("<id>"): the original's Message-ID, when it had one. */
  originalMessageId: string | null;
  disposition: Disposition;
  extensionFields: Record<string, string>;
  /** The original message: returned whole (message/rfc822) or its header block only. */
  original: Uint8Array;
  includeOriginalMessage: boolean;
  /** Our host name, for the Message-ID. */
  hostname: string;
  date?: Date;
}

const CRLF = '\r\n';

/** RFC 2047 §4.1 B-encoded words for non-ASCII text, each under 76 characters. */
export function encodeWords(text: string): string {
  if (/^[\x20-\x7e]*$/.test(text)) return text;
  const words: string[] = [];
  let chunk = '';
  for (const char of text) {
    if (Buffer.byteLength(chunk + char, 'utf8') > 45) {
      words.push(chunk);
      chunk = '';
    }
    chunk += char;
  }
  if (chunk !== '') words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w, 'utf8').toString('base64')}?=`).join(`${CRLF} `);
}

/** Base64 in 76-character lines (RFC 2045 §6.8), so no line of the text can be too long. */
function base64Lines(text: string): string {
  return (
    Buffer.from(text, 'utf8')
      .toString('base64')
      .match(/.{1,76}/g) ?? []
  ).join(CRLF);
}

/** RFC 5322 §3.4: an ASCII display name quoted (it may hold a comma), any other one encoded. */
function displayName(name: string | null, email: string): string {
  const plain = oneLine(name ?? '').replace(/["\\]/g, '');
  if (plain === '') return `<${email}>`;
  return /^[\x20-\x7e]*$/.test(plain) ? `"${plain}" <${email}>` : `${encodeWords(plain)} <${email}>`;
}

/** RFC 8098 §3.2: the message/disposition-notification fields, one per line. */
function reportFields(input: DispositionNotificationInput): string[] {
  const d = input.disposition;
  return [
    ...(input.reportingUA ? [`Reporting-UA: ${oneLine(input.reportingUA)}`] : []),
    ...(input.originalRecipient ? [`Original-Recipient: ${oneLine(input.originalRecipient)}`] : []),
    `Final-Recipient: ${oneLine(input.finalRecipient)}`,
    ...(input.originalMessageId ? [`Original-Message-ID: ${oneLine(input.originalMessageId)}`] : []),
    `Disposition: ${d.actionMode}/${d.sendingMode}; ${d.type}`,
    ...Object.entries(input.extensionFields).map(([name, value]) => `${name}: ${oneLine(value)}`),
  ];
}

function check(input: DispositionNotificationInput): void {
  if (!actionModes.includes(input.disposition.actionMode)) throw new Error('Invalid disposition actionMode');
  if (!sendingModes.includes(input.disposition.sendingMode))
    throw new Error('Invalid disposition sendingMode');
  if (!dispositionTypes.includes(input.disposition.type)) throw new Error('Invalid disposition type');
  if (input.to.length === 0) throw new Error('A disposition notification needs a recipient');
  for (const name of Object.keys(input.extensionFields))
    if (!extensionFieldName.test(name) || standardMdnFields.has(name.toLowerCase()))
      throw new Error(`Invalid extension field name: ${name}`);
}

/**
 * A message disposition notification (RFC 8098 §3): `multipart/report;
 * report-type=disposition-notification` (RFC 6522) with the human-readable text, the
 * `message/disposition-notification` part and the original (whole, or its header block). CRLF line
 * endings. Sent with a null MAIL FROM (RFC 8098 §2.1) and Auto-Submitted (RFC 3834 §5) when the
 * sending mode is automatic.
 */
export function dispositionNotification(input: DispositionNotificationInput): Uint8Array {
  check(input);
  const boundary = `=_colibri-mdn-${randomBytes(12).toString('hex')}`;
  const date = input.date ?? new Date();
  const host = oneLine(input.hostname);
  const automatic = input.disposition.sendingMode === 'mdn-sent-automatically';
  const head = [
    `From: ${displayName(input.from.name, oneLine(input.from.email))}`,
    `To: ${input.to.map((a) => `<${oneLine(a)}>`).join(', ')}`,
    `Subject: ${encodeWords(oneLine(input.subject))}`,
    `Date: ${rfc5322Date(date)}`,
    `Message-ID: <${randomBytes(12).toString('hex')}@${host}>`,
    ...(input.originalMessageId ? [`References: ${oneLine(input.originalMessageId)}`] : []),
    ...(automatic ? ['Auto-Submitted: auto-replied'] : []),
    'MIME-Version: 1.0',
    `Content-Type: multipart/report; report-type=disposition-notification; boundary="${boundary}"`,
    '',
    'This is a MIME-encapsulated message disposition notification.',
    `--${boundary}`,
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(input.textBody),
    `--${boundary}`,
    'Content-Type: message/disposition-notification',
    '',
    ...reportFields(input),
    '',
    `--${boundary}`,
    input.includeOriginalMessage ? 'Content-Type: message/rfc822' : 'Content-Type: text/rfc822-headers',
    '',
  ].join(CRLF);
  const original = input.includeOriginalMessage
    ? Buffer.from(input.original)
    : Buffer.from(headerBlock(input.original), 'latin1');
  return Buffer.concat([
    Buffer.from(head + CRLF, 'utf8'),
    original,
    Buffer.from(`${CRLF}--${boundary}--${CRLF}`, 'utf8'),
  ]);
}

/** What a message asks of a disposition notification (RFC 8098 §2). */
export interface DispositionRequest {
  /** The Disposition-Notification-To addresses (RFC 8098 §2.1); empty when none was asked. */
  notifyTo: string[];
  /** The Original-Recipient field value (RFC 8098 §2.3, "rfc822;addr"), unfolded. */
  originalRecipient: string | null;
}

type ParsedAddress = { address?: string; group?: ParsedAddress[] };

/** Reads the original's header fields that an MDN answers. */
export function dispositionRequest(raw: Uint8Array): DispositionRequest {
  const { fields } = readHeaderBlock(raw, 0, raw.byteLength);
  const to = lastField(fields, 'disposition-notification-to');
  const notifyTo: string[] = [];
  if (to !== null) {
    let parsed: ParsedAddress[] = [];
    try {
      parsed = addressParser(to) as ParsedAddress[];
    } catch {
      parsed = [];
    }
    const visit = (list: ParsedAddress[]) => {
      for (const a of list) {
        if (a.group) visit(a.group);
        else if (a.address && /^[^\s<>@]+@[^\s<>@]+$/.test(a.address)) notifyTo.push(a.address);
      }
    };
    visit(parsed);
  }
  // RFC 8098 §2.3 / RFC 3461 §4.2: "Original-Recipient: rfc822;addr", copied as it is.
  const original = lastField(fields, 'original-recipient');
  const originalRecipient =
    original !== null && original.length <= mdnLimits.maxFieldChars && /^[^;\s]+;\s*\S/.test(original)
      ? original
      : null;
  return { notifyTo: notifyTo.slice(0, mdnLimits.maxNotifyAddresses), originalRecipient };
}
