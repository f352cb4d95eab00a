import type { CoreCapability, MailAccountCapability } from '@colibri/jmap-types';
import { mailboxLimits } from '@colibri/mail-store';

const MB = 1024 * 1024;

/** RFC 8620 §2: the limits announced in the core capability unless the caller overrides them. */
export const DEFAULT_CORE_LIMITS: CoreCapability = {
  maxSizeUpload: 50 * MB,
  maxConcurrentUpload: 4,
  maxSizeRequest: 10 * MB,
  maxConcurrentRequests: 8,
  maxCallsInRequest: 32,
  maxObjectsInGet: 500,
  maxObjectsInSet: 500,
  collationAlgorithms: ['i;ascii-numeric', 'i;ascii-casemap', 'i;unicode-casemap'],
};

/** RFC 8620 §5.5: the server's cap on an Email/query `limit`; a larger (or null) limit is clamped. */
export const MAX_QUERY_LIMIT = 1000;

/** The sort properties Email/query supports (RFC 8621 §4.4.2), announced in the account capability. */
export const EMAIL_SORT_PROPERTIES = [
  'receivedAt',
  'sentAt',
  'size',
  'from',
  'to',
  'subject',
  'hasKeyword',
  'allInThreadHaveKeyword',
  'someInThreadHaveKeyword',
] as const;

/** RFC 8621 §1.3.1 */
export const MAIL_ACCOUNT_CAPABILITY: MailAccountCapability = {
  maxMailboxesPerEmail: null,
  // The store refuses deeper trees (Mailbox/set: invalidProperties on parentId).
  maxMailboxDepth: mailboxLimits.maxDepth,
  maxSizeMailboxName: 255,
  maxSizeAttachmentsPerEmail: 50 * MB,
  emailQuerySortOptions: [...EMAIL_SORT_PROPERTIES],
  mayCreateTopLevelMailbox: true,
};
