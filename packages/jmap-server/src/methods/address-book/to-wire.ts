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

/** The owner's rights: address books are not shared yet, so only the owner reaches them. */
const OWNER_RIGHTS: AddressBookRights = { mayRead: true, mayWrite: true, mayShare: false, mayDelete: true };

/** RFC 9610 §2: the wire AddressBook; `shareWith` is null (not shared). */
export function addressBookToWire(book: AddressBookRecord): AddressBook {
  return {
    id: book.id,
    name: book.name,
    description: book.description,
    sortOrder: book.sortOrder,
    isDefault: book.isDefault,
    isSubscribed: book.isSubscribed,
    shareWith: null,
    myRights: { ...OWNER_RIGHTS },
  };
}
