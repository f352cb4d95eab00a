import type { JmapClient } from '@colibri/jmap-client';
import type { Email, Id } from '@colibri/jmap-types';
import { composeKeys } from './keys';

const MESSAGE_PROPERTIES = [
  'id',
  'messageId',
  'inReplyTo',
  'references',
  'from',
  'to',
  'cc',
  'bcc',
  'replyTo',
  'subject',
  'sentAt',
  'receivedAt',
  'textBody',
  'htmlBody',
  'attachments',
  'bodyValues',
] as const;

/** An email as composing reads it: to answer or forward it, or to reopen it as a draft. */
export type ComposeSourceEmail = Pick<Email, (typeof MESSAGE_PROPERTIES)[number]>;

/** Longer bodies are cut by the server (isTruncated): quoting megabytes helps nobody. */
const MAX_BODY_VALUE_BYTES = 1_000_000;

/** RFC 8621 §4.2: one email with its headers and body values; null when it does not exist. */
export async function getComposeMessage(
  client: JmapClient,
  accountId: Id,
  emailId: Id,
): Promise<ComposeSourceEmail | null> {
  const { list } = await client.call('Email/get', {
    accountId,
    ids: [emailId],
    properties: [...MESSAGE_PROPERTIES],
    bodyProperties: ['partId', 'blobId', 'size', 'name', 'type', 'disposition', 'cid'],
    fetchTextBodyValues: true,
    fetchHTMLBodyValues: true,
    maxBodyValueBytes: MAX_BODY_VALUE_BYTES,
  });
  return (list[0] as ComposeSourceEmail | undefined) ?? null;
}

export function composeMessageQueryOptions(client: JmapClient, accountId: Id, emailId: Id) {
  return {
    queryKey: composeKeys.message(accountId, emailId),
    queryFn: () => getComposeMessage(client, accountId, emailId),
    // An email's content never changes (RFC 8621 §4.1).
    staleTime: Infinity,
  };
}

/** The text of a body part list (textBody or htmlBody), parts joined; null when there is none. */
export function bodyText(email: ComposeSourceEmail, parts: Email['textBody']): string | null {
  const values = parts.flatMap((part) => (part.partId ? (email.bodyValues[part.partId]?.value ?? []) : []));
  return values.length > 0 ? values.join('\n') : null;
}

/** The HTML body when the message has one (htmlBody may list text/plain parts: RFC 8621 §4.1.4). */
export function htmlBodyOf(email: ComposeSourceEmail): string | null {
  if (!email.htmlBody.some((part) => part.type === 'text/html')) return null;
  return bodyText(email, email.htmlBody);
}
