export { Capability } from './capabilities.js';
export type {
  CapabilityUrn,
  CoreCapability,
  MailAccountCapability,
  SnoozeAccountCapability,
} from './capabilities.js';
export { MethodErrorType, RequestErrorType } from './core.js';
export type {
  ChangesArgs,
  ChangesResult,
  Comparator,
  FilterOperator,
  GetArgs,
  GetResult,
  Id,
  Invocation,
  JmapRequest,
  JmapResponse,
  MethodError,
  PatchObject,
  ProblemDetails,
  QueryArgs,
  QueryResult,
  ResultReference,
  Session,
  SessionAccount,
  SetArgs,
  SetError,
  SetResult,
  UTCDate,
} from './core.js';
export { Keyword } from './mail.js';
export type {
  Email,
  EmailAddress,
  EmailBodyPart,
  EmailBodyValue,
  EmailFilterCondition,
  EmailGetExtraArgs,
  EmailProperty,
  EmailQueryExtraArgs,
  EmailSnoozed,
  EmailSortProperty,
  Mailbox,
  MailboxProperty,
  MailboxRights,
  MailboxRole,
  Thread,
} from './mail.js';
export type { MailboxFilterCondition, MethodArgs, MethodName, MethodResult, Methods } from './methods.js';
export type { PushSubscriptionMethods, PushSubscriptionWire } from './methods.js';
export type { AddedItem, QueryChangesArgs, QueryChangesResult } from './core.js';
export type { SearchSnippet } from './mail.js';
export type { Identity, IdentityProperty, VacationResponse, VacationResponseProperty } from './mail.js';
export type {
  Quota,
  QuotaFilterCondition,
  QuotaProperty,
  QuotaResourceType,
  QuotaScope,
  QuotaSortProperty,
} from './quota.js';
export type {
  BlobAccountCapability,
  BlobCreated,
  BlobGetItem,
  BlobLookupItem,
  DataSourceObject,
  EmailImport,
  UploadObject,
} from './blob.js';
export type { Mdn, MdnDisposition, MdnMethods } from './mdn.js';
export type {
  SieveAccountCapability,
  SieveMethods,
  SieveScript,
  SieveScriptFilterCondition,
  SieveScriptProperty,
  SieveScriptSetExtraArgs,
  SieveScriptSortProperty,
} from './sieve.js';
export type {
  Principal as JmapPrincipal,
  PrincipalFilterCondition,
  BusyPeriod,
  GetAvailabilityArgs,
  PrincipalProperty,
  PrincipalType,
  PrincipalsAccountCapability,
  PrincipalsOwnerAccountCapability,
  ShareNotification,
  ShareNotificationFilterCondition,
  ShareNotificationProperty,
} from './principal.js';
export type {
  DeliveryStatus,
  EmailSubmission,
  EmailSubmissionAddress,
  EmailSubmissionFilterCondition,
  EmailSubmissionProperty,
  EmailSubmissionSetExtraArgs,
  EmailSubmissionSortProperty,
  Envelope,
  SubmissionAccountCapability,
} from './mail.js';
export type {
  Calendar,
  CalendarEvent,
  CalendarEventFilterCondition,
  CalendarEventGetExtraArgs,
  CalendarEventProperty,
  CalendarEventQueryExtraArgs,
  CalendarEventSortProperty,
  CalendarMethods,
  CalendarProperty,
  CalendarRights,
  CalendarSetExtraArgs,
  CalendarsAccountCapability,
  ParticipantIdentity,
  ParticipantIdentityProperty,
} from './calendars.js';
export type {
  Alert as JSCalendarAlert,
  Duration as JSCalendarDuration,
  JSCalendarEvent,
  LocalDateTime,
  Location as JSCalendarLocation,
  NDay,
  Participant as JSCalendarParticipant,
  ParticipantRole,
  ParticipationStatus,
  RecurrenceRule,
  VirtualLocation as JSCalendarVirtualLocation,
} from './jscalendar.js';
export type {
  CalendarEventProposal,
  CalendarEventProposalProperty,
  CalendarProposalMethods,
} from './calendar-proposals.js';
export type {
  CalendarEventNotification,
  CalendarEventNotificationFilterCondition,
  CalendarEventNotificationPerson,
  CalendarEventNotificationProperty,
  CalendarNotificationMethods,
} from './calendar-notifications.js';
// RFC 9610 JMAP Contacts, with RFC 9553 JSContact cards.
export type {
  Address,
  AddressBook,
  AddressBookProperty,
  AddressBookRights,
  AddressBookSetExtraArgs,
  AddressComponent,
  Card,
  ContactCard,
  ContactCardFilterCondition,
  ContactCardProperty,
  ContactCardSortProperty,
  ContactsAccountCapability,
  ContactsMethods,
  Contexts,
  EmailAddress as CardEmailAddress,
  Name as CardName,
  NameComponent,
  Nickname,
  Note as CardNote,
  OnlineService,
  Organization,
  Phone,
  Title as CardTitle,
} from './contacts.js';
