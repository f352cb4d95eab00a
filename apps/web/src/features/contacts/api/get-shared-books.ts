import { useQueries } from '@tanstack/react-query';
import { Capability } from '@colibri/jmap-types';
import type { AddressBook, Id, Session } from '@colibri/jmap-types';
import { useJmapClient } from '../../../lib/jmap';
import { addressBooksQueryOptions } from './get-address-books';

/** Explicit limit on the accounts shared with the user whose books are listed. */
export const MAX_SHARED_ACCOUNTS = 50;

export interface SharedBooks {
  accountId: Id;
  /** The account's name (RFC 8620 §2): its owner, e.g. their address. */
  owner: string;
  books: AddressBook[];
}

/** The other accounts of the session with JMAP Contacts (RFC 9610 §1.4.1, shared by RFC 9670). */
export function sharedContactsAccounts(session: Session, primaryId: Id): { accountId: Id; owner: string }[] {
  return Object.entries(session.accounts)
    .filter(([id, account]) => id !== primaryId && Capability.Contacts in (account.accountCapabilities ?? {}))
    .slice(0, MAX_SHARED_ACCOUNTS)
    .map(([accountId, account]) => ({ accountId, owner: account.name }));
}

/** The address books of every account shared with the user, with their owner (AddressBook/get each). */
export function useSharedBooks(session: Session, primaryId: Id, locale?: string): SharedBooks[] {
  const client = useJmapClient();
  const accounts = sharedContactsAccounts(session, primaryId);
  const results = useQueries({
    queries: accounts.map(({ accountId }) => addressBooksQueryOptions(client, accountId, locale)),
  });
  return accounts.flatMap((account, i) => {
    const books = results[i]?.data ?? [];
    return books.length > 0 ? [{ ...account, books }] : [];
  });
}
