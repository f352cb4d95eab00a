import { queryOptions, useQuery } from '@tanstack/react-query';
import type { JmapClient } from '@colibri/jmap-client';
import { Capability } from '@colibri/jmap-types';
import type { Id } from '@colibri/jmap-types';
import { useJmapClient } from '../../../lib/jmap';
import type { SearchMailbox } from '../lib/parse-search-query';
import { searchKeys } from './keys';

/** RFC 8621 §2.1: every mailbox, with what `in:` resolution and the results' folder names need. */
export async function getSearchMailboxes(client: JmapClient, accountId: Id): Promise<SearchMailbox[]> {
  const result = await client.call('Mailbox/get', {
    accountId,
    ids: null,
    properties: ['id', 'name', 'role', 'parentId'],
  });
  return result.list.map((m) => ({
    id: m.id!,
    name: m.name ?? '',
    role: m.role ?? null,
    parentId: m.parentId ?? null,
  }));
}

export function searchMailboxesQueryOptions(client: JmapClient, accountId: Id) {
  return queryOptions({
    queryKey: searchKeys.mailboxes(accountId),
    queryFn: () => getSearchMailboxes(client, accountId),
  });
}

/** The account to search (RFC 8621 §1.3 primary mail account) and its mailboxes. */
export function useSearchContext() {
  const client = useJmapClient();
  const session = useQuery({
    queryKey: searchKeys.session(),
    queryFn: () => client.getSession(),
    staleTime: Infinity,
  });
  const accountId = session.data?.primaryAccounts[Capability.Mail];
  const mailboxes = useQuery({
    ...searchMailboxesQueryOptions(client, accountId ?? ''),
    enabled: accountId !== undefined,
  });
  return {
    accountId,
    mailboxes: mailboxes.data,
    isPending: session.isPending || (accountId !== undefined && mailboxes.isPending),
    error: session.error ?? mailboxes.error,
  };
}
