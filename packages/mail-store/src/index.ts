export { openMailStore } from './open-mail-store.js';
export { enableDeliveryTimings, timings as deliveryTimings } from './delivery-timings.js';
export type { DeliveryTimings } from './delivery-timings.js';
export type { OpenMailStoreOptions } from './open-mail-store.js';
export type {
  BatchImportInput,
  BatchImportResult,
  CreateAccountInput,
  CreateIdentityInput,
  CreateSieveScriptInput,
  CreateMailboxInput,
  CreateSubmissionInput,
  BlobSweep,
  GarbageCollectionOptions,
  GarbageCollectionResult,
  ImportMessageInput,
  ImportMessageStreamInput,
  IntegrityOptions,
  IntegrityProblem,
  IntegrityReport,
  IntegrityWarning,
  MailStore,
  Quota,
  QuotaLimits,
  Upload,
  UpdateIdentityInput,
  UpdateSieveScriptInput,
} from './mail-store.js';
export type {
  Account,
  AccountId,
  Address,
  BlobId,
  BodyPart,
  ChangeType,
  Changes,
  Domain,
  DomainId,
  EmailFilter,
  EmailFilterCondition,
  EmailFilterOperator,
  EmailSortProperty,
  EmailCollation,
  EmailQueryChanges,
  SearchSnippetRecord,
  EmailQueryChangesInput,
  EmailId,
  EmailQuery,
  EmailQueryResult,
  EmailRecord,
  EmailSummary,
  EmailPartFields,
  EmailSort,
  EmailSubmission,
  EmailSubmissionId,
  DeliveryAttempt,
  Delivered,
  DkimKey,
  DueDelivery,
  RecipientStatus,
  UndoStatus,
  Mailbox,
  MailboxAccess,
  MailboxCounts,
  MailboxId,
  MailboxRightName,
  MailboxShare,
  CollectionRights,
  CollectionShare,
  SharedCollectionKind,
  ShareNotification,
  ShareNotificationId,
  MailboxRole,
  State,
  StateChange,
  ThreadId,
  Alias,
  SnoozedEmail,
  Identity,
  IdentityId,
  SieveScriptId,
  SieveScriptRecord,
  VacationResponse,
} from './model.js';
export {
  AlreadyExistsError,
  CannotCalculateChangesError,
  InvalidInputError,
  NotFoundError,
  QuotaExceededError,
  StoreError,
  TooLargeError,
  AliasConflictError,
  DomainInUseError,
  DomainNotOursError,
  ForbiddenError,
  ForbiddenFromError,
} from './errors.js';
export type { QuotaLimit } from './errors.js';
export { toAccountId, toDomainId, toEmailId, toMailboxId, toThreadId } from './ids.js';
export { ADDRESS_BOOK_RIGHT_NAMES, CALENDAR_RIGHT_NAMES, MAILBOX_RIGHT_NAMES } from './model.js';
export { collectionShareLimits } from './sqlite/collection-shares.js';
export { mailboxShareLimits } from './sqlite/mailbox-shares.js';
export { shareNotificationLimits } from './sqlite/share-notifications.js';
export { toBlobId } from './blobs/blob-id.js';
export type { BlobStore, StoredBlob } from './blobs/blob-store.js';
// Ports beside BlobStore (STYLE 13), and the backend-neutral pieces their implementations share.
export type { Answer, CallMode } from './ports/call-mode.js';
export type { ChangeEntry, ChangeKind, ChangeLog } from './ports/change-log.js';
export type {
  SearchDocument,
  SearchField,
  SearchHighlight,
  SearchIndex,
  TextCondition,
} from './ports/search-index.js';
export { changesFromLog } from './change-log/changes-from-log.js';
export type { LoggedChange, LogView } from './change-log/changes-from-log.js';
export { searchTerms, maxSearchTerms } from './search/search-terms.js';
export { markClose, markedToHtml, markOpen } from './search/marked-html.js';
export { mimeLimits } from './mime/limits.js';
export { maxQueryLimit } from './sqlite/query-emails.js';
export { maxLocalPartLength } from './sqlite/aliases.js';
export { maxSnoozeMs, maxWakesPerRun } from './sqlite/snoozes.js';
export { CannotUnsendError } from './errors.js';
export { toEmailSubmissionId } from './ids.js';
export { submissionLimits } from './sqlite/submissions.js';
export { dkimKeyBits, dkimSelector } from './sqlite/dkim-keys.js';
export { dkimDnsRecord } from './dkim-record.js';
export { deliveryStatusReport, statusOfReply } from './compose/delivery-status.js';
export type { DeliveryStatusInput, FailedRecipient } from './compose/delivery-status.js';
export {
  actionModes,
  dispositionNotification,
  dispositionRequest,
  dispositionTypes,
  extensionFieldName,
  mdnLimits,
  sendingModes,
  standardMdnFields,
} from './compose/disposition-notification.js';
export type {
  Disposition,
  DispositionNotificationInput,
  DispositionRequest,
} from './compose/disposition-notification.js';
export { readDispositionReport } from './mime/disposition-report.js';
export type { DispositionReport } from './mime/disposition-report.js';
export { defaultUploadTtlMs, maxUploadBytes } from './sqlite/uploads.js';
export { blobGcIdleMs } from './sqlite/blob-in-use.js';
export { looksLikeMessage } from './sqlite/parse-blob.js';
export type { ParseBlobResult, ParsedEmail } from './sqlite/parse-blob.js';
export type { BlobUsers } from './sqlite/blob-lookup.js';
export { blobSweepLimits } from './sqlite/sweep-unnamed-blobs.js';
export { toIdentityId, toShareNotificationId, toSieveScriptId } from './ids.js';
export { toCalendarEventId, toCalendarId } from './ids.js';
export type {
  Calendar,
  CalendarAvailability,
  CalendarEventId,
  CalendarEventRange,
  CalendarEventRecord,
  CalendarId,
} from './model.js';
export type { CalendarEventInput, CalendarInput } from './mail-store.js';
export {
  CalendarFieldError,
  CalendarHasEventsError,
  calendarLimits,
  defaultCalendarName,
} from './sqlite/calendars/calendars.js';
export {
  CalendarEventFieldError,
  EventUidTakenError,
  calendarEventLimits,
} from './sqlite/calendars/calendar-events.js';
export { toCalendarEventNotificationId } from './ids.js';
export type {
  CalendarEventNotification,
  CalendarEventNotificationAuthor,
  CalendarEventNotificationId,
  CalendarEventNotificationInput,
} from './model.js';
export { calendarEventNotificationLimits } from './sqlite/calendars/event-notifications.js';
export type {
  BuildOptions,
  BuiltMessage,
  OutgoingAttachment,
  OutgoingMessage,
} from './compose/outgoing-message.js';
export { buildMessage, composeLimits } from './compose/build-message.js';
export { buildMimeTree, treeLimits } from './compose/build-tree.js';
export type {
  OutgoingTree,
  TreeAddress,
  TreeHeader,
  TreeHeaderValue,
  TreePart,
} from './compose/build-tree.js';
export { identityLimits } from './sqlite/identities.js';
export { sieveScriptLimits } from './sqlite/sieve-scripts.js';
export { vacationLimits, vacationResponseId } from './sqlite/vacation.js';
export { pushSubscriptionLimits } from './sqlite/push-subscriptions.js';
export { DEFAULT_API_TOKEN_NAME, apiTokenLimits, isValidApiTokenName } from './sqlite/api-tokens.js';
export type { ApiToken, ApiTokenMatch } from './sqlite/api-tokens.js';
export { directoryCardId } from './sqlite/directory.js';
export { MEETING_ROOM_ID, meetingRoomLimits } from './sqlite/meeting-rooms.js';
export type { MeetingRoom, NewMeetingRoom } from './sqlite/meeting-rooms.js';
export { APPROVER_RIGHTS, BOOKING_POLICIES, RESOURCE_KINDS } from './sqlite/resources.js';
export type {
  BookableResource,
  BookingPolicy,
  CreateResourceInput,
  ResourceKind,
} from './sqlite/resources.js';
export { API_TOKEN_PREFIX, apiTokenDigest, mintApiToken } from './api-token-secret.js';
export type {
  PushSubscription,
  PushSubscriptionInput,
  PushSubscriptionPatch,
} from './sqlite/push-subscriptions.js';
export {
  AnchorNotFoundError,
  TooManyChangesError,
  UnsupportedFilterError,
  UnsupportedSortError,
} from './errors.js';
export { canFollowQueryChanges } from './sqlite/query-changes.js';
export { maxFilterDepth, maxFilterConditions } from './sqlite/query/filter-sql.js';
export { maxSnippetEmails } from './sqlite/search-snippets.js';
export { maxImportBatchMessages } from './sqlite/import-batch.js';
export { DEFAULT_SCRYPT_PARAMS, hashPassword, verifyPassword } from './password-hash.js';
export type { ScryptParams } from './password-hash.js';
export { stateFeedPollMs } from './sqlite/state-feed.js';
// Mailbox writes (RFC 8621 §2.5): update and destroy, their errors and limits.
export type { DestroyMailboxResult, UpdateMailboxInput } from './mail-store.js';
export { MailboxFieldError, MailboxNotEmptyError, MailboxTakenError } from './errors.js';
export type { MailboxField } from './errors.js';
export { mailboxLimits, mailboxRoles } from './sqlite/mailboxes.js';
// RFC 8621 §4.1.2 header forms: the decoders the index itself uses, for `header:{name}` properties.
export { groupedAddresses, messageIds, parseDate, unstructuredText } from './mime/envelope.js';
export type { AddressGroup } from './mime/envelope.js';
export { unfold } from './mime/header-block.js';
export type { HeaderField } from './mime/header-block.js';
// What a mail filter (Sieve) reads of a message before it is stored.
export { messageBodyText, messageHeaderFields, messageRawBody } from './mime/message-view.js';
export { isValidKeyword } from './keywords.js';
// Contacts: address books and cards (the card JSON is the caller's; the store keeps its index).
export type {
  AddressBookId,
  AddressBookInput,
  AddressBookPatch,
  AddressBookRecord,
  AddressBookRole,
  ContactCardHit,
  ContactCardId,
  ContactCardIndex,
  ContactCardInput,
  ContactCardRecord,
  ContactCondition,
  ContactContains,
  ContactFilter,
  ContactSearch,
  ContactSettings,
  ContactTextField,
} from './contacts-model.js';
export { contactTextFields } from './contacts-model.js';
export { toAddressBookId, toContactCardId } from './ids.js';
export { contactLimits } from './sqlite/contacts/limits.js';
export { AddressBookNotEmptyError, defaultAddressBookName } from './sqlite/contacts/address-books.js';
export { recentAddressBookName } from './sqlite/contacts/recent.js';
