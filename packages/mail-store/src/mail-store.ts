import type {
  AddressBookId,
  AddressBookInput,
  AddressBookPatch,
  AddressBookRecord,
  ContactCardId,
  ContactCardInput,
  ContactCardRecord,
  ContactCardHit,
  ContactCardIndex,
  ContactFilter,
  ContactSearch,
  ContactSettings,
} from './contacts-model.js';
import type {
  PushSubscription,
  PushSubscriptionInput,
  PushSubscriptionPatch,
} from './sqlite/push-subscriptions.js';
import type { ApiToken, ApiTokenMatch } from './sqlite/api-tokens.js';
import type { MeetingRoom, NewMeetingRoom } from './sqlite/meeting-rooms.js';
import type { BookableResource, CreateResourceInput } from './sqlite/resources.js';
import type { Readable } from 'node:stream';
import type { StoreError } from './errors.js';
import type {
  Account,
  AccountId,
  Address,
  BlobId,
  ChangeType,
  Changes,
  DeliveryAttempt,
  DkimKey,
  Domain,
  DomainId,
  DueDelivery,
  EmailId,
  EmailQuery,
  EmailQueryChanges,
  EmailFilter,
  SearchSnippetRecord,
  EmailQueryChangesInput,
  EmailQueryResult,
  EmailRecord,
  EmailSummary,
  EmailSubmission,
  EmailSubmissionId,
  Identity,
  IdentityId,
  SieveScriptId,
  SieveScriptRecord,
  Mailbox,
  MailboxCounts,
  MailboxId,
  MailboxRole,
  MailboxAccess,
  MailboxShare,
  CollectionShare,
  SharedCollectionKind,
  ShareNotification,
  ShareNotificationId,
  State,
  StateChange,
  ThreadId,
  Alias,
  SnoozedEmail,
  VacationResponse,
  Calendar,
  CalendarAvailability,
  CalendarEventId,
  CalendarEventNotification,
  CalendarEventNotificationId,
  CalendarEventNotificationInput,
  CalendarEventRange,
  CalendarEventRecord,
  CalendarId,
} from './model.js';
import type { BuiltMessage, OutgoingMessage } from './compose/outgoing-message.js';
import type { BlobUsers } from './sqlite/blob-lookup.js';
import type { ParseBlobResult } from './sqlite/parse-blob.js';

export interface CreateAccountInput {
  email: string;
  displayName: string;
  /** A password hash made by the caller (the store never sees a password). */
  passwordHash: string;
}

export interface CreateMailboxInput {
  name: string;
  parentId?: MailboxId | null;
  role?: MailboxRole | null;
  sortOrder?: number;
  /** Defaults to true. */
  isSubscribed?: boolean;
}

/** The mailbox fields to change; absent ones are kept (`parentId: null` moves it to the top). */
export type UpdateMailboxInput = Partial<CreateMailboxInput>;

/** What destroying a mailbox did to the emails it held (`removeEmails`). */
export interface DestroyMailboxResult {
  /** Emails that were only in the mailbox, destroyed with it. */
  destroyedEmails: EmailId[];
  /** Emails also in other mailboxes: they only left it. */
  updatedEmails: EmailId[];
}

export interface ImportMessageInput {
  /** The raw RFC 5322 message; stored as an immutable blob and parsed once. */
  raw: Uint8Array;
  mailboxIds: MailboxId[];
  keywords?: string[];
  receivedAt?: Date;
}

/** One message of a batch import (`importMessages`). */
export interface BatchImportInput extends ImportMessageInput {
  /**
   * The caller's idempotency key for this message (e.g. source file + offset + hash). A message
   * whose key the account already imported is skipped, never stored twice; the key is recorded in
   * the same transaction as the email, so a re-run after a crash resumes exactly.
   */
  importKey?: string;
}

/** What became of one message of a batch import, in input order. */
export type BatchImportResult =
  | { status: 'imported'; emailId: EmailId }
  | { status: 'skipped'; emailId: EmailId }
  | { status: 'failed'; error: StoreError };

/** Per-account limits; null means unlimited (the default of every account). */
export interface QuotaLimits {
  maxEmails: number | null;
  maxBytes: number | null;
}

/** An account's limits and what it uses now: its emails and the sum of their sizes. */
export interface Quota extends QuotaLimits {
  usedEmails: number;
  usedBytes: number;
}

/** A new EmailSubmission (RFC 8621 §7): an email of the account, or the raw bytes of a system message. */
export interface CreateSubmissionInput {
  /** Null/absent for system messages (bounces, auto-replies). */
  identityId?: string | null;
  /** The email to send (its raw blob), or `raw` bytes; both: the email's bytes as sent (no Bcc). */
  emailId?: EmailId;
  raw?: Uint8Array;
  /** mailFrom "" is the null reverse-path `<>` (bounces, RFC 5321 §4.5.5). */
  envelope: { mailFrom: string; rcptTo: string[] };
  /** Defaults to now; a later one holds the submission (cancelable) until then. */
  sendAt?: Date;
  /** The current time (tests); defaults to the clock. */
  now?: Date;
}

/** A new identity (RFC 8621 §6); `email` must be one the account may use (else ForbiddenFromError). */
export interface CreateIdentityInput {
  email: string;
  name?: string;
  replyTo?: Address[] | null;
  bcc?: Address[] | null;
  textSignature?: string;
  htmlSignature?: string;
}

/** The fields of an identity that may change (its email may not, RFC 8621 §6). */
export type UpdateIdentityInput = Partial<Omit<CreateIdentityInput, 'email'>>;

/** A calendar's writable fields: all optional on update; `name` required on create. */
export interface CalendarInput {
  name?: string;
  description?: string | null;
  color?: string | null;
  sortOrder?: number;
  isSubscribed?: boolean;
  isVisible?: boolean;
  includeInAvailability?: CalendarAvailability;
  timeZone?: string | null;
}

/** A new calendar event: its document and the columns queries use (see `CalendarEventRecord`). */
export interface CalendarEventInput {
  calendarIds: CalendarId[];
  uid: string;
  utcStart: Date;
  /** Null: the series has no end. */
  utcEnd: Date | null;
  isDraft?: boolean;
  isOrigin?: boolean;
  data: Record<string, unknown>;
}

/** A new Sieve script (RFC 9661 §2.4): its text is a blob the account may read (an upload). */
export interface CreateSieveScriptInput {
  /** Null or absent: the store names it (its id). */
  name?: string | null;
  blobId: BlobId;
}

/** What a Sieve script update may change; activation is `activateSieveScript`. */
export interface UpdateSieveScriptInput {
  name?: string;
  blobId?: BlobId;
}

/**
 * The store core's public face: domain operations, each one transaction, each write bumping the
 * owning type's state and appending to the change log in that same transaction.
 * Async so that a networked backend can implement the same contract.
 */
export interface MailStore {
  // Directory
  createDomain(name: string): Promise<Domain>;
  findDomain(name: string): Promise<Domain | null>;
  createAccount(input: CreateAccountInput): Promise<Account>;
  getAccount(id: AccountId): Promise<Account | null>;
  findAccountByEmail(email: string): Promise<Account | null>;
  /** The stored password hash, for the BFF's login check. */
  getPasswordHash(id: AccountId): Promise<string | null>;
  setPasswordHash(id: AccountId, passwordHash: string): Promise<void>;
  listAccounts(): Promise<Account[]>;
  /** The accounts of one domain, by address (the organisation directory). */
  listAccountsInDomain(domainId: DomainId): Promise<Account[]>;
  /** Every domain, by name. */
  listDomains(): Promise<Domain[]>;
  /**
   * Deletes the account and everything it owns (emails, mailboxes, threads, change log, quota) in
   * one transaction; blobs only it referenced are left for `collectGarbage`. NotFoundError if unknown.
   */
  deleteAccount(id: AccountId): Promise<void>;
  /**
   * Creates a bookable resource (`sqlite/resources.ts`): an account with no login, its calendar,
   * its booking policy, the calendar shared with the approver. InvalidInputError for a bad kind,
   * policy, name or approver (unknown, of another domain, or missing under `approval`), as
   * createAccount for the address. Delete one with `deleteAccount`.
   */
  createResource(input: CreateResourceInput): Promise<BookableResource>;
  /** The resource behind the account, or null for a person's account. */
  getResource(accountId: AccountId): Promise<BookableResource | null>;
  /** Every resource, by address. */
  listResources(): Promise<BookableResource[]>;

  // Mailboxes
  createMailbox(accountId: AccountId, input: CreateMailboxInput): Promise<Mailbox>;
  listMailboxes(accountId: AccountId): Promise<Mailbox[]>;
  getMailboxCounts(accountId: AccountId, ids: MailboxId[]): Promise<Map<MailboxId, MailboxCounts>>;
  findMailboxByRole(accountId: AccountId, role: MailboxRole): Promise<Mailbox | null>;
  /**
   * Changes a mailbox in one transaction (a no-op writes nothing). MailboxFieldError for a rule it
   * breaks (name, parent, loop, depth, role), NotFoundError for an unknown mailbox, ForbiddenError
   * for taking the inbox role off the inbox.
   */
  updateMailbox(accountId: AccountId, id: MailboxId, patch: UpdateMailboxInput): Promise<Mailbox>;
  /**
   * Destroys a mailbox in one transaction. MailboxNotEmptyError while it has children, or emails
   * unless `removeEmails`: then emails only in it are destroyed and the others just leave it.
   * ForbiddenError for the inbox (deliveries need it), NotFoundError for an unknown mailbox.
   */
  destroyMailbox(
    accountId: AccountId,
    id: MailboxId,
    options?: { removeEmails?: boolean },
  ): Promise<DestroyMailboxResult>;

  // Sharing (RFC 9670). The store keeps who may do what; the protocol layer enforces it.
  /** Every share of the account's mailboxes. */
  listMailboxShares(accountId: AccountId): Promise<MailboxShare[]>;
  /** Every share granted to the account, in other accounts. */
  listSharesWith(granteeId: AccountId): Promise<MailboxShare[]>;
  /**
   * Replaces who a mailbox is shared with (a grantee with no right is dropped); the mailbox's
   * state moves when something changed, and each grantee whose rights changed (but `changedBy`)
   * gets a ShareNotification. InvalidInputError for the owner or an unknown account
   * among the grantees or too many grantees, NotFoundError for an unknown mailbox.
   */
  setMailboxShares(
    accountId: AccountId,
    mailboxId: MailboxId,
    shares: ReadonlyMap<AccountId, MailboxAccess>,
    changedBy?: AccountId | null,
  ): Promise<void>;
  /**
   * A grantee's own subscription to a mailbox shared with them (subscribing dismisses the
   * notifications about it); NotFoundError if it is not.
   */
  setShareSubscribed(
    accountId: AccountId,
    mailboxId: MailboxId,
    granteeId: AccountId,
    isSubscribed: boolean,
  ): Promise<void>;

  /** Every share of the account's calendars or address books (RFC 9670). */
  listCollectionShares<K extends SharedCollectionKind>(
    accountId: AccountId,
    kind: K,
  ): Promise<CollectionShare<K>[]>;
  /** Every calendar and address book shared with the account, in other accounts. */
  listCollectionSharesWith(granteeId: AccountId): Promise<CollectionShare[]>;
  /**
   * Replaces who a calendar or address book is shared with (a grantee with no right is dropped);
   * its state moves when something changed, and each grantee whose rights changed (but
   * `changedBy`) gets a ShareNotification. NotFoundError for a collection not the account's,
   * InvalidInputError for the owner, an unknown account or too many grantees.
   */
  setCollectionShares(
    accountId: AccountId,
    kind: SharedCollectionKind,
    collectionId: string,
    shares: ReadonlyMap<AccountId, Readonly<Record<string, boolean>>>,
    changedBy?: AccountId | null,
  ): Promise<void>;
  /** RFC 9670 §3: the account's share notifications, oldest first. */
  listShareNotifications(accountId: AccountId): Promise<ShareNotification[]>;
  /** Dismisses one; NotFoundError for an unknown id or another account's. */
  destroyShareNotification(accountId: AccountId, id: ShareNotificationId): Promise<void>;

  // Emails
  /**
   * Stores a message in one transaction. Throws QuotaExceededError (and stores nothing) when the
   * email would take the account over a limit.
   */
  importMessage(accountId: AccountId, input: ImportMessageInput): Promise<EmailRecord>;
  getEmails(accountId: AccountId, ids: EmailId[]): Promise<EmailRecord[]>;
  /**
   * `getEmails` without the MIME structure of each email (`EmailSummary`): a page of a mailbox
   * list reads a fifth of the bytes. Same order, same skipping of unknown ids.
   */
  getEmailSummaries(accountId: AccountId, ids: EmailId[]): Promise<EmailSummary[]>;
  /**
   * The fast path for many messages (admin import, demo data): one blob-write round and one
   * transaction for the batch, each message in its own savepoint. Per-message failures are results,
   * not exceptions; see `BatchImportResult`. At most `maxImportBatchMessages` per call.
   */
  importMessages(accountId: AccountId, inputs: BatchImportInput[]): Promise<BatchImportResult[]>;
  queryEmails(accountId: AccountId, query: EmailQuery): Promise<EmailQueryResult>;
  setKeywords(accountId: AccountId, id: EmailId, keywords: string[]): Promise<void>;
  /**
   * Replaces the email's mailboxes (at least one). Throws NotFoundError for an unknown email or
   * mailbox, InvalidInputError for an empty list.
   */
  setMailboxes(accountId: AccountId, id: EmailId, mailboxIds: MailboxId[]): Promise<void>;
  /**
   * Destroys emails, with their memberships, keywords and search entries; a thread left empty is
   * destroyed. Blob files are not removed here: see `collectGarbage`.
   */
  destroyEmails(accountId: AccountId, ids: EmailId[]): Promise<{ destroyed: EmailId[]; notFound: EmailId[] }>;
  /** The thread's emails, oldest first (RFC 8621 §3 orders Thread/get's emailIds by receivedAt). */
  getThreadEmailIds(accountId: AccountId, threadId: ThreadId): Promise<EmailId[]>;

  // Quotas
  /** Sets the account's limits (null = unlimited). Usage above a new limit is kept, not trimmed. */
  setQuota(accountId: AccountId, limits: QuotaLimits): Promise<void>;
  /** The account's limits and usage; NotFoundError for an unknown account. */
  getQuota(accountId: AccountId): Promise<Quota>;

  // Blobs: content-addressed, shared by every account that holds a reference.
  /** Null when the blob does not exist or the account holds no reference to it. */
  openBlob(accountId: AccountId, blobId: BlobId): Promise<{ size: number; stream: Readable } | null>;
  readBlob(accountId: AccountId, blobId: BlobId): Promise<Uint8Array | null>;
  /**
   * Parses a blob the account may read as a message, with import's parser and limits, storing
   * nothing (RFC 8621 §4.9): `notFound` when it may not read it, `notAMessage` when the bytes are
   * not a message (`looksLikeMessage`) or larger than `mimeLimits.maxMessageBytes`.
   */
  parseBlob(accountId: AccountId, blobId: BlobId): Promise<ParseBlobResult>;
  /**
   * Per blob the account may read: its emails (raw message or part), their threads and mailboxes
   * (RFC 9404 §4.3). Blobs it may not read are not in the map.
   */
  lookupBlobs(accountId: AccountId, blobIds: BlobId[]): Promise<Map<BlobId, BlobUsers>>;
  /**
   * Removes the blob files no account references any more (after `destroyEmails`). Separate from
   * the destroy so that metadata is committed first and a crash leaves only harmless orphan files.
   */
  collectGarbage(options?: GarbageCollectionOptions): Promise<GarbageCollectionResult>;

  // Change log
  getState(accountId: AccountId, type: ChangeType): Promise<State>;
  getChanges(
    accountId: AccountId,
    type: ChangeType,
    sinceState: State,
    maxChanges?: number,
  ): Promise<Changes<string>>;

  // Small settings of the installation (e.g. "demo seeded").
  getMeta(key: string): Promise<string | null>;
  setMeta(key: string, value: string): Promise<void>;

  // Email submission queue (RFC 8621 §7). Each write is one transaction logging EmailSubmission.
  /**
   * Queues a message for sending. InvalidInputError for a bad envelope or a sendAt beyond
   * `submissionLimits.maxDelayedSendMs`; NotFoundError for an unknown email.
   */
  createSubmission(accountId: AccountId, input: CreateSubmissionInput): Promise<EmailSubmission>;
  /** The account's submissions with these ids (unknown ones left out), or all, oldest first. */
  getSubmissions(accountId: AccountId, ids?: EmailSubmissionId[]): Promise<EmailSubmission[]>;
  /** Undo send: only while pending (before sendAt), else CannotUnsendError. */
  cancelSubmission(accountId: AccountId, id: EmailSubmissionId, now?: Date): Promise<void>;
  /**
   * Destroys the record, never the delivery: one still held or retried is hidden and left to the
   * queue. NotFoundError for an unknown id.
   */
  destroySubmission(accountId: AccountId, id: EmailSubmissionId): Promise<void>;
  /** Recipients due at `now` (all accounts), earliest first; held submissions due now become final. */
  dueDeliveries(now: Date, limit: number): Promise<DueDelivery[]>;
  /**
   * When the earliest recipient not yet done comes due (a held submission's sendAt, a retry), or
   * null: so that the delivery worker can wake at that moment instead of at its next poll.
   */
  nextDeliveryDue(): Promise<Date | null>;
  /** Records one delivery attempt's outcome for one recipient. */
  recordDeliveryAttempt(
    submissionId: EmailSubmissionId,
    rcptTo: string,
    attempt: DeliveryAttempt,
  ): Promise<void>;
  /**
   * Reads a submission's message bytes, whichever account queued it (for the delivery worker).
   * Null once the submission is done (every recipient delivered, failed or canceled) and garbage
   * collection took bytes nothing else needs.
   */
  readSubmissionMessage(submissionId: EmailSubmissionId): Promise<Uint8Array | null>;
  /** The local domain's DKIM signing key (RFC 6376), made on first need; NotFoundError if not ours. */
  dkimKey(domain: string): Promise<DkimKey>;
  // Identities (RFC 8621 §6): every account has a default one for its own address (mayDelete false).
  listIdentities(accountId: AccountId): Promise<Identity[]>;
  /** ForbiddenFromError when the account may not use the address. */
  createIdentity(accountId: AccountId, input: CreateIdentityInput): Promise<Identity>;
  updateIdentity(accountId: AccountId, id: IdentityId, patch: UpdateIdentityInput): Promise<Identity>;
  /** NotFoundError for an unknown id, ForbiddenError for the default identity. */
  destroyIdentity(accountId: AccountId, id: IdentityId): Promise<void>;
  /** Whether the account may send as (or make an identity for) this address. */
  mayUseAddress(accountId: AccountId, email: string): Promise<boolean>;

  // Sieve scripts (RFC 9661): text in blobs, at most one active per account; logged as SieveScript.
  /** Ordered by name. */
  listSieveScripts(accountId: AccountId): Promise<SieveScriptRecord[]>;
  /** The script to run on delivery, or null. */
  getActiveSieveScript(accountId: AccountId): Promise<SieveScriptRecord | null>;
  /**
   * AlreadyExistsError for a name the account has, NotFoundError for a blob it may not read,
   * InvalidInputError for a bad name, overQuota beyond `sieveScriptLimits.maxPerAccount`. The text
   * is not checked here: the caller validates it (the store does not speak Sieve).
   */
  createSieveScript(accountId: AccountId, input: CreateSieveScriptInput): Promise<SieveScriptRecord>;
  /** As create; NotFoundError for an unknown id. */
  updateSieveScript(
    accountId: AccountId,
    id: SieveScriptId,
    patch: UpdateSieveScriptInput,
  ): Promise<SieveScriptRecord>;
  /** NotFoundError for an unknown id, ForbiddenError for the active script. */
  destroySieveScript(accountId: AccountId, id: SieveScriptId): Promise<void>;
  /**
   * Makes the script the one active (null: none active), atomically; the scripts whose isActive
   * changed, with their new value. NotFoundError for an unknown id.
   */
  activateSieveScript(
    accountId: AccountId,
    id: SieveScriptId | null,
  ): Promise<{ id: SieveScriptId; isActive: boolean }[]>;

  // Calendars and events: logged as Calendar / CalendarEvent, pushed like mail.
  /** The account's calendars (one of them the default), by sortOrder then name. */
  listCalendars(accountId: AccountId): Promise<Calendar[]>;
  /** overQuota beyond `calendarLimits.maxPerAccount`; CalendarFieldError naming a bad field. */
  createCalendar(accountId: AccountId, input: CalendarInput): Promise<Calendar>;
  /** As create; NotFoundError for an unknown id. */
  updateCalendar(accountId: AccountId, id: CalendarId, input: CalendarInput): Promise<Calendar>;
  /** Makes the calendar the account's default (the previous default is updated too). */
  setDefaultCalendar(accountId: AccountId, id: CalendarId): Promise<void>;
  /**
   * ForbiddenError for the default calendar; CalendarHasEventsError when it has events unless
   * `removeEvents` (events only in it are destroyed, the others leave it).
   */
  destroyCalendar(
    accountId: AccountId,
    id: CalendarId,
    options?: { removeEvents?: boolean },
  ): Promise<{ destroyedEvents: string[]; updatedEvents: string[] }>;
  /** The account's events with these ids, in that order; unknown ids left out. */
  getCalendarEvents(accountId: AccountId, ids: readonly string[]): Promise<CalendarEventRecord[]>;
  /** Every event id of the account, oldest first. */
  listCalendarEventIds(accountId: AccountId): Promise<CalendarEventId[]>;
  /**
   * overQuota beyond `calendarEventLimits.maxPerAccount`, EventUidTakenError for a uid the account
   * has, CalendarEventFieldError (naming the field) for unknown calendars, a bad span or too large a document.
   */
  createCalendarEvent(accountId: AccountId, input: CalendarEventInput): Promise<CalendarEventRecord>;
  /** As create; NotFoundError for an unknown id. */
  updateCalendarEvent(
    accountId: AccountId,
    id: CalendarEventId,
    patch: Partial<CalendarEventInput>,
  ): Promise<CalendarEventRecord>;
  destroyCalendarEvents(
    accountId: AccountId,
    ids: readonly CalendarEventId[],
  ): Promise<{ destroyed: CalendarEventId[]; notFound: CalendarEventId[] }>;
  /**
   * Events whose series span overlaps the range, by utcStart then id; TooLargeError beyond
   * `calendarEventLimits.maxRangeResults`.
   */
  queryCalendarEvents(accountId: AccountId, range: CalendarEventRange): Promise<CalendarEventRecord[]>;
  /**
   * Records what someone else changed in the account's calendars (JMAP Calendars §7), logged as
   * CalendarEventNotification; the oldest beyond `calendarEventNotificationLimits` go.
   */
  recordCalendarEventNotification(
    accountId: AccountId,
    input: CalendarEventNotificationInput,
  ): Promise<CalendarEventNotification>;
  /** The account's notifications (expired ones dropped), oldest first. */
  listCalendarEventNotifications(accountId: AccountId): Promise<CalendarEventNotification[]>;
  /** Dismisses one; NotFoundError for an unknown id or another account's. */
  destroyCalendarEventNotification(accountId: AccountId, id: CalendarEventNotificationId): Promise<void>;
  /** Dismisses every notification about the event (the user changed it themselves). */
  dismissCalendarEventNotificationsAbout(accountId: AccountId, calendarEventId: string): Promise<void>;
  // Contacts (contacts-model.ts): address books and cards, logged as AddressBook and ContactCard.
  /** The account's books, its default one made on first need; by sortOrder, then name. */
  listAddressBooks(accountId: AccountId): Promise<AddressBookRecord[]>;
  /** InvalidInputError for a bad name, overQuota beyond `contactLimits.maxAddressBooksPerAccount`. */
  createAddressBook(accountId: AccountId, input: AddressBookInput): Promise<AddressBookRecord>;
  /** As create; NotFoundError for an unknown id. */
  updateAddressBook(
    accountId: AccountId,
    id: AddressBookId,
    patch: AddressBookPatch,
  ): Promise<AddressBookRecord>;
  /** Makes the book the default; the ids whose isDefault changed. */
  setDefaultAddressBook(accountId: AccountId, id: AddressBookId): Promise<AddressBookId[]>;
  /**
   * NotFoundError, ForbiddenError for the default book, AddressBookNotEmptyError when it holds cards
   * and `removeContents` is not set (then cards also in other books just leave it).
   */
  destroyAddressBook(
    accountId: AccountId,
    id: AddressBookId,
    options?: { removeContents?: boolean },
  ): Promise<void>;
  /** These cards (unknown ids left out), or all of the account's, by sort name. */
  getContactCards(accountId: AccountId, ids?: readonly ContactCardId[]): Promise<ContactCardRecord[]>;
  /**
   * An empty addressBookIds means the default book. NotFoundError for a book not the account's,
   * TooLargeError beyond `contactLimits.maxCardJsonBytes`, overQuota beyond maxCardsPerAccount.
   */
  createContactCard(accountId: AccountId, input: ContactCardInput): Promise<ContactCardRecord>;
  /** Replaces the card's JSON, index and books; as create, and NotFoundError for an unknown id. */
  updateContactCard(
    accountId: AccountId,
    id: ContactCardId,
    input: ContactCardInput,
  ): Promise<ContactCardRecord>;
  destroyContactCard(accountId: AccountId, id: ContactCardId): Promise<void>;
  /** Autocomplete: cards with a word or email starting with the prefix, most recently used first. */
  searchContactCards(accountId: AccountId, search: ContactSearch): Promise<ContactCardId[]>;
  /** The cards with these email addresses were used now (autocomplete ranking); how many. */
  markContactsUsed(accountId: AccountId, emails: readonly string[], at?: Date): Promise<number>;
  /**
   * The account's cards matching the filter, by sort name then id, with their sort keys
   * (ContactCard filters in SQL). InvalidInputError beyond `contactLimits.maxFilterConditions`.
   */
  queryContactCards(accountId: AccountId, filter?: ContactFilter | null): Promise<ContactCardHit[]>;
  /** Up to `limit` cards whose index is older than the store's: the caller re-derives it. */
  contactCardsToReindex(accountId: AccountId, limit: number): Promise<ContactCardRecord[]>;
  /** New indexes for the same cards (not a change of the card: nothing is logged). */
  reindexContactCards(
    accountId: AccountId,
    entries: readonly { id: ContactCardId; index: ContactCardIndex }[],
  ): Promise<void>;
  /**
   * Recipients no card has become the given cards in the `recent` book (made on first need,
   * bounded by `contactLimits.maxRecentCards`, least recently used evicted), unless the account
   * turned collection off. Returns the new cards' ids.
   */
  collectRecentContacts(
    accountId: AccountId,
    entries: readonly { email: string; card: Omit<ContactCardInput, 'addressBookIds'> }[],
    at?: Date,
  ): Promise<ContactCardId[]>;
  getContactSettings(accountId: AccountId): Promise<ContactSettings>;
  setContactSettings(accountId: AccountId, settings: ContactSettings): Promise<void>;

  // Push subscriptions (RFC 8620 §7.2): the principal's (its own account's), no change log.
  listPushSubscriptions(ownerId: AccountId): Promise<PushSubscription[]>;
  /** InvalidInputError beyond pushSubscriptionLimits. */
  createPushSubscription(ownerId: AccountId, input: PushSubscriptionInput): Promise<PushSubscription>;
  /** NotFoundError when the owner has no such subscription. */
  updatePushSubscription(
    ownerId: AccountId,
    id: string,
    patch: PushSubscriptionPatch,
  ): Promise<PushSubscription>;
  destroyPushSubscription(ownerId: AccountId, id: string): Promise<void>;

  // API tokens (Bearer): only the sha256 digest of a secret is stored, never the secret.
  /** InvalidInputError beyond apiTokenLimits (100 per account); NotFoundError for an unknown account. */
  createApiToken(accountId: AccountId, input: { digest: string; name: string }): Promise<ApiToken>;
  /** The token with this digest and its account's address; null when unknown or revoked. */
  findApiTokenByDigest(digest: string): Promise<ApiTokenMatch | null>;
  /** The account's tokens, oldest first. */
  listApiTokens(accountId: AccountId): Promise<ApiToken[]>;
  /** Sets lastUsedAt; an unknown id is ignored. */
  markApiTokenUsed(id: string, at: Date): Promise<void>;
  /** NotFoundError when the account has no token with this id. */
  deleteApiToken(accountId: AccountId, id: string): Promise<void>;

  // --- Meeting rooms (video meetings; `sqlite/meeting-rooms.ts`) ---
  /** InvalidInputError for a bad title or event id; NotFoundError for an unknown account. */
  createMeetingRoom(accountId: AccountId, input: NewMeetingRoom): Promise<MeetingRoom>;
  /** The room with this id (anyone's: the id is the secret of its link), or null. */
  getMeetingRoom(id: string): Promise<MeetingRoom | null>;
  listMeetingRoomsForEvent(accountId: AccountId, eventId: string): Promise<MeetingRoom[]>;
  /** NotFoundError when the account owns no such room. */
  setMeetingRoomInviteesOnly(accountId: AccountId, id: string, inviteesOnly: boolean): Promise<MeetingRoom>;
  /** Ties the room to an event of its owner; InvalidInputError for a bad id, NotFoundError as above. */
  setMeetingRoomEvent(accountId: AccountId, id: string, eventId: string): Promise<MeetingRoom>;
  /** NotFoundError when the account owns no such room. */
  deleteMeetingRoom(accountId: AccountId, id: string): Promise<void>;

  // Vacation response (RFC 8621 §8): one per account, disabled until set.
  getVacationResponse(accountId: AccountId): Promise<VacationResponse>;
  setVacationResponse(accountId: AccountId, patch: Partial<VacationResponse>): Promise<VacationResponse>;
  /**
   * RFC 3834 §2: true (and remembered) when no auto-reply went to `sender` within `periodMs` before
   * `now`; false otherwise. Atomic: of two concurrent claims, one wins.
   */
  claimVacationReply(accountId: AccountId, sender: string, now: Date, periodMs: number): Promise<boolean>;

  // Outgoing mail
  /**
   * Builds an outgoing message's MIME bytes. Attachments by blob id must be readable by the account
   * (NotFoundError otherwise) and are streamed from the blob store.
   */
  buildMessage(accountId: AccountId, message: OutgoingMessage): Promise<BuiltMessage>;

  /**
   * The pub/sub port: calls `listener` after commits with the types whose state moved, per
   * account, whichever process wrote (push, RFC 8620 §7). Returns the unsubscribe function.
   */
  subscribeStateChanges(listener: (change: StateChange) => void): () => void;

  close(): Promise<void>;

  // Aliases and domains (issue 3, inbound). Addresses are lower-cased; `@domain` is a catch-all.
  /**
   * Adds an address delivering to the account. AliasConflictError when an account or alias has
   * it, DomainNotOursError when its domain is not ours, NotFoundError for an unknown account.
   */
  createAlias(address: string, accountId: AccountId): Promise<Alias>;
  /** Every alias, or the account's, ordered by address. */
  listAliases(accountId?: AccountId): Promise<Alias[]>;
  /** False when there was no such alias. */
  deleteAlias(address: string): Promise<boolean>;
  /** The alias or catch-all (`@domain`) owning exactly this address, or null. */
  findAlias(address: string): Promise<Alias | null>;
  /**
   * The account that receives mail for this address: exact account, alias, the base of a
   * subaddress (RFC 5233), then the domain's catch-all; null when none (or not our domain).
   */
  resolveAddress(address: string): Promise<AccountId | null>;
  /** False for an unknown domain; DomainInUseError while accounts or aliases use it. */
  deleteDomain(name: string): Promise<boolean>;

  // Snooze (issue 3, inbound)
  /**
   * Moves the email into the account's Snoozed mailbox (role `snoozed`, made on demand) until
   * `until`, remembering its mailboxes; snoozing again only changes `until`.
   */
  snoozeEmail(accountId: AccountId, emailId: EmailId, until: Date): Promise<void>;
  /** Puts a snoozed email back where it was, as it was; false when it was not snoozed. */
  unsnoozeEmail(accountId: AccountId, emailId: EmailId): Promise<boolean>;
  /**
   * Wakes snoozes due at `now` (at most `maxWakesPerRun` per call), one transaction each: back to
   * their mailboxes (Inbox if gone), unread, receivedAt = `now`.
   */
  wakeDueSnoozes(now: Date): Promise<{ accountId: AccountId; emailId: EmailId }[]>;
  listSnoozed(accountId: AccountId): Promise<SnoozedEmail[]>;
  /** When the earliest pending snooze is due (any account), or null. */
  nextSnoozeDue(): Promise<Date | null>;
  // Uploads (RFC 8620 §6.1) and integrity
  /**
   * Streams the bytes into a blob the account may then reference (download, import) until
   * `expiresAt`; an upload nothing else references is released by `collectGarbage` after that.
   * TooLargeError beyond `maxBytes` (and the store's own limit); NotFoundError for an unknown account.
   */
  createUpload(
    accountId: AccountId,
    source: AsyncIterable<Uint8Array>,
    type: string,
    options?: { maxBytes?: number },
  ): Promise<Upload>;
  /** Recomputes what the store maintains incrementally and checks every blob; problems, never throws for them. */
  checkIntegrity(options?: IntegrityOptions): Promise<IntegrityReport>;
  /**
   * `importMessage` for a message given as a stream (SMTP/LMTP DATA, an upload): spooled into its
   * raw blob without the caller buffering it; same result and errors (TooLargeError past
   * `mimeLimits.maxMessageBytes`, QuotaExceededError).
   */
  importMessageStream(accountId: AccountId, input: ImportMessageStreamInput): Promise<EmailRecord>;

  /**
   * RFC 8620 §5.6: the changes to a query's results since an Email state. CannotCalculateChanges
   * when the state is unknown or pruned, or the query cannot be followed (canFollowQueryChanges).
   */
  queryEmailChanges(accountId: AccountId, input: EmailQueryChangesInput): Promise<EmailQueryChanges>;

  /** RFC 8621 §5: subject and preview with the filter's search terms marked, as escaped HTML. */
  getSearchSnippets(
    accountId: AccountId,
    filter: EmailFilter | undefined,
    ids: EmailId[],
  ): Promise<{ list: SearchSnippetRecord[]; notFound: EmailId[] }>;
}

/** `ImportMessageInput` with the raw message as a stream of bytes. */
export type ImportMessageStreamInput = Omit<ImportMessageInput, 'raw'> & {
  source: AsyncIterable<Uint8Array>;
};

/** An uploaded blob (RFC 8620 §6.1), readable by its account until `expiresAt`. */
export interface Upload {
  accountId: AccountId;
  blobId: BlobId;
  size: number;
  type: string;
  expiresAt: Date;
}

export interface GarbageCollectionOptions {
  /** The time uploads expire against and the blob idle period is measured from; default now. */
  now?: Date;
  /** At most this many blob files looked at by this run's sweep (default and ceiling: `blobSweepLimits`). */
  maxSweepFiles?: number;
  /**
   * A finished pass of the sweep starts again only this long after it ended (default
   * `blobSweepLimits.restartAfterMs`, a day: it finds only what a crash left); 0: at the next run.
   */
  sweepRestartAfterMs?: number;
}

/** What a `collectGarbage` run did. */
export interface GarbageCollectionResult {
  /** Files of queued blobs (destroyed emails, expired uploads, sent submissions) removed. */
  removedBlobs: number;
  expiredUploads?: number;
  /** Submissions done and older than their retention, deleted (EmailSubmission destroyed). */
  prunedSubmissions?: number;
  /** The slice of the sweep of blob files no metadata names (a backend may have none). */
  sweep?: BlobSweep;
  /** Temporary files or objects of interrupted blob writes removed (`BlobStore.sweepTemporaries`). */
  sweptTemporaries?: number;
}

/** One run's slice of the sweep of unnamed blob files (see `collectGarbage`). */
export interface BlobSweep {
  /** Files looked at, from where the last run stopped. */
  examined: number;
  /** Files removed: nothing named them and they were idle. */
  removed: number;
  /** True when this run reached the last file: the next one starts from the first. */
  complete: boolean;
}

export interface IntegrityOptions {
  /** Hash every blob (default); with a number in (0, 1], only that share of them, chosen at random. */
  hashSample?: number;
}

/** One inconsistency: a stable `kind`, the object it is about, and a human sentence. */
export interface IntegrityProblem {
  kind:
    | 'missingBlob'
    | 'blobSizeMismatch'
    | 'blobHashMismatch'
    | 'missingSearchRow'
    | 'orphanSearchRow'
    | 'mailboxCountMismatch'
    | 'quotaUsageMismatch'
    | 'danglingMembership'
    | 'sortKeyMismatch'
    | 'envelopeMismatch'
    | 'threadMismatch'
    | 'blobAccountMismatch'
    | 'danglingEmailBlob';
  subject: string;
  detail: string;
}

export interface IntegrityReport {
  emails: number;
  blobsChecked: number;
  problems: IntegrityProblem[];
  /**
   * Blob files that nothing names (no account, no submission in flight): left by an import or
   * upload that died before its commit, or put by one still in flight. Not an inconsistency:
   * `collectGarbage`'s sweep removes them once idle. The count of all; the first ones listed.
   */
  unreferencedBlobs: number;
  warnings: IntegrityWarning[];
}

/** Something worth knowing that the store settles by itself; never a problem. */
export interface IntegrityWarning {
  kind: 'unreferencedBlob';
  subject: string;
  detail: string;
}
