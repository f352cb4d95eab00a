import { Capability } from '@colibri/jmap-types';
import type { CapabilityUrn, MethodName } from '@colibri/jmap-types';
import type { MethodContext, MethodHandler } from '../method-context.js';
import { blobCopy } from './blob/copy.js';
import { blobGet } from './blob/get.js';
import { blobLookup } from './blob/lookup.js';
import { blobUpload } from './blob/upload.js';
import { coreEcho } from './core/echo.js';
import { emailChanges } from './email/changes.js';
import { emailCopy } from './email/copy.js';
import { emailGet } from './email/get.js';
import { emailImport } from './email/import.js';
import { emailParse } from './email/parse.js';
import { emailQuery } from './email/query.js';
import { emailQueryChanges } from './email/query-changes.js';
import { emailSet } from './email/set.js';
import { emailSubmissionChanges } from './email-submission/changes.js';
import { emailSubmissionGet } from './email-submission/get.js';
import { emailSubmissionQuery } from './email-submission/query.js';
import { emailSubmissionQueryChanges } from './email-submission/query-changes.js';
import { emailSubmissionSet } from './email-submission/set.js';
import { mailboxChanges } from './mailbox/changes.js';
import { mailboxGet } from './mailbox/get.js';
import { mailboxQuery } from './mailbox/query.js';
import { mailboxQueryChanges } from './mailbox/query-changes.js';
import { mailboxSet } from './mailbox/set.js';
import { searchSnippetGet } from './search-snippet/get.js';
import { threadChanges } from './thread/changes.js';
import { threadGet } from './thread/get.js';
import { identityChanges } from './identity/changes.js';
import { identityGet } from './identity/get.js';
import { identitySet } from './identity/set.js';
import { quotaChanges } from './quota/changes.js';
import { quotaGet } from './quota/get.js';
import { quotaQuery } from './quota/query.js';
import { quotaQueryChanges } from './quota/query-changes.js';
import { vacationResponseGet } from './vacation-response/get.js';
import { vacationResponseSet } from './vacation-response/set.js';
import { mdnParse } from './mdn/parse.js';
import { mdnSend } from './mdn/send.js';
import { pushSubscriptionGet } from './push-subscription/get.js';
import { pushSubscriptionSet } from './push-subscription/set.js';
import { sieveScriptChanges } from './sieve-script/changes.js';
import { sieveScriptGet } from './sieve-script/get.js';
import { sieveScriptQuery } from './sieve-script/query.js';
import { sieveScriptQueryChanges } from './sieve-script/query-changes.js';
import { sieveScriptSet } from './sieve-script/set.js';
import { sieveScriptValidate } from './sieve-script/validate.js';
import { principalChanges } from './principal/changes.js';
import { principalGet } from './principal/get.js';
import { principalGetAvailability } from './principal/get-availability.js';
import { principalQuery, principalQueryChanges } from './principal/query.js';
import { principalSet } from './principal/set.js';
import { shareNotificationChanges, shareNotificationGet } from './share-notification/get.js';
import {
  shareNotificationQuery,
  shareNotificationQueryChanges,
  shareNotificationSet,
} from './share-notification/query-and-set.js';

import { calendarChanges } from './calendar/changes.js';
import { calendarGet } from './calendar/get.js';
import { calendarSet } from './calendar/set.js';
import { calendarEventChanges } from './calendar-event/changes.js';
import { calendarEventGet } from './calendar-event/get.js';
import { calendarEventQuery } from './calendar-event/query.js';
import { calendarEventQueryChanges } from './calendar-event/query-changes.js';
import { calendarEventSet } from './calendar-event/set.js';
import { participantIdentityChanges, participantIdentityGet } from './participant-identity/get.js';
import { calendarEventProposalGet } from './calendar-event-proposal/get.js';
import { calendarEventProposalSet } from './calendar-event-proposal/set.js';
import { addressBookChanges } from './address-book/changes.js';
import { addressBookGet } from './address-book/get.js';
import { addressBookSet } from './address-book/set.js';
import { contactCardChanges } from './contact-card/changes.js';
import { contactCardCopy } from './contact-card/copy.js';
import { contactCardGet } from './contact-card/get.js';
import { contactCardQuery } from './contact-card/query.js';
import { contactCardQueryChanges } from './contact-card/query-changes.js';
import { contactCardSet } from './contact-card/set.js';
import {
  calendarEventNotificationChanges,
  calendarEventNotificationGet,
} from './calendar-event-notification/get.js';
import {
  calendarEventNotificationQuery,
  calendarEventNotificationQueryChanges,
  calendarEventNotificationSet,
} from './calendar-event-notification/query-and-set.js';

interface MethodEntry<M extends MethodName> {
  /** The capability that must be in the request's `using` (RFC 8620 §3.3). */
  capability: CapabilityUrn;
  handler: MethodHandler<M>;
}

/** Dispatch: method name -> handler, one file per method (STYLE 2). */
const METHODS: { readonly [M in MethodName]?: MethodEntry<M> } = {
  'Core/echo': { capability: Capability.Core, handler: coreEcho },
  // RFC 8620 §7.2: no accountId, the principal's own subscriptions.
  'PushSubscription/get': { capability: Capability.Core, handler: pushSubscriptionGet },
  'PushSubscription/set': { capability: Capability.Core, handler: pushSubscriptionSet },
  // RFC 9670 §2
  'Principal/get': { capability: Capability.Principals, handler: principalGet },
  'Principal/changes': { capability: Capability.Principals, handler: principalChanges },
  'Principal/set': { capability: Capability.Principals, handler: principalSet },
  'Principal/query': { capability: Capability.Principals, handler: principalQuery },
  'Principal/queryChanges': { capability: Capability.Principals, handler: principalQueryChanges },
  // JMAP Calendars §2.2: defined by the calendars capability.
  'Principal/getAvailability': { capability: Capability.Calendars, handler: principalGetAvailability },
  // RFC 9670 §3
  'ShareNotification/get': { capability: Capability.Principals, handler: shareNotificationGet },
  'ShareNotification/changes': { capability: Capability.Principals, handler: shareNotificationChanges },
  'ShareNotification/set': { capability: Capability.Principals, handler: shareNotificationSet },
  'ShareNotification/query': { capability: Capability.Principals, handler: shareNotificationQuery },
  'ShareNotification/queryChanges': {
    capability: Capability.Principals,
    handler: shareNotificationQueryChanges,
  },
  'Mailbox/get': { capability: Capability.Mail, handler: mailboxGet },
  'Mailbox/changes': { capability: Capability.Mail, handler: mailboxChanges },
  'Mailbox/set': { capability: Capability.Mail, handler: mailboxSet },
  'Mailbox/query': { capability: Capability.Mail, handler: mailboxQuery },
  'Mailbox/queryChanges': { capability: Capability.Mail, handler: mailboxQueryChanges },
  'Email/get': { capability: Capability.Mail, handler: emailGet },
  'Email/query': { capability: Capability.Mail, handler: emailQuery },
  'Email/queryChanges': { capability: Capability.Mail, handler: emailQueryChanges },
  'Email/changes': { capability: Capability.Mail, handler: emailChanges },
  'Email/set': { capability: Capability.Mail, handler: emailSet },
  'Thread/get': { capability: Capability.Mail, handler: threadGet },
  'Thread/changes': { capability: Capability.Mail, handler: threadChanges },
  'SearchSnippet/get': { capability: Capability.Mail, handler: searchSnippetGet },
  // RFC 8621 §6: Identity methods belong to the submission capability.
  'Identity/get': { capability: Capability.Submission, handler: identityGet },
  'Identity/changes': { capability: Capability.Submission, handler: identityChanges },
  'Identity/set': { capability: Capability.Submission, handler: identitySet },
  'VacationResponse/get': { capability: Capability.VacationResponse, handler: vacationResponseGet },
  'VacationResponse/set': { capability: Capability.VacationResponse, handler: vacationResponseSet },
  'Quota/get': { capability: Capability.Quota, handler: quotaGet },
  'Quota/changes': { capability: Capability.Quota, handler: quotaChanges },
  'Quota/query': { capability: Capability.Quota, handler: quotaQuery },
  'Quota/queryChanges': { capability: Capability.Quota, handler: quotaQueryChanges },
  // RFC 8621 §4.7-4.9, RFC 8620 §6.3 (Blob/copy is core) and RFC 9404.
  'Email/import': { capability: Capability.Mail, handler: emailImport },
  'Email/parse': { capability: Capability.Mail, handler: emailParse },
  'Email/copy': { capability: Capability.Mail, handler: emailCopy },
  'Blob/copy': { capability: Capability.Core, handler: blobCopy },
  'Blob/upload': { capability: Capability.Blob, handler: blobUpload },
  'Blob/get': { capability: Capability.Blob, handler: blobGet },
  'Blob/lookup': { capability: Capability.Blob, handler: blobLookup },
  // RFC 8621 §7: EmailSubmission, under the submission capability.
  'EmailSubmission/get': { capability: Capability.Submission, handler: emailSubmissionGet },
  'EmailSubmission/changes': { capability: Capability.Submission, handler: emailSubmissionChanges },
  'EmailSubmission/query': { capability: Capability.Submission, handler: emailSubmissionQuery },
  'EmailSubmission/queryChanges': { capability: Capability.Submission, handler: emailSubmissionQueryChanges },
  'EmailSubmission/set': { capability: Capability.Submission, handler: emailSubmissionSet },
  // RFC 9007 §2: MDN/send and MDN/parse, under the mdn capability.
  'MDN/send': { capability: Capability.Mdn, handler: mdnSend },
  'MDN/parse': { capability: Capability.Mdn, handler: mdnParse },
  // RFC 9661 §2: SieveScript, under the sieve capability.
  'SieveScript/get': { capability: Capability.Sieve, handler: sieveScriptGet },
  'SieveScript/changes': { capability: Capability.Sieve, handler: sieveScriptChanges },
  'SieveScript/query': { capability: Capability.Sieve, handler: sieveScriptQuery },
  'SieveScript/queryChanges': { capability: Capability.Sieve, handler: sieveScriptQueryChanges },
  'SieveScript/set': { capability: Capability.Sieve, handler: sieveScriptSet },
  'SieveScript/validate': { capability: Capability.Sieve, handler: sieveScriptValidate },
  // JMAP Calendars (draft-ietf-jmap-calendars) §3-§5.
  'Calendar/get': { capability: Capability.Calendars, handler: calendarGet },
  'Calendar/changes': { capability: Capability.Calendars, handler: calendarChanges },
  'Calendar/set': { capability: Capability.Calendars, handler: calendarSet },
  'CalendarEvent/get': { capability: Capability.Calendars, handler: calendarEventGet },
  'CalendarEvent/changes': { capability: Capability.Calendars, handler: calendarEventChanges },
  'CalendarEvent/set': { capability: Capability.Calendars, handler: calendarEventSet },
  'CalendarEvent/query': { capability: Capability.Calendars, handler: calendarEventQuery },
  'CalendarEvent/queryChanges': { capability: Capability.Calendars, handler: calendarEventQueryChanges },
  'ParticipantIdentity/get': { capability: Capability.Calendars, handler: participantIdentityGet },
  // JMAP Calendars §7
  'CalendarEventNotification/get': {
    capability: Capability.Calendars,
    handler: calendarEventNotificationGet,
  },
  'CalendarEventNotification/changes': {
    capability: Capability.Calendars,
    handler: calendarEventNotificationChanges,
  },
  'CalendarEventNotification/set': {
    capability: Capability.Calendars,
    handler: calendarEventNotificationSet,
  },
  'CalendarEventNotification/query': {
    capability: Capability.Calendars,
    handler: calendarEventNotificationQuery,
  },
  'CalendarEventNotification/queryChanges': {
    capability: Capability.Calendars,
    handler: calendarEventNotificationQueryChanges,
  },
  'ParticipantIdentity/changes': { capability: Capability.Calendars, handler: participantIdentityChanges },
  // Colibri's counter-proposals extension (CONTEXT.md).
  'CalendarEventProposal/get': {
    capability: Capability.CalendarProposals,
    handler: calendarEventProposalGet,
  },
  'CalendarEventProposal/set': {
    capability: Capability.CalendarProposals,
    handler: calendarEventProposalSet,
  },
  // RFC 9610: AddressBook and ContactCard, under the contacts capability.
  'AddressBook/get': { capability: Capability.Contacts, handler: addressBookGet },
  'AddressBook/changes': { capability: Capability.Contacts, handler: addressBookChanges },
  'AddressBook/set': { capability: Capability.Contacts, handler: addressBookSet },
  'ContactCard/get': { capability: Capability.Contacts, handler: contactCardGet },
  'ContactCard/changes': { capability: Capability.Contacts, handler: contactCardChanges },
  'ContactCard/set': { capability: Capability.Contacts, handler: contactCardSet },
  'ContactCard/query': { capability: Capability.Contacts, handler: contactCardQuery },
  'ContactCard/queryChanges': { capability: Capability.Contacts, handler: contactCardQueryChanges },
  'ContactCard/copy': { capability: Capability.Contacts, handler: contactCardCopy },
};

export interface FoundMethod {
  capability: CapabilityUrn;
  handler: (args: Record<string, unknown>, ctx: MethodContext) => Promise<Record<string, unknown>>;
}

function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(METHODS, name);
}

/** The handler for a wire method name, or undefined when the server does not know it. */
export function findMethod(name: string): FoundMethod | undefined {
  if (!isMethodName(name)) return undefined;
  const entry = METHODS[name] as MethodEntry<MethodName> | undefined;
  if (entry === undefined) return undefined;
  // Results are typed per method in the table; on the wire they are plain argument objects.
  return { capability: entry.capability, handler: entry.handler as FoundMethod['handler'] };
}
