import { queryOptions, useQuery } from '@tanstack/react-query';
import type { JmapClient } from '@colibri/jmap-client';
import type { AddressBook, Id } from '@colibri/jmap-types';
import { useJmapClient } from '../../../lib/jmap';
import { contactsKeys } from './keys';

/** Explicit limit: a side pane could not show more. */
export const MAX_ADDRESS_BOOKS = 500;

/** RFC 9610 §2.1 AddressBook/get (ids null): the subscribed books, by sortOrder then name. */
export async function getAddressBooks(
  client: JmapClient,
  accountId: Id,
  locale = 'en',
): Promise<AddressBook[]> {
  const { list } = await client.call('AddressBook/get', { accountId, ids: null });
  const collator = new Intl.Collator(locale);
  return (list as AddressBook[])
    .filter((book) => book.isSubscribed !== false)
    .sort((a, b) => (a.sortOrder ?? 0) - (b.sortOrder ?? 0) || collator.compare(a.name, b.name))
    .slice(0, MAX_ADDRESS_BOOKS);
}

export function addressBooksQueryOptions(client: JmapClient, accountId: Id, locale?: string) {
  return queryOptions({
    queryKey: contactsKeys.addressBooks(accountId),
    queryFn: () => getAddressBooks(client, accountId, locale),
  });
}

export function useAddressBooks(accountId: Id, locale?: string) {
  return useQuery(addressBooksQueryOptions(useJmapClient(), accountId, locale));
}
