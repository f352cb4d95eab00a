import type { AccountId, StoreId } from './model.js';

/**
 * Address books and contact cards as the store keeps them. The store does not read a card: it
 * keeps the card's JSON as the caller gave it, with the index columns the caller derived from it
 * (a protocol layer such as JMAP Contacts or CardDAV owns the card format).
 */
export type AddressBookId = StoreId<'AddressBook'>;
export type ContactCardId = StoreId<'ContactCard'>;

export interface AddressBookRecord {
  id: AddressBookId;
  accountId: AccountId;
  name: string;
  description: string | null;
  sortOrder: number;
  /** Exactly one book of an account is its default (made on first need). */
  isDefault: boolean;
  isSubscribed: boolean;
}

export interface AddressBookInput {
  name: string;
  description?: string | null;
  sortOrder?: number;
  isSubscribed?: boolean;
}

export type AddressBookPatch = Partial<AddressBookInput>;

/** What a caller derives from a card for the store's queries; the store never parses `json`. */
export interface ContactCardIndex {
  uid: string;
  /** The card's kind (e.g. "individual", "group"). */
  kind: string;
  /** A normalised name for sorting (e.g. "surname given"). */
  sortName: string;
  /** Email addresses, matched case-insensitively by prefix for autocomplete. */
  emails: readonly string[];
  /** Phone numbers, as written. */
  phones: readonly string[];
  /** Every searchable word of the card (names, organisations, notes...), for full-text search. */
  text: string;
}

export interface ContactCardInput {
  /** At least one of the account's books. */
  addressBookIds: readonly AddressBookId[];
  /** The card, serialised; at most `contactLimits.maxCardJsonBytes` UTF-8 octets. */
  json: string;
  index: ContactCardIndex;
}

export interface ContactCardRecord {
  id: ContactCardId;
  accountId: AccountId;
  addressBookIds: AddressBookId[];
  uid: string;
  kind: string;
  json: string;
  createdAt: Date;
  updatedAt: Date;
  /** When the user last wrote to or invited this contact (autocomplete ranking), or null. */
  lastUsedAt: Date | null;
}

/** Autocomplete: cards whose words or email addresses start with `prefix`. */
export interface ContactSearch {
  prefix: string;
  addressBookId?: AddressBookId;
  limit: number;
}
