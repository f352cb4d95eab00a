import { queryOptions, useQuery } from '@tanstack/react-query';
import { ref } from '@colibri/jmap-client';
import type { JmapClient } from '@colibri/jmap-client';
import type { EmailAddress, Id } from '@colibri/jmap-types';
import { useJmapClient } from '../../../lib/jmap';
import { composeKeys } from './keys';

/** How many recent sent messages the suggestions are drawn from. */
export const RECENT_MESSAGES = 200;

/** The addresses of sent messages, most often used first, then most recent; each address once. */
export function rankAddresses(
  messages: { to?: EmailAddress[] | null; cc?: EmailAddress[] | null; bcc?: EmailAddress[] | null }[],
): EmailAddress[] {
  const seen = new Map<string, { address: EmailAddress; count: number; first: number }>();
  messages.forEach((message, index) => {
    for (const address of [...(message.to ?? []), ...(message.cc ?? []), ...(message.bcc ?? [])]) {
      const key = address.email.toLowerCase();
      const entry = seen.get(key);
      if (entry) {
        entry.count += 1;
        if (!entry.address.name && address.name) entry.address = address;
      } else seen.set(key, { address, count: 1, first: index });
    }
  });
  return [...seen.values()]
    .sort((a, b) => b.count - a.count || a.first - b.first)
    .map((entry) => entry.address);
}

/** RFC 8621 §4.4: the recipients of the latest messages in Sent (contacts come later). */
export async function getRecentAddresses(
  client: JmapClient,
  accountId: Id,
  sentId: Id,
): Promise<EmailAddress[]> {
  const { emails } = await client.request((b) => {
    const query = b.call('Email/query', {
      accountId,
      filter: { inMailbox: sentId },
      sort: [{ property: 'receivedAt', isAscending: false }],
      limit: RECENT_MESSAGES,
    });
    const emails = b.call('Email/get', {
      accountId,
      ids: ref(query, '/ids'),
      properties: ['to', 'cc', 'bcc'],
    });
    return { emails };
  });
  return rankAddresses(emails.list);
}

export function recentAddressesQueryOptions(client: JmapClient, accountId: Id, sentId: Id | null) {
  return queryOptions({
    queryKey: composeKeys.recentAddresses(accountId),
    queryFn: () => (sentId ? getRecentAddresses(client, accountId, sentId) : Promise.resolve([])),
    staleTime: 5 * 60_000,
  });
}

export function useRecentAddresses(accountId: Id, sentId: Id | null) {
  const client = useJmapClient();
  return useQuery(recentAddressesQueryOptions(client, accountId, sentId));
}
