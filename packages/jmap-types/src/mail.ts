import type { Id, UTCDate } from './core.js';

/**
 * RFC 8621 §2: mailbox roles (IANA "IMAP Mailbox Name Attributes", lower-cased; `snoozed` is the
 * registry's \Snoozed).
 */
export type MailboxRole =
  | 'all'
  | 'archive'
  | 'drafts'
  | 'flagged'
  | 'important'
  | 'inbox'
  | 'junk'
  | 'sent'
  | 'subscribed'
  | 'trash'
  | 'snoozed';

/** RFC 8621 §2: MailboxRights. */
export interface MailboxRights {
  mayReadItems: boolean;
  mayAddItems: boolean;
  mayRemoveItems: boolean;
  maySetSeen: boolean;
  maySetKeywords: boolean;
  mayCreateChild: boolean;
  mayRename: boolean;
  mayDelete: boolean;
  maySubmit: boolean;
  /**
   * May change who else may use the mailbox (its `shareWith`). RFC 9670 §4 leaves the rights to
   * each data type; this is the name Stalwart and the JMAP Calendars draft use.
   */
  mayShare: boolean;
}

/** RFC 8621 §2 */
export interface Mailbox {
  id: Id;
  name: string;
  parentId: Id | null;
  role: MailboxRole | null;
  sortOrder: number;
  totalEmails: number;
  unreadEmails: number;
  totalThreads: number;
  unreadThreads: number;
  myRights: MailboxRights;
  isSubscribed: boolean;
  /**
   * RFC 9670 §4: principal id -> the rights given to that principal, or null when not shared.
   * Shown to the owner and to sharees with `mayShare`.
   */
  shareWith: Record<Id, MailboxRights> | null;
}
export type MailboxProperty = keyof Mailbox;

/** RFC 8621 §4.1.2.3 */
export interface EmailAddress {
  name: string | null;
  email: string;
}

/** RFC 8621 §4.1.4 */
export interface EmailBodyPart {
  partId: string | null;
  blobId: Id | null;
  size: number;
  headers?: { name: string; value: string }[];
  name: string | null;
  type: string;
  charset: string | null;
  disposition: string | null;
  cid: string | null;
  language: string[] | null;
  location: string | null;
  subParts?: EmailBodyPart[] | null;
}

/** RFC 8621 §4.1.4 */
export interface EmailBodyValue {
  value: string;
  isEncodingProblem: boolean;
  isTruncated: boolean;
}

/** RFC 8621 §4.1: the Email object (the properties Colibri serves so far). */
export interface Email {
  id: Id;
  blobId: Id;
  threadId: Id;
  mailboxIds: Record<Id, true>;
  keywords: Record<string, true>;
  size: number;
  receivedAt: UTCDate;
  messageId: string[] | null;
  inReplyTo: string[] | null;
  references: string[] | null;
  sender: EmailAddress[] | null;
  from: EmailAddress[] | null;
  to: EmailAddress[] | null;
  cc: EmailAddress[] | null;
  bcc: EmailAddress[] | null;
  replyTo: EmailAddress[] | null;
  subject: string | null;
  sentAt: string | null;
  hasAttachment: boolean;
  preview: string;
  bodyStructure: EmailBodyPart;
  bodyValues: Record<string, EmailBodyValue>;
  textBody: EmailBodyPart[];
  htmlBody: EmailBodyPart[];
  attachments: EmailBodyPart[];
  /** RFC 8621 §4.1.3: the message's header fields, raw values, in order. */
  headers: { name: string; value: string }[];
  /** `Capability.Snooze` only: when the email comes back, or null when it is not snoozed. */
  snoozed?: EmailSnoozed | null;
}
export type EmailProperty = keyof Email;

/**
 * The `snoozed` Email property (`Capability.Snooze`), Cyrus's shape without its optional
 * `moveToMailboxId` and `setKeywords`: the email wakes into the mailboxes it was snoozed from.
 */
export interface EmailSnoozed {
  until: UTCDate;
}

/** RFC 8621 §4.4.1 */
export interface EmailFilterCondition {
  inMailbox?: Id;
  inMailboxOtherThan?: Id[];
  before?: UTCDate;
  after?: UTCDate;
  minSize?: number;
  maxSize?: number;
  allInThreadHaveKeyword?: string;
  someInThreadHaveKeyword?: string;
  noneInThreadHaveKeyword?: string;
  hasKeyword?: string;
  notKeyword?: string;
  hasAttachment?: boolean;
  text?: string;
  from?: string;
  to?: string;
  cc?: string;
  bcc?: string;
  subject?: string;
  body?: string;
  header?: string[];
}

/** RFC 8621 §4.4.2 */
export type EmailSortProperty =
  | 'receivedAt'
  | 'size'
  | 'from'
  | 'to'
  | 'subject'
  | 'sentAt'
  | 'hasKeyword'
  | 'allInThreadHaveKeyword'
  | 'someInThreadHaveKeyword';

/** RFC 8621 §4.2 extra Email/get arguments. */
export interface EmailGetExtraArgs {
  bodyProperties?: string[] | null;
  fetchTextBodyValues?: boolean;
  fetchHTMLBodyValues?: boolean;
  fetchAllBodyValues?: boolean;
  maxBodyValueBytes?: number;
}

/** RFC 8621 §4.4 extra Email/query argument. */
export interface EmailQueryExtraArgs {
  collapseThreads?: boolean;
}

/** RFC 8621 §3 */
export interface Thread {
  id: Id;
  emailIds: Id[];
}

/** The standard keywords of RFC 8621 §4.1.1. */
export const Keyword = {
  Seen: '$seen',
  Flagged: '$flagged',
  Answered: '$answered',
  Draft: '$draft',
  Forwarded: '$forwarded',
} as const;

/** RFC 8621 §5: a SearchSnippet; subject and preview are HTML with matches in <mark>. */
export interface SearchSnippet {
  emailId: Id;
  subject: string | null;
  preview: string | null;
}

/** RFC 8621 §6: an address the user may send from, with its defaults. */
export interface Identity {
  id: Id;
  name: string;
  email: string;
  replyTo: EmailAddress[] | null;
  bcc: EmailAddress[] | null;
  textSignature: string;
  htmlSignature: string;
  mayDelete: boolean;
}
export type IdentityProperty = keyof Identity;

/** RFC 8621 §8: the account's vacation auto-reply; its id is always "singleton". */
export interface VacationResponse {
  id: 'singleton';
  isEnabled: boolean;
  fromDate: UTCDate | null;
  toDate: UTCDate | null;
  subject: string | null;
  textBody: string | null;
  htmlBody: string | null;
}
export type VacationResponseProperty = keyof VacationResponse;
/** RFC 8621 §1.3.2: the account capability for submission. */
export interface SubmissionAccountCapability {
  /** Seconds a submission may be held before release (0: no delayed send). */
  maxDelayedSend: number;
  /** SMTP submission extensions: EHLO name -> its arguments (e.g. FUTURERELEASE, RFC 4865). */
  submissionExtensions: Record<string, string[]>;
}

/** RFC 8621 §7: an SMTP envelope address, with its ESMTP parameters (null: none). */
export interface EmailSubmissionAddress {
  email: string;
  parameters: Record<string, string | null> | null;
}

/** RFC 8621 §7: the SMTP envelope of a submission. */
export interface Envelope {
  mailFrom: EmailSubmissionAddress;
  rcptTo: EmailSubmissionAddress[];
}

/** RFC 8621 §7: what is known of the delivery to one recipient. */
export interface DeliveryStatus {
  smtpReply: string;
  delivered: 'queued' | 'yes' | 'no' | 'unknown';
  displayed: 'unknown' | 'yes';
}

/** RFC 8621 §7: an EmailSubmission. */
export interface EmailSubmission {
  id: Id;
  identityId: Id;
  emailId: Id;
  threadId: Id;
  envelope: Envelope | null;
  sendAt: UTCDate;
  undoStatus: 'pending' | 'final' | 'canceled';
  deliveryStatus: Record<string, DeliveryStatus> | null;
  dsnBlobIds: Id[];
  mdnBlobIds: Id[];
}
export type EmailSubmissionProperty = keyof EmailSubmission;

/** RFC 8621 §7.3: EmailSubmission/query filter. */
export interface EmailSubmissionFilterCondition {
  identityIds?: Id[];
  emailIds?: Id[];
  threadIds?: Id[];
  undoStatus?: EmailSubmission['undoStatus'];
  before?: UTCDate;
  after?: UTCDate;
}

/** RFC 8621 §7.3: EmailSubmission/query sort properties. */
export type EmailSubmissionSortProperty = 'emailId' | 'threadId' | 'sentAt';

/** RFC 8621 §7.5: the extra EmailSubmission/set arguments. */
export interface EmailSubmissionSetExtraArgs {
  onSuccessUpdateEmail?: Record<Id, Record<string, unknown>> | null;
  onSuccessDestroyEmail?: Id[] | null;
}
