export { openMailStore } from './open-mail-store.js';
export type { OpenMailStoreOptions } from './open-mail-store.js';
export type {
  CreateAccountInput,
  CreateIdentityInput,
  CreateMailboxInput,
  ImportMessageInput,
  MailStore,
  Quota,
  QuotaLimits,
  UpdateIdentityInput,
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
  EmailId,
  EmailQuery,
  EmailQueryResult,
  EmailRecord,
  EmailSort,
  Mailbox,
  MailboxCounts,
  MailboxId,
  MailboxRole,
  State,
  ThreadId,
  Identity,
  IdentityId,
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
  ForbiddenError,
  ForbiddenFromError,
} from './errors.js';
export type { QuotaLimit } from './errors.js';
export { toAccountId, toDomainId, toEmailId, toMailboxId, toThreadId } from './ids.js';
export { toBlobId } from './blobs/blob-id.js';
export type { BlobStore } from './blobs/blob-store.js';
export { mimeLimits } from './mime/limits.js';
export { maxQueryLimit } from './sqlite/query-emails.js';
export { toIdentityId } from './ids.js';
export type { BuiltMessage, OutgoingAttachment, OutgoingMessage } from './compose/outgoing-message.js';
export { composeLimits } from './compose/build-message.js';
export { identityLimits } from './sqlite/identities.js';
export { vacationLimits, vacationResponseId } from './sqlite/vacation.js';
