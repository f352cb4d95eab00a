import { queryOptions, useQuery } from '@tanstack/react-query';
import type { JmapClient } from '@colibri/jmap-client';
import type { Email, Id } from '@colibri/jmap-types';
import { useJmapClient } from '../../../lib/jmap';
import { mailKeys } from './keys';

export const EMAIL_DETAIL_PROPERTIES = [
  'id',
  'threadId',
  'mailboxIds',
  'keywords',
  'from',
  'to',
  'cc',
  'replyTo',
  'subject',
  'sentAt',
  'receivedAt',
  'hasAttachment',
  'htmlBody',
  'textBody',
  'attachments',
  'bodyValues',
] as const;
export type EmailDetail = Pick<Email, (typeof EMAIL_DETAIL_PROPERTIES)[number]>;

/** RFC 8621 §4.1.4: the body part properties the reader uses. */
export const BODY_PART_PROPERTIES = [
  'partId',
  'blobId',
  'size',
  'name',
  'type',
  'charset',
  'disposition',
  'cid',
];

/** Bodies larger than this are truncated by the server (isTruncated) rather than sent whole. */
const MAX_BODY_VALUE_BYTES = 1_000_000;

/** RFC 8621 §4.2: one email with its text and HTML body values; null when it no longer exists. */
export async function getEmail(client: JmapClient, accountId: Id, emailId: Id): Promise<EmailDetail | null> {
  const result = await client.call('Email/get', {
    accountId,
    ids: [emailId],
    properties: [...EMAIL_DETAIL_PROPERTIES],
    bodyProperties: BODY_PART_PROPERTIES,
    fetchTextBodyValues: true,
    fetchHTMLBodyValues: true,
    maxBodyValueBytes: MAX_BODY_VALUE_BYTES,
  });
  return (result.list[0] as EmailDetail | undefined) ?? null;
}

export function emailQueryOptions(client: JmapClient, accountId: Id, emailId: Id) {
  // An email's content never changes (RFC 8621 §4.1); only keywords and mailboxes do.
  return queryOptions({
    queryKey: mailKeys.email(accountId, emailId),
    queryFn: () => getEmail(client, accountId, emailId),
    staleTime: 5 * 60_000,
  });
}

export function useEmail(accountId: Id, emailId: Id) {
  const client = useJmapClient();
  return useQuery(emailQueryOptions(client, accountId, emailId));
}
