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
  /** `recent`: the book the store fills with the addresses the user writes to (made on first need). */
  role: AddressBookRole | null;
}

export type AddressBookRole = 'recent';

/** Per-account contacts settings. */
export interface ContactSettings {
  /** Whether recipients without a card are collected into the `recent` book (on by default). */
  collectRecent: boolean;
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
  /** The card's values per text field, for case-insensitive substring filters (see ContactCondition). */
  fields?: Partial<Record<ContactTextField, readonly string[]>>;
  /** The uids of a group's members. */
  members?: readonly string[];
  /** When the card says it was created / last updated; the store's own times when absent. */
  created?: Date | null;
  updated?: Date | null;
}

/** The text fields a card is filtered by (each holds any number of values). */
export const contactTextFields = [
  'name',
  'given',
  'surname',
  'surname2',
  'nickname',
  'organization',
  'title',
  'email',
  'phone',
  'onlineService',
  'address',
  'note',
] as const;
export type ContactTextField = (typeof contactTextFields)[number];

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

/** Some value of one of `fields` contains `value`, compared after lower-casing both. */
export interface ContactContains {
  fields: readonly ContactTextField[];
  value: string;
}

/** A condition over cards: every given member must hold. */
export interface ContactCondition {
  inAddressBook?: AddressBookId;
  uid?: string;
  hasMember?: string;
  kind?: string;
  /** Compared with the card's own created/updated time, else the store's. */
  createdBefore?: Date;
  createdAfter?: Date;
  updatedBefore?: Date;
  updatedAfter?: Date;
  contains?: readonly ContactContains[];
  /** As ContactSearch.prefix: a word or an email address starts with it. */
  prefix?: string;
}

/** A condition, or an AND/OR/NOT of nested filters (NOT: none of them holds). */
export type ContactFilter =
  ContactCondition | { operator: 'AND' | 'OR' | 'NOT'; conditions: readonly ContactFilter[] };

/** A card a query found, with what sorting it needs (times are the card's own, else the store's). */
export interface ContactCardHit {
  id: ContactCardId;
  sortName: string;
  created: Date;
  updated: Date;
  lastUsedAt: Date | null;
}
