import { randomBytes } from 'node:crypto';

/** The most header bytes of the original message a report returns (text/rfc822-headers). */
export const maxReturnedHeaderBytes = 64 * 1024;

/** One recipient the report is about (RFC 3464 §2.3). */
export interface FailedRecipient {
  /** The RCPT TO address (Final-Recipient: rfc822; …). */
  recipient: string;
  /** RFC 3463 status, e.g. "5.1.1" (Status: …); 5.x.x for a permanent failure. */
  status: string;
  /** The remote server's reply, or our own reason (Diagnostic-Code: smtp; …). */
  diagnostic: string;
  /** The host that answered, when there was one (Remote-MTA: dns; …). */
  remoteMta?: string;
}

export interface DeliveryStatusInput {
  /** Our host name (Reporting-MTA: dns; …, RFC 3464 §2.2.2). */
  reportingMta: string;
  /** The bounce's From: usually `MAILER-DAEMON@<host>`. */
  from: string;
  /** The original sender (the original MAIL FROM), to whom the report goes. */
  to: string;
  recipients: FailedRecipient[];
  /** The original message; only its header block is returned. */
  original: Uint8Array;
  /** When we accepted the original (Arrival-Date). */
  arrivalDate: Date;
  date?: Date;
}

const CRLF = '\r\n';

/** RFC 3463 §2: class.subject.detail. */
const statusPattern = /^[245]\.\d{1,3}\.\d{1,3}$/;

/** The RFC 3463 code of an SMTP reply ("550 5.1.1 …" → "5.1.1"), or the class's generic one. */
export function statusOfReply(reply: string): string {
  const enhanced = /^\d{3}[ -]([245]\.\d{1,3}\.\d{1,3})\b/.exec(reply)?.[1];
  if (enhanced) return enhanced;
  return reply.startsWith('4') ? '4.0.0' : '5.0.0';
}

/** The original's header block (up to the empty line), CRLF, cut at a line within the limit. */
export function headerBlock(raw: Uint8Array): string {
  const text = Buffer.from(raw.subarray(0, maxReturnedHeaderBytes + 4)).toString('latin1');
  const end = text.search(/\r?\n\r?\n/);
  let block = end >= 0 ? text.slice(0, end) : text;
  if (block.length > maxReturnedHeaderBytes) {
    block = block.slice(0, maxReturnedHeaderBytes);
    block = block.slice(0, Math.max(0, block.lastIndexOf('\n')));
  }
  return block.replace(/\r?\n/g, CRLF) + CRLF;
}

/** Removes CR/LF so that a remote reply cannot inject header fields into the report. */
export const oneLine = (value: string) => value.replace(/[\r\n]+/g, ' ').trim();

/** RFC 5322 §3.3 date-time in UTC. */
export function rfc5322Date(date: Date): string {
  // toUTCString is "Sun, 29 Nov 2026 03:11:03 GMT"; RFC 5322 §3.3 wants a numeric zone.
  return date.toUTCString().replace(/GMT$/, '+0000');
}

/**
 * A delivery status notification (RFC 3464): `multipart/report; report-type=delivery-status`
 * (RFC 6522) with a human-readable part, the `message/delivery-status` part (per-message fields,
 * then one block of per-recipient fields each, Action: failed) and the original's headers as
 * `text/rfc822-headers`. CRLF line endings. It is meant to be sent with a null MAIL FROM `<>`
 * (RFC 5321 §4.5.5), and carries Auto-Submitted (RFC 3834 §5) so no one answers it.
 */
export function deliveryStatusReport(input: DeliveryStatusInput): Uint8Array {
  for (const r of input.recipients) {
    if (!statusPattern.test(r.status)) throw new Error(`Invalid RFC 3463 status: ${r.status}`);
  }
  const boundary = `=_colibri-dsn-${randomBytes(12).toString('hex')}`;
  const date = input.date ?? new Date();
  const mta = oneLine(input.reportingMta);
  const lines = input.recipients.map((r) => `<${oneLine(r.recipient)}>: ${oneLine(r.diagnostic)}`);
  const human = [
    `This is the mail system at host ${mta}.`,
    '',
    'Your message could not be delivered to one or more recipients.',
    'It has been returned with the reasons below; the headers of your message are attached.',
    '',
    ...lines,
  ];
  const perMessage = [`Reporting-MTA: dns; ${mta}`, `Arrival-Date: ${rfc5322Date(input.arrivalDate)}`];
  const perRecipient = input.recipients.map((r) =>
    [
      `Final-Recipient: rfc822; ${oneLine(r.recipient)}`,
      'Action: failed',
      `Status: ${r.status}`,
      ...(r.remoteMta ? [`Remote-MTA: dns; ${oneLine(r.remoteMta)}`] : []),
      `Diagnostic-Code: smtp; ${oneLine(r.diagnostic)}`,
    ].join(CRLF),
  );
  const text = [
    `From: Mail Delivery System <${oneLine(input.from)}>`,
    `To: <${oneLine(input.to)}>`,
    'Subject: Undelivered Mail Returned to Sender',
    `Date: ${rfc5322Date(date)}`,
    `Message-ID: <${randomBytes(12).toString('hex')}@${mta}>`,
    'Auto-Submitted: auto-replied',
    'MIME-Version: 1.0',
    `Content-Type: multipart/report; report-type=delivery-status; boundary="${boundary}"`,
    '',
    'This is a MIME-encapsulated delivery status notification.',
    `--${boundary}`,
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    ...human,
    '',
    `--${boundary}`,
    'Content-Type: message/delivery-status',
    '',
    // RFC 3464 §2.1: the per-message block, then each per-recipient block, blank-line separated.
    [perMessage.join(CRLF), ...perRecipient].join(CRLF + CRLF),
    '',
    `--${boundary}`,
    'Content-Type: text/rfc822-headers',
    '',
  ].join(CRLF);
  const tail = `${CRLF}--${boundary}--${CRLF}`;
  return Buffer.concat([
    Buffer.from(text + CRLF, 'utf8'),
    Buffer.from(headerBlock(input.original), 'latin1'),
    Buffer.from(tail, 'utf8'),
  ]);
}
