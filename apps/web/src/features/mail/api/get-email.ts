import { queryOptions, useQuery } from '@tanstack/react-query';
import type { JmapClient } from '@colibri/jmap-client';
import type { Email, Id } from '@colibri/jmap-types';
import { useJmapClient } from '../../../lib/jmap';
import { mailKeys } from './keys';

export const EMAIL_DETAIL_PROPERTIES = [
  'id',
  'blobId',
  'threadId',
  'mailboxIds',
  'keywords',
  'sender',
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

/**
 * RFC 8621 §4.1.3 header forms the reader shows: every Authentication-Results (the server
 * prepends its own, so the first is the one to trust), and the list's unsubscribe URLs (RFC 2369,
 * RFC 8058).
 */
export const AUTHENTICATION_RESULTS = 'header:Authentication-Results:asText:all';
export const LIST_UNSUBSCRIBE = 'header:List-Unsubscribe:asURLs';
export const LIST_UNSUBSCRIBE_POST = 'header:List-Unsubscribe-Post:asText';
const DETAIL_HEADER_PROPERTIES = [AUTHENTICATION_RESULTS, LIST_UNSUBSCRIBE, LIST_UNSUBSCRIBE_POST];

export type EmailDetail = Pick<Email, (typeof EMAIL_DETAIL_PROPERTIES)[number]> & {
  [AUTHENTICATION_RESULTS]?: string[];
  [LIST_UNSUBSCRIBE]?: string[] | null;
  [LIST_UNSUBSCRIBE_POST]?: string | null;
};

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

/** RFC 8621 §4.2: Email/get arguments for one email with its text and HTML body values. */
export function getEmailArguments(accountId: Id, emailId: Id) {
  return {
    accountId,
    ids: [emailId],
    properties: [...EMAIL_DETAIL_PROPERTIES, ...DETAIL_HEADER_PROPERTIES],
    bodyProperties: BODY_PART_PROPERTIES,
    fetchTextBodyValues: true,
    fetchHTMLBodyValues: true,
    maxBodyValueBytes: MAX_BODY_VALUE_BYTES,
  };
}

/** RFC 8621 §4.2: one email with its text and HTML body values; null when it no longer exists. */
export async function getEmail(client: JmapClient, accountId: Id, emailId: Id): Promise<EmailDetail | null> {
  const result = await client.call('Email/get', getEmailArguments(accountId, emailId));
  return (result.list[0] as EmailDetail | undefined) ?? null;
}

/** RFC 8621 §4.1: all an email's properties are immutable but these (and its id, thread). */
export const EMAIL_MUTABLE_PROPERTIES = ['id', 'threadId', 'keywords', 'mailboxIds'] as const;

/**
 * A cached email brought up to date: only its keywords and mailboxes are asked for, never its
 * body values again (up to a megabyte each). Null when it no longer exists.
 */
export async function refreshEmail(
  client: JmapClient,
  accountId: Id,
  cached: EmailDetail,
): Promise<EmailDetail | null> {
  const result = await client.call('Email/get', {
    accountId,
    ids: [cached.id],
    properties: [...EMAIL_MUTABLE_PROPERTIES],
  });
  const fresh = result.list[0];
  return fresh ? withMutable(cached, fresh) : null;
}

/** A cached email with what may have changed of it, as the server gives it now. */
export function withMutable(
  cached: EmailDetail,
  fresh: Partial<Pick<Email, 'keywords' | 'mailboxIds'>>,
): EmailDetail {
  return {
    ...cached,
    keywords: fresh.keywords ?? cached.keywords,
    mailboxIds: fresh.mailboxIds ?? cached.mailboxIds,
  };
}

export function emailQueryOptions(client: JmapClient, accountId: Id, emailId: Id) {
  // An email's content never changes (RFC 8621 §4.1); only keywords and mailboxes do: a refetch
  // (after an action, or a push) of an email held in full asks for those only.
  return queryOptions({
    queryKey: mailKeys.email(accountId, emailId),
    queryFn: ({ client: queryClient, queryKey }) => {
      const cached = queryClient.getQueryData<EmailDetail | null>(queryKey);
      return cached ? refreshEmail(client, accountId, cached) : getEmail(client, accountId, emailId);
    },
    staleTime: 5 * 60_000,
  });
}

export function useEmail(accountId: Id, emailId: Id) {
  const client = useJmapClient();
  return useQuery(emailQueryOptions(client, accountId, emailId));
}
