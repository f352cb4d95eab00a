import type {
  ChangesArgs,
  ChangesResult,
  GetArgs,
  GetResult,
  QueryArgs,
  QueryChangesArgs,
  QueryChangesResult,
  QueryResult,
  SetArgs,
  SetResult,
} from './core.js';
import type { Identity, IdentityProperty, VacationResponse, VacationResponseProperty } from './mail.js';
import type { Quota, QuotaFilterCondition, QuotaProperty, QuotaSortProperty } from './quota.js';
import type { BlobMethods } from './blob.js';
import type { MdnMethods } from './mdn.js';
import type { SieveMethods } from './sieve.js';
import type { PrincipalMethods } from './principal.js';
import type { CalendarMethods } from './calendars.js';
import type { CalendarProposalMethods } from './calendar-proposals.js';
import type { CalendarNotificationMethods } from './calendar-notifications.js';
import type { ContactsMethods } from './contacts.js';
import type {
  Email,
  EmailFilterCondition,
  EmailGetExtraArgs,
  EmailProperty,
  EmailQueryExtraArgs,
  EmailSortProperty,
  EmailSubmission,
  EmailSubmissionFilterCondition,
  EmailSubmissionProperty,
  EmailSubmissionSetExtraArgs,
  EmailSubmissionSortProperty,
  Mailbox,
  MailboxProperty,
  SearchSnippet,
  Thread,
} from './mail.js';

/** RFC 8621 §2.3: Mailbox/query filter. */
export interface MailboxFilterCondition {
  parentId?: string | null;
  name?: string;
  role?: string | null;
  hasAnyRole?: boolean;
  isSubscribed?: boolean;
}

/**
 * The method map: request and response arguments by method name. Clients and the server both
 * derive their types from it, so a method name typo or a wrong argument is a compile error.
 */
export interface Methods
  extends
    BlobMethods,
    MdnMethods,
    PushSubscriptionMethods,
    SieveMethods,
    PrincipalMethods,
    CalendarMethods,
    CalendarProposalMethods,
    CalendarNotificationMethods,
    ContactsMethods {
  'Core/echo': { args: Record<string, unknown>; result: Record<string, unknown> };
  'Mailbox/get': { args: GetArgs<MailboxProperty>; result: GetResult<Partial<Mailbox>> };
  'Mailbox/changes': { args: ChangesArgs; result: ChangesResult & { updatedProperties: string[] | null } };
  'Mailbox/set': { args: SetArgs<Mailbox> & { onDestroyRemoveEmails?: boolean }; result: SetResult<Mailbox> };
  'Mailbox/query': {
    args: QueryArgs<MailboxFilterCondition> & { sortAsTree?: boolean; filterAsTree?: boolean };
    result: QueryResult;
  };
  'Mailbox/queryChanges': {
    args: QueryChangesArgs<MailboxFilterCondition> & { sortAsTree?: boolean; filterAsTree?: boolean };
    result: QueryChangesResult;
  };
  'Thread/get': { args: GetArgs<keyof Thread>; result: GetResult<Thread> };
  'Thread/changes': { args: ChangesArgs; result: ChangesResult };
  'Email/get': {
    args: GetArgs<EmailProperty | string> & EmailGetExtraArgs;
    result: GetResult<Partial<Email>>;
  };
  'Email/changes': { args: ChangesArgs; result: ChangesResult };
  'Email/query': {
    args: QueryArgs<EmailFilterCondition, EmailSortProperty> &
      EmailQueryExtraArgs & {
        sort?:
          | { property: EmailSortProperty; isAscending?: boolean; keyword?: string; collation?: string }[]
          | null;
      };
    result: QueryResult;
  };
  'Email/set': { args: SetArgs<Email>; result: SetResult<Email> };
  'Email/queryChanges': {
    args: QueryChangesArgs<EmailFilterCondition, EmailSortProperty> & EmailQueryExtraArgs;
    result: QueryChangesResult;
  };
  'EmailSubmission/get': {
    args: GetArgs<EmailSubmissionProperty>;
    result: GetResult<Partial<EmailSubmission>>;
  };
  'EmailSubmission/changes': { args: ChangesArgs; result: ChangesResult };
  'EmailSubmission/query': {
    args: QueryArgs<EmailSubmissionFilterCondition, EmailSubmissionSortProperty>;
    result: QueryResult;
  };
  'EmailSubmission/queryChanges': {
    args: QueryChangesArgs<EmailSubmissionFilterCondition, EmailSubmissionSortProperty>;
    result: QueryChangesResult;
  };
  'EmailSubmission/set': {
    args: SetArgs<EmailSubmission> & EmailSubmissionSetExtraArgs;
    result: SetResult<EmailSubmission>;
  };
  'SearchSnippet/get': {
    args: { accountId: string; filter?: unknown; emailIds: string[] };
    result: { accountId: string; list: SearchSnippet[]; notFound: string[] | null };
  };
  // RFC 8621 §6, §8 and RFC 9425 §4: identities, the vacation response, quotas.
  'Identity/get': { args: GetArgs<IdentityProperty>; result: GetResult<Partial<Identity>> };
  'Identity/changes': { args: ChangesArgs; result: ChangesResult };
  'Identity/set': { args: SetArgs<Identity>; result: SetResult<Identity> };
  'VacationResponse/get': {
    args: GetArgs<VacationResponseProperty>;
    result: GetResult<Partial<VacationResponse>>;
  };
  'VacationResponse/set': { args: SetArgs<VacationResponse>; result: SetResult<VacationResponse> };
  'Quota/get': { args: GetArgs<QuotaProperty>; result: GetResult<Partial<Quota>> };
  'Quota/changes': { args: ChangesArgs; result: ChangesResult & { updatedProperties: string[] | null } };
  'Quota/query': { args: QueryArgs<QuotaFilterCondition, QuotaSortProperty>; result: QueryResult };
  'Quota/queryChanges': {
    args: QueryChangesArgs<QuotaFilterCondition, QuotaSortProperty>;
    result: QueryChangesResult;
  };
}
/** RFC 8620 §7.2: a PushSubscription as the client sees it (url and keys are never returned). */
export interface PushSubscriptionWire {
  id: string;
  deviceClientId: string;
  url: string;
  keys: { p256dh: string; auth: string } | null;
  verificationCode: string | null;
  expires: string | null;
  types: string[] | null;
}

/** RFC 8620 §7.2.1-§7.2.2: no accountId and no state, the subscriptions are the principal's. */
export interface PushSubscriptionMethods {
  'PushSubscription/get': {
    args: { ids?: string[] | null; properties?: string[] | null };
    result: { list: Partial<PushSubscriptionWire>[]; notFound: string[] };
  };
  'PushSubscription/set': {
    args: Omit<SetArgs<PushSubscriptionWire>, 'accountId' | 'ifInState'>;
    result: Omit<SetResult<PushSubscriptionWire>, 'accountId' | 'oldState' | 'newState'>;
  };
}

export type MethodName = keyof Methods;
export type MethodArgs<M extends MethodName> = Methods[M]['args'];
export type MethodResult<M extends MethodName> = Methods[M]['result'];
