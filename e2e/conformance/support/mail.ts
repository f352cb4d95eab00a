import type { Id } from '@colibri/jmap-types';
import type { JmapAccount } from './jmap-raw.js';

export interface MessageParts {
  from?: string;
  to?: string;
  subject?: string;
  text?: string;
  messageId?: string;
  inReplyTo?: string;
  /** RFC 5322 date-time; a fixed one keeps sentAt checks exact. */
  date?: string;
  /** Extra header lines, written as given. */
  headers?: string[];
}

/** A small RFC 5322 message, CRLF line ends, plain text. */
export function rfc822(parts: MessageParts = {}): string {
  const lines = [
    `From: ${parts.from ?? 'Sender <sender@example.org>'}`,
    `To: ${parts.to ?? 'Rcpt <rcpt@example.org>'}`,
    `Subject: ${parts.subject ?? 'Hello'}`,
    `Date: ${parts.date ?? 'Mon, 02 Mar 2026 10:00:00 +0000'}`,
    `Message-ID: ${parts.messageId ?? `<${Math.random().toString(36).slice(2)}@example.org>`}`,
    ...(parts.inReplyTo ? [`In-Reply-To: ${parts.inReplyTo}`, `References: ${parts.inReplyTo}`] : []),
    ...(parts.headers ?? []),
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    parts.text ?? 'Hello there.',
    '',
  ];
  return lines.join('\r\n');
}

/** The account's mailboxes by role (`inbox`, `drafts`, `sent`, …). */
export async function mailboxesByRole(account: JmapAccount): Promise<Record<string, Id>> {
  const { list } = await account.ok<{ list: { id: Id; role: string | null }[] }>('Mailbox/get', {
    accountId: account.accountId,
    ids: null,
    properties: ['role'],
  });
  const byRole: Record<string, Id> = {};
  for (const mailbox of list) if (mailbox.role) byRole[mailbox.role] = mailbox.id;
  return byRole;
}

export interface Imported {
  id: Id;
  blobId: Id;
  threadId: Id;
  size: number;
}

/** Uploads a message and imports it with Email/import (RFC 8621 §4.8). */
export async function importMessage(
  account: JmapAccount,
  raw: string,
  mailboxIds: Id[],
  extra: { keywords?: Record<string, true>; receivedAt?: string } = {},
): Promise<Imported> {
  const { blobId } = await account.upload(raw, 'message/rfc822');
  const result = await account.ok<{ created?: Record<string, Imported>; notCreated?: unknown }>(
    'Email/import',
    {
      accountId: account.accountId,
      emails: {
        m: {
          blobId,
          mailboxIds: Object.fromEntries(mailboxIds.map((id) => [id, true])),
          keywords: extra.keywords ?? {},
          ...(extra.receivedAt ? { receivedAt: extra.receivedAt } : {}),
        },
      },
    },
  );
  const created = result.created?.m;
  if (!created) throw new Error(`Email/import failed: ${JSON.stringify(result.notCreated)}`);
  return created;
}

/** The state of a type, read with `/get` and no ids (RFC 8620 §5.1). */
export async function stateOf(account: JmapAccount, type: string): Promise<string> {
  const { state } = await account.ok<{ state: string }>(`${type}/get`, {
    accountId: account.accountId,
    ids: [],
  });
  return state;
}

/**
 * A multipart/mixed message: multipart/alternative (text/plain + text/html) and a PDF attachment,
 * with headers in every RFC 8621 §4.1.2 parsed form.
 */
export function richMessage(marker = 'rich'): string {
  const pdf = Buffer.from('%PDF-1.4 not really a pdf').toString('base64');
  return [
    'From: "Ann Example" <ann@example.org>',
    'Sender: bot@example.org',
    'To: Bob <bob@example.org>, carol@example.org',
    'Cc: Team: dan@example.org, eve@example.org;',
    'Bcc: hidden@example.org',
    'Reply-To: replies@example.org',
    `Subject: =?UTF-8?Q?Caf=C3=A9_${marker}?=`,
    'Date: Tue, 03 Mar 2026 09:30:00 +0100',
    `Message-ID: <${marker}@example.org>`,
    'In-Reply-To: <parent@example.org>',
    'References: <root@example.org> <parent@example.org>',
    'List-Post: <mailto:list@example.org>, <https://example.org/post>',
    'X-Custom:  first value',
    'X-Custom: second value',
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="outer"',
    '',
    '--outer',
    'Content-Type: multipart/alternative; boundary="inner"',
    '',
    '--inner',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: quoted-printable',
    '',
    `Hello Bob, this is the plain ${marker} body. Caf=C3=A9.`,
    '--inner',
    'Content-Type: text/html; charset=utf-8',
    '',
    `<html><body><p>Hello Bob, this is the <b>html</b> ${marker} body.</p></body></html>`,
    '--inner--',
    '--outer',
    'Content-Type: application/pdf; name="report.pdf"',
    'Content-Disposition: attachment; filename="report.pdf"',
    'Content-Transfer-Encoding: base64',
    '',
    pdf,
    '--outer--',
    '',
  ].join('\r\n');
}
