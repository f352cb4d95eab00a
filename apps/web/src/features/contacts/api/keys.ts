import type { Id } from '@colibri/jmap-types';

/** What the card list shows: an address book (or all), a group's members, a search. */
export interface CardListParams {
  addressBookId: Id | null;
  /**
   * Books left out of "All contacts" (addressBookId null): those the user cannot write, such as
   * the organisation directory, which has its own entry in the side pane.
   */
  readOnlyBookIds: readonly Id[];
  /** The uids of the selected group's members (RFC 9553 §2.1.6), or null for no group. */
  memberUids: readonly string[] | null;
  /** ContactCard/query `text` (RFC 9610 §3.3), '' for none. */
  text: string;
}

/**
 * Query keys of the contacts feature (STYLE 18): by account, then JMAP type, so that push
 * (RFC 8620 §7.1) invalidates `[feature, accountId, type]` as for mail and calendars.
 */
export const contactsKeys = {
  all: ['contacts'] as const,
  session: () => [...contactsKeys.all, 'session'] as const,
  type: (accountId: Id, type: 'AddressBook' | 'ContactCard') =>
    [...contactsKeys.all, accountId, type] as const,
  addressBooks: (accountId: Id) => [...contactsKeys.type(accountId, 'AddressBook'), 'list'] as const,
  groups: (accountId: Id) => [...contactsKeys.type(accountId, 'ContactCard'), 'groups'] as const,
  lists: (accountId: Id) => [...contactsKeys.type(accountId, 'ContactCard'), 'list'] as const,
  listPage: (accountId: Id, params: CardListParams, page: number) =>
    [...contactsKeys.lists(accountId), params, page] as const,
  /** Every card of a book (or of the writable ones, null), for the search for duplicates. */
  every: (accountId: Id, addressBookId: Id | null) =>
    [...contactsKeys.type(accountId, 'ContactCard'), 'every', addressBookId] as const,
  card: (accountId: Id, id: Id) => [...contactsKeys.type(accountId, 'ContactCard'), 'card', id] as const,
};
