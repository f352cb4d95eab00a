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
