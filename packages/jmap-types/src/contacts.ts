import type {
  ChangesArgs,
  ChangesResult,
  GetArgs,
  GetResult,
  Id,
  QueryArgs,
  QueryChangesArgs,
  QueryChangesResult,
  QueryResult,
  SetArgs,
  SetError,
  SetResult,
} from './core.js';

/** RFC 9610 §1.4.1: the account capability `urn:ietf:params:jmap:contacts`. */
export interface ContactsAccountCapability {
  /** Most address books one card may be in, or null for no limit. */
  maxAddressBooksPerCard: number | null;
  mayCreateAddressBook: boolean;
}

/** RFC 9610 §2: what the user may do with an address book. */
export interface AddressBookRights {
  mayRead: boolean;
  mayWrite: boolean;
  mayShare: boolean;
  mayDelete: boolean;
}

/** RFC 9610 §2: an AddressBook. */
export interface AddressBook {
  id: Id;
  name: string;
  description: string | null;
  sortOrder: number;
  isDefault: boolean;
  isSubscribed: boolean;
  /** RFC 9610 §2: principal id -> rights, or null when not shared. */
  shareWith: Record<Id, AddressBookRights> | null;
  myRights: AddressBookRights;
  /**
   * Colibri: only on the book of recently used addresses, whether recipients without a card are
   * collected into it (settable with AddressBook/set).
   */
  'colibri:collectRecent'?: boolean;
}
export type AddressBookProperty = keyof AddressBook;

/** RFC 9610 §2.3: AddressBook/set's extra arguments. */
export interface AddressBookSetExtraArgs {
  onDestroyRemoveContents?: boolean;
  onSuccessSetIsDefault?: Id | null;
}

/** RFC 9553 §1.4.4: the contexts a property applies in. */
export type Contexts = Record<string, boolean>;

/** RFC 9553 §2.2.1.2: a component of a name. */
export interface NameComponent {
  '@type'?: 'NameComponent';
  value: string;
  /** title, given, given2, surname, surname2, credential, generation, separator (or vendor). */
  kind: string;
  phonetic?: string;
}

/** RFC 9553 §2.2.1: the name of the entity. */
export interface Name {
  '@type'?: 'Name';
  components?: NameComponent[];
  isOrdered?: boolean;
  defaultSeparator?: string;
  full?: string;
  sortAs?: Record<string, string>;
  phoneticScript?: string;
  phoneticSystem?: string;
}

/** RFC 9553 §2.3.1 */
export interface EmailAddress {
  '@type'?: 'EmailAddress';
  address: string;
  contexts?: Contexts;
  pref?: number;
  label?: string;
}

/** RFC 9553 §2.3.3 */
export interface Phone {
  '@type'?: 'Phone';
  number: string;
  features?: Record<string, boolean>;
  contexts?: Contexts;
  pref?: number;
  label?: string;
}

/** RFC 9553 §2.3.2 */
export interface OnlineService {
  '@type'?: 'OnlineService';
  service?: string;
  uri?: string;
  user?: string;
  contexts?: Contexts;
  pref?: number;
  label?: string;
}

/** RFC 9553 §2.5.1.1 */
export interface AddressComponent {
  '@type'?: 'AddressComponent';
  value: string;
  kind: string;
  phonetic?: string;
}

/** RFC 9553 §2.5.1 */
export interface Address {
  '@type'?: 'Address';
  components?: AddressComponent[];
  isOrdered?: boolean;
  countryCode?: string;
  coordinates?: string;
  timeZone?: string;
  contexts?: Contexts;
  full?: string;
  defaultSeparator?: string;
  pref?: number;
  phoneticScript?: string;
  phoneticSystem?: string;
}

/** RFC 9553 §2.2.2 */
export interface Nickname {
  '@type'?: 'Nickname';
  name: string;
  contexts?: Contexts;
  pref?: number;
}

/** RFC 9553 §2.2.3 */
export interface Organization {
  '@type'?: 'Organization';
  name?: string;
  units?: { '@type'?: 'OrgUnit'; name: string; sortAs?: string }[];
  sortAs?: string;
  contexts?: Contexts;
}

/** RFC 9553 §2.2.5 */
export interface Title {
  '@type'?: 'Title';
  name: string;
  kind?: 'title' | 'role';
  organizationId?: Id;
}

/** RFC 9553 §2.8.3 */
export interface Note {
  '@type'?: 'Note';
  note: string;
  created?: string;
  author?: { '@type'?: 'Author'; name?: string; uri?: string };
}

/**
 * RFC 9553 §2: a JSContact Card. The properties Colibri checks are typed; every other property of
 * RFC 9553 (or a vendor's) is kept as the client sent it.
 */
export interface Card {
  '@type': 'Card';
  version: string;
  uid: string;
  created?: string;
  updated?: string;
  /** individual, group, org, location, device, application (or vendor). */
  kind?: string;
  language?: string;
  /** RFC 9553 §2.1.6: the uids of a group's members. */
  members?: Record<string, boolean>;
  prodId?: string;
  relatedTo?: Record<string, unknown>;
  name?: Name;
  nicknames?: Record<Id, Nickname>;
  organizations?: Record<Id, Organization>;
  titles?: Record<Id, Title>;
  emails?: Record<Id, EmailAddress>;
  onlineServices?: Record<Id, OnlineService>;
  phones?: Record<Id, Phone>;
  addresses?: Record<Id, Address>;
  notes?: Record<Id, Note>;
  keywords?: Record<string, boolean>;
  [property: string]: unknown;
}

/** RFC 9610 §3: a ContactCard is a Card with an id and the address books it is in. */
export interface ContactCard extends Card {
  id: Id;
  addressBookIds: Record<Id, boolean>;
}
export type ContactCardProperty = keyof ContactCard & string;

/** RFC 9610 §3.3: ContactCard/query filter. */
export interface ContactCardFilterCondition {
  inAddressBook?: Id;
  uid?: string;
  hasMember?: string;
  kind?: string;
  createdBefore?: string;
  createdAfter?: string;
  updatedBefore?: string;
  updatedAfter?: string;
  text?: string;
  name?: string;
  'name/given'?: string;
  'name/surname'?: string;
  'name/surname2'?: string;
  nickname?: string;
  organization?: string;
  email?: string;
  phone?: string;
  onlineService?: string;
  address?: string;
  note?: string;
  /**
   * Colibri: autocomplete, cards with a word of a name or an email address starting with this
   * (every word of it), best ranked by the `recentlyUsed` sort.
   */
  prefix?: string;
}

/** RFC 9610 §3.4 sorts, and Colibri's `recentlyUsed` (most recently written to first). */
export type ContactCardSortProperty =
  'created' | 'updated' | 'name/given' | 'name/surname' | 'name/surname2' | 'recentlyUsed';

/** RFC 9610: the AddressBook and ContactCard methods. */
export interface ContactsMethods {
  'AddressBook/get': { args: GetArgs<AddressBookProperty>; result: GetResult<Partial<AddressBook>> };
  'AddressBook/changes': { args: ChangesArgs; result: ChangesResult };
  'AddressBook/set': {
    args: SetArgs<AddressBook> & AddressBookSetExtraArgs;
    result: SetResult<AddressBook>;
  };
  'ContactCard/get': { args: GetArgs<ContactCardProperty>; result: GetResult<Partial<ContactCard>> };
  'ContactCard/changes': { args: ChangesArgs; result: ChangesResult };
  'ContactCard/set': { args: SetArgs<ContactCard>; result: SetResult<ContactCard> };
  'ContactCard/query': {
    args: QueryArgs<ContactCardFilterCondition, ContactCardSortProperty>;
    result: QueryResult;
  };
  'ContactCard/queryChanges': {
    args: QueryChangesArgs<ContactCardFilterCondition, ContactCardSortProperty>;
    result: QueryChangesResult;
  };
  /** RFC 9610 §3.5, RFC 8620 §5.4 */
  'ContactCard/copy': {
    args: {
      fromAccountId: Id;
      ifFromInState?: string | null;
      accountId: Id;
      ifInState?: string | null;
      create: Record<Id, Partial<ContactCard> & { id: Id }>;
      onSuccessDestroyOriginal?: boolean;
      destroyFromIfInState?: string | null;
    };
    result: {
      fromAccountId: Id;
      accountId: Id;
      oldState: string | null;
      newState: string;
      created: Record<Id, Partial<ContactCard>> | null;
      notCreated: Record<Id, SetError> | null;
    };
  };
}
