/**
 * The store's domain model. Protocol-agnostic: these are not JMAP wire objects (the JMAP engine
 * maps them), so that IMAP or CalDAV could be served from the same core later.
 */

/** Ids are made only by the store; the brand stops a raw string from posing as one. */
declare const idBrand: unique symbol;
export type StoreId<Kind extends string> = string & { readonly [idBrand]: Kind };
export type DomainId = StoreId<'Domain'>;
export type AccountId = StoreId<'Account'>;
export type MailboxId = StoreId<'Mailbox'>;
export type EmailId = StoreId<'Email'>;
export type ThreadId = StoreId<'Thread'>;
export type EmailSubmissionId = StoreId<'EmailSubmission'>;
export type IdentityId = StoreId<'Identity'>;
export type SieveScriptId = StoreId<'SieveScript'>;
export type ShareNotificationId = StoreId<'ShareNotification'>;
export type CalendarId = StoreId<'Calendar'>;
export type CalendarEventId = StoreId<'CalendarEvent'>;
export type CalendarEventNotificationId = StoreId<'CalendarEventNotification'>;
/** A blob id is the hex sha256 of the blob's bytes, prefixed (content addressing). */
export type BlobId = StoreId<'Blob'>;

/** The data types whose changes are logged and whose states are counted. */
export type ChangeType =
  | 'Mailbox'
  | 'Email'
  | 'Thread'
  | 'EmailSubmission'
  | 'Identity'
  | 'VacationResponse'
  | 'SieveScript'
  | 'ShareNotification'
  | 'Calendar'
  | 'CalendarEvent'
  | 'CalendarEventNotification'
  // Contacts (contacts-model.ts)
  | 'AddressBook'
  | 'ContactCard';

export interface Domain {
  id: DomainId;
  name: string;
  createdAt: Date;
}

export interface Account {
  id: AccountId;
  domainId: DomainId;
  /** The login and primary address, lower-cased: "alice@colibri.test". */
  email: string;
  displayName: string;
  createdAt: Date;
}

/**
 * RFC 8621 roles, as the store knows them. 'snoozed' is the IANA IMAP mailbox attribute \Snoozed
 * (registered by RFC 8457's registry); the store creates that mailbox on the first snooze.
 */
export type MailboxRole = 'inbox' | 'sent' | 'drafts' | 'trash' | 'junk' | 'archive' | 'snoozed';

export interface Mailbox {
  id: MailboxId;
  accountId: AccountId;
  name: string;
  parentId: MailboxId | null;
  role: MailboxRole | null;
  sortOrder: number;
  isSubscribed: boolean;
}

/**
 * What a user may do in a mailbox: RFC 8621 §2's MailboxRights, plus `mayShare` (RFC 9670 §4
 * leaves the rights to each data type; Stalwart and the JMAP Calendars draft use the same name)
 * for changing who else may use it.
 */
export const MAILBOX_RIGHT_NAMES = [
  'mayReadItems',
  'mayAddItems',
  'mayRemoveItems',
  'maySetSeen',
  'maySetKeywords',
  'mayCreateChild',
  'mayRename',
  'mayDelete',
  'maySubmit',
  'mayShare',
] as const;
export type MailboxRightName = (typeof MAILBOX_RIGHT_NAMES)[number];
export type MailboxAccess = Readonly<Record<MailboxRightName, boolean>>;

/** JMAP Calendars §4 CalendarRights: what a sharee may do with a calendar and its events. */
export const CALENDAR_RIGHT_NAMES = [
  'mayReadFreeBusy',
  'mayReadItems',
  'mayWriteAll',
  'mayWriteOwn',
  'mayUpdatePrivate',
  'mayRSVP',
  'mayAdmin',
  'mayDelete',
] as const;

/** RFC 9610 §2 AddressBookRights: what a sharee may do with an address book and its cards. */
export const ADDRESS_BOOK_RIGHT_NAMES = ['mayRead', 'mayWrite', 'mayShare', 'mayDelete'] as const;

/** The collections other than mailboxes that an owner may share (RFC 9670 §4). */
export type SharedCollectionKind = 'calendar' | 'addressBook';

/** The rights of a kind of collection, by name (true: granted). */
export type CollectionRights<K extends SharedCollectionKind> = Readonly<
  Record<
    K extends 'calendar' ? (typeof CALENDAR_RIGHT_NAMES)[number] : (typeof ADDRESS_BOOK_RIGHT_NAMES)[number],
    boolean
  >
>;

/** A calendar or address book shared with another account (RFC 9670): the grantee's rights. */
export interface CollectionShare<K extends SharedCollectionKind = SharedCollectionKind> {
  kind: K;
  /** The owner's account, where the collection is. */
  accountId: AccountId;
  collectionId: string;
  granteeId: AccountId;
  rights: CollectionRights<K>;
}

/** A mailbox shared with another account (RFC 9670): the grantee's rights and subscription. */
export interface MailboxShare {
  /** The owner's account, where the mailbox is. */
  accountId: AccountId;
  mailboxId: MailboxId;
  granteeId: AccountId;
  rights: MailboxAccess;
  isSubscribed: boolean;
}

/** Who made a change a CalendarEventNotification records (copied, so it outlives their account). */
export interface CalendarEventNotificationAuthor {
  name: string;
  email: string | null;
  /** Their account here, when a user of this store made the change. */
  principalId: string | null;
  /** Their calendar address (`mailto:` URI), when known. */
  calendarAddress: string | null;
}

/** What the store records for a CalendarEventNotification (JMAP Calendars §7). */
export interface CalendarEventNotificationInput {
  changedBy: CalendarEventNotificationAuthor;
  comment: string | null;
  type: 'created' | 'updated' | 'destroyed';
  calendarEventId: string;
  /** Null for a destroyed event. */
  isDraft: boolean | null;
  /** The event before the change (after it, for a create). */
  event: Record<string, unknown>;
  /** For an update: the patch from `event` to the event after it. */
  eventPatch: Record<string, unknown> | null;
}

/** A change someone else made to an event in the account's calendars. */
export interface CalendarEventNotification extends CalendarEventNotificationInput {
  id: CalendarEventNotificationId;
  accountId: AccountId;
  created: Date;
}

export type ShareNotificationObjectType = 'Mailbox' | 'Calendar' | 'AddressBook';

/** RFC 9670 §3: a user told that their rights to someone else's object changed. */
export interface ShareNotification {
  id: ShareNotificationId;
  /** The account told (the grantee's own). */
  accountId: AccountId;
  created: Date;
  changedBy: { name: string; email: string | null; principalId: string | null };
  /** The shared object's type: a mailbox, a calendar or an address book. */
  objectType: ShareNotificationObjectType;
  objectAccountId: AccountId;
  objectId: string;
  /** The object's name when the notification was made. */
  name: string;
  /** The rights of that type (MAILBOX_, CALENDAR_ or ADDRESS_BOOK_RIGHT_NAMES), null when none. */
  oldRights: Readonly<Record<string, boolean>> | null;
  newRights: Readonly<Record<string, boolean>> | null;
}

export interface MailboxCounts {
  totalEmails: number;
  unreadEmails: number;
  totalThreads: number;
  unreadThreads: number;
}

export interface Address {
  name: string | null;
  email: string;
}

/** One node of a message's MIME tree, as RFC 8621 §4.1.4 describes a body part. */
export interface BodyPart {
  /** Position in the tree ("1", "1.2"); null for multipart containers. */
  partId: string | null;
  /** The decoded content's blob, for leaf parts. */
  blobId: BlobId | null;
  size: number;
  headers: { name: string; value: string }[];
  name: string | null;
  type: string;
  charset: string | null;
  disposition: string | null;
  cid: string | null;
  language: string[] | null;
  location: string | null;
  subParts: BodyPart[] | null;
}

/** The parsed index of a message, computed once at import from its immutable raw blob. */
export interface EmailRecord {
  id: EmailId;
  accountId: AccountId;
  /** The raw RFC 5322 message. */
  blobId: BlobId;
  threadId: ThreadId;
  mailboxIds: MailboxId[];
  keywords: string[];
  size: number;
  receivedAt: Date;
  messageId: string[] | null;
  inReplyTo: string[] | null;
  references: string[] | null;
  sender: Address[] | null;
  from: Address[] | null;
  to: Address[] | null;
  cc: Address[] | null;
  bcc: Address[] | null;
  replyTo: Address[] | null;
  subject: string | null;
  sentAt: Date | null;
  hasAttachment: boolean;
  preview: string;
  bodyStructure: BodyPart;
  textBody: BodyPart[];
  htmlBody: BodyPart[];
  attachments: BodyPart[];
}

/** The parts of an EmailRecord that describe its MIME structure (the bulk of a stored record). */
export type EmailPartFields = 'bodyStructure' | 'textBody' | 'htmlBody' | 'attachments';

/**
 * An email without its MIME structure: what a mailbox list shows (sender, subject, preview,
 * dates, flags). Reading it skips most of the stored record (`getEmailSummaries`).
 */
export type EmailSummary = Omit<EmailRecord, EmailPartFields>;

/**
 * RFC 8621 §4.4.1: one FilterCondition; every given property must match (an implicit AND).
 * Text conditions are word-prefix searches (full-text index); `header` is [name] (the field is
 * present) or [name, value] (its value contains `value`, case-insensitively).
 */
export interface EmailFilterCondition {
  inMailbox?: MailboxId;
  inMailboxOtherThan?: MailboxId[];
  /**
   * In at least one of these mailboxes (not an RFC 8621 condition: what a sharee may read of a
   * shared account is this, over every mailbox shared with them, in one condition however many).
   */
  inAnyMailbox?: MailboxId[];
  /** receivedAt < before */
  before?: Date;
  /** receivedAt >= after */
  after?: Date;
  minSize?: number;
  maxSize?: number;
  allInThreadHaveKeyword?: string;
  someInThreadHaveKeyword?: string;
  noneInThreadHaveKeyword?: string;
  hasKeyword?: string;
  notKeyword?: string;
  hasAttachment?: boolean;
  /** Subject, addresses, body and attachment names. */
  text?: string;
  from?: string;
  to?: string;
  cc?: string;
  bcc?: string;
  subject?: string;
  body?: string;
  header?: [string] | [string, string];
}

/** RFC 8620 §5.5: a FilterOperator; NOT means none of its conditions match. */
export interface EmailFilterOperator {
  operator: 'AND' | 'OR' | 'NOT';
  conditions: EmailFilter[];
}

export type EmailFilter = EmailFilterCondition | EmailFilterOperator;

/** RFC 8621 §4.4.2: the sort properties; the keyword ones need `keyword`. */
export type EmailSortProperty =
  | 'receivedAt'
  | 'sentAt'
  | 'size'
  | 'subject'
  | 'from'
  | 'to'
  | 'hasKeyword'
  | 'allInThreadHaveKeyword'
  | 'someInThreadHaveKeyword';

/** RFC 8620 §5.5 / RFC 4790 collations for the text sorts. */
export type EmailCollation = 'i;ascii-casemap' | 'i;ascii-numeric' | 'i;unicode-casemap';

export interface EmailSort {
  property: EmailSortProperty;
  isAscending: boolean;
  /** For hasKeyword, allInThreadHaveKeyword and someInThreadHaveKeyword. */
  keyword?: string;
  /** For from, to and subject; defaults to i;unicode-casemap. */
  collation?: EmailCollation;
}

export interface EmailQuery {
  filter?: EmailFilter;
  sort?: EmailSort[];
  position?: number;
  /** RFC 8620 §5.5: when set, position is ignored; the page starts at anchor's index + anchorOffset. */
  anchor?: EmailId;
  anchorOffset?: number;
  limit?: number;
  /** RFC 8621 §4.4.3: only the first email of each thread (in the sorted order). */
  collapseThreads?: boolean;
  /**
   * RFC 8620 §5.5 calculateTotal; default true. Counting every result costs a full scan of a large
   * match (a common search word), so a caller that shows no count says false.
   */
  calculateTotal?: boolean;
}

export interface EmailQueryResult {
  ids: EmailId[];
  /** Null when the query said calculateTotal: false (and a negative position did not need it). */
  total: number | null;
  position: number;
}

/**
 * What the pub/sub port publishes after a commit: the account's types whose state moved, with
 * their new states (the shape of an RFC 8620 §7.1 StateChange for one account).
 */
export interface StateChange {
  accountId: AccountId;
  changed: Partial<Record<ChangeType, State>>;
}

/** A state is an opaque string to clients; here, the change-log sequence for that type. */
export type State = string;

export interface Changes<I extends string> {
  oldState: State;
  newState: State;
  hasMoreChanges: boolean;
  created: I[];
  updated: I[];
  destroyed: I[];
}

/**
 * An extra address that delivers to one account. `@domain` (isCatchAll) takes every address of the
 * domain that no account or alias has.
 */
export interface Alias {
  /** Lower-cased: "sales@example.test", or "@example.test" for a catch-all. */
  address: string;
  accountId: AccountId;
  isCatchAll: boolean;
  createdAt: Date;
}

/** A snoozed email and when it comes back. */
export interface SnoozedEmail {
  emailId: EmailId;
  until: Date;
  /** Where it goes back to when it wakes (those that still exist then; else the Inbox). */
  mailboxIds: MailboxId[];
}

/** RFC 8621 §7: whether a submission may still be canceled (pending: before its sendAt). */
export type UndoStatus = 'pending' | 'final' | 'canceled';

/** RFC 8621 §7 `delivered`: queued (still trying), yes, no (permanently failed), unknown. */
export type Delivered = 'queued' | 'yes' | 'no' | 'unknown';

/** One envelope recipient of a submission: its RFC 8621 §7 DeliveryStatus and its queue state. */
export interface RecipientStatus {
  /** The RCPT TO address. */
  email: string;
  /** The last SMTP reply (RFC 8621 §7 `smtpReply`), e.g. "250 2.0.0 OK"; null before any attempt. */
  smtpReply: string | null;
  delivered: Delivered;
  /** RFC 8621 §7 `displayed`: we never learn it (no MDN tracking yet). */
  displayed: 'unknown' | 'yes';
  attempts: number;
  /** When the worker tries next; null once delivered or failed for good. */
  nextAttemptAt: Date | null;
  lastError: string | null;
}

/** An EmailSubmission (RFC 8621 §7) and its delivery queue, one entry per recipient. */
export interface EmailSubmission {
  id: EmailSubmissionId;
  accountId: AccountId;
  /** Null for system messages (bounces, auto-replies). */
  identityId: string | null;
  /** Null for system messages, which carry only their raw blob. */
  emailId: EmailId | null;
  /** The email's thread when it was submitted (RFC 8621 §7 threadId, immutable); null without an email. */
  threadId: ThreadId | null;
  /** The exact bytes to send; referenced by the account, so they outlive the email. */
  blobId: BlobId;
  /** The SMTP envelope; mailFrom "" is the null reverse-path `<>` (RFC 5321 §4.5.5). */
  envelope: { mailFrom: string; rcptTo: string[] };
  sendAt: Date;
  undoStatus: UndoStatus;
  recipients: RecipientStatus[];
  createdAt: Date;
}

/** One recipient due for a delivery attempt (see `MailStore.dueDeliveries`). */
export interface DueDelivery {
  submissionId: EmailSubmissionId;
  accountId: AccountId;
  blobId: BlobId;
  mailFrom: string;
  rcptTo: string;
  attempts: number;
  sendAt: Date;
}

/** What one delivery attempt to one recipient came to. */
export type DeliveryAttempt =
  | { outcome: 'delivered'; smtpReply: string }
  | { outcome: 'temporary'; smtpReply: string; nextAttemptAt: Date }
  | { outcome: 'permanent'; smtpReply: string };

/** A domain's DKIM signing key (RFC 6376), made on first need. */
export interface DkimKey {
  domain: string;
  selector: string;
  privateKeyPem: string;
  createdAt: Date;
}

/** An address the account may send as, with its defaults (RFC 8621 §6). */
export interface Identity {
  id: IdentityId;
  accountId: AccountId;
  name: string;
  email: string;
  replyTo: Address[] | null;
  bcc: Address[] | null;
  textSignature: string;
  htmlSignature: string;
  /** False for the account's default identity (its own address). */
  mayDelete: boolean;
}

/**
 * A Sieve script of the account (RFC 5228; managed over JMAP, RFC 9661 §2): its text is the blob
 * `blobId`. At most one script of an account is active: the one run on delivery.
 */
export interface SieveScriptRecord {
  id: SieveScriptId;
  accountId: AccountId;
  /** Unique within the account. */
  name: string;
  blobId: BlobId;
  isActive: boolean;
}

/** The account's vacation auto-reply (RFC 8621 §8); one per account. */
export interface VacationResponse {
  isEnabled: boolean;
  fromDate: Date | null;
  toDate: Date | null;
  subject: string | null;
  textBody: string | null;
  htmlBody: string | null;
}

/** RFC 8620 §5.6: what changed in a query's results since an earlier Email state. */
export interface EmailQueryChangesInput {
  filter?: EmailFilter;
  sort?: EmailSort[];
  collapseThreads?: boolean;
  /** The Email state the client's results were computed at (Email/query's queryState). */
  sinceState: State;
  /** More removed + added entries than this is a TooManyChangesError. */
  maxChanges?: number;
}

export interface EmailQueryChanges {
  oldState: State;
  newState: State;
  total: number;
  /** Every email changed since the old state (it may have left or moved): the client drops them. */
  removed: EmailId[];
  /** Those of them now in the results, with their index, in ascending index order. */
  added: { id: EmailId; index: number }[];
}

/** RFC 8621 §5: an email's subject and preview as HTML, the filter's matched terms in <mark>. */
export interface SearchSnippetRecord {
  emailId: EmailId;
  /** Null when no search term matches the subject. */
  subject: string | null;
  /** A fragment of the body around the matches; null when none matches the body. */
  preview: string | null;
}

/** Who a calendar's events count for in free/busy (JMAP Calendars `includeInAvailability`). */
export type CalendarAvailability = 'all' | 'attending' | 'none';

/**
 * A calendar of the account. Every account has exactly one default calendar (`isDefault`), made
 * with the account (backfilled by migration 34); it cannot be destroyed.
 */
export interface Calendar {
  id: CalendarId;
  accountId: AccountId;
  name: string;
  description: string | null;
  /** A CSS colour value, as the client gave it. */
  color: string | null;
  sortOrder: number;
  isSubscribed: boolean;
  isVisible: boolean;
  isDefault: boolean;
  includeInAvailability: CalendarAvailability;
  /** An IANA zone name the client chose for the calendar, or null. */
  timeZone: string | null;
}

/**
 * A calendar event. The store keeps the event document (`data`: a JSON object, JSCalendar for the
 * JMAP engine; the store never reads inside it) and the columns it answers queries by: its
 * calendars (at least one, like an email's mailboxes), `uid` (unique in the account) and the UTC
 * span of the whole series (`utcEnd` null: a recurrence without end).
 */
export interface CalendarEventRecord {
  id: CalendarEventId;
  accountId: AccountId;
  calendarIds: CalendarId[];
  uid: string;
  utcStart: Date;
  utcEnd: Date | null;
  isDraft: boolean;
  isOrigin: boolean;
  data: Record<string, unknown>;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * Which events a range query returns: in any of `calendarIds` (all calendars when absent), whose
 * series span overlaps [after, before) (either bound may be absent), with this `uid` if given.
 */
export interface CalendarEventRange {
  calendarIds?: CalendarId[];
  after?: Date;
  before?: Date;
  uid?: string;
}
