import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { InfiniteData } from '@tanstack/react-query';
import { ref } from '@colibri/jmap-client';
import type { JmapClient } from '@colibri/jmap-client';
import type { Email, Id } from '@colibri/jmap-types';
import { useJmapClient } from '../../../lib/jmap';
import { mailKeys } from './keys';

export const EMAIL_LIST_PROPERTIES = [
  'id',
  'threadId',
  'from',
  'subject',
  'preview',
  'receivedAt',
  'keywords',
  'hasAttachment',
] as const;
export type EmailListItem = Pick<Email, (typeof EMAIL_LIST_PROPERTIES)[number]>;

export const EMAIL_PAGE_SIZE = 50;

export interface EmailPage {
  items: EmailListItem[];
  /** Index of the first item in the whole query result. */
  position: number;
  total: number | null;
  queryState: string;
}
export type EmailPages = InfiniteData<EmailPage, number>;

/**
 * One page of a mailbox, newest first: Email/query (RFC 8621 §4.4) and Email/get (§4.2) of its
 * ids through a result reference (RFC 8620 §3.7), in a single request.
 */
export async function queryEmails(
  client: JmapClient,
  accountId: Id,
  mailboxId: Id,
  position: number,
): Promise<EmailPage> {
  const { query, emails } = await client.request((b) => {
    const query = b.call('Email/query', {
      accountId,
      filter: { inMailbox: mailboxId },
      sort: [{ property: 'receivedAt', isAscending: false }],
      position,
      limit: EMAIL_PAGE_SIZE,
      calculateTotal: true,
    });
    const emails = b.call('Email/get', {
      accountId,
      ids: ref(query, '/ids'),
      properties: [...EMAIL_LIST_PROPERTIES],
    });
    return { query, emails };
  });
  // Email/get does not promise the order of `ids` (RFC 8620 §5.1), the query's order is the one.
  const byId = new Map(emails.list.map((email) => [email.id, email as EmailListItem]));
  const items = query.ids.flatMap((id) => byId.get(id) ?? []);
  return { items, position: query.position, total: query.total ?? null, queryState: query.queryState };
}

export function nextPosition(last: EmailPage): number | undefined {
  const next = last.position + last.items.length;
  if (last.total !== null) return next < last.total ? next : undefined;
  return last.items.length === EMAIL_PAGE_SIZE ? next : undefined;
}

export function emailListQueryOptions(client: JmapClient, accountId: Id, mailboxId: Id) {
  return infiniteQueryOptions({
    queryKey: mailKeys.emailList(accountId, mailboxId),
    queryFn: ({ pageParam }) => queryEmails(client, accountId, mailboxId, pageParam),
    initialPageParam: 0,
    getNextPageParam: nextPosition,
  });
}

export function useEmailList(accountId: Id, mailboxId: Id) {
  const client = useJmapClient();
  return useInfiniteQuery(emailListQueryOptions(client, accountId, mailboxId));
}
