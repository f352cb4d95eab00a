import type { AddressBook, AddressBookProperty, AddressBookRights } from '@colibri/jmap-types';
import type { AddressBookRecord } from '@colibri/mail-store';

export const ADDRESS_BOOK_PROPERTIES: readonly AddressBookProperty[] = [
  'id',
  'name',
  'description',
  'sortOrder',
  'isDefault',
  'isSubscribed',
  'shareWith',
  'myRights',
  'colibri:collectRecent',
];

/** The owner's rights: every one. */
const OWNER_RIGHTS: AddressBookRights = { mayRead: true, mayWrite: true, mayShare: true, mayDelete: true };

/**
 * RFC 9610 §2: the wire AddressBook as the principal sees it: `myRights` are theirs, and
 * `shareWith` (RFC 9670 §4) is shown to those who may change it (mayShare), else null.
 */
export function addressBookToWire(
  book: AddressBookRecord,
  view?: { rights: AddressBookRights; shareWith: Record<string, AddressBookRights> | undefined },
): AddressBook {
  const rights = view?.rights ?? OWNER_RIGHTS;
  return {
    id: book.id,
    name: book.name,
    description: book.description,
    sortOrder: book.sortOrder,
    isDefault: book.isDefault,
    isSubscribed: book.isSubscribed,
    shareWith: rights.mayShare ? (view?.shareWith ?? null) : null,
    myRights: { ...rights },
  };
}
