export { openMailStore } from './open-mail-store.js';
export type { OpenMailStoreOptions } from './open-mail-store.js';
export type {
  BatchImportInput,
  BatchImportResult,
  CreateAccountInput,
  CreateMailboxInput,
  ImportMessageInput,
  MailStore,
  Quota,
  QuotaLimits,
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
} from './model.js';
export {
  AlreadyExistsError,
  CannotCalculateChangesError,
  InvalidInputError,
  NotFoundError,
  QuotaExceededError,
  StoreError,
  TooLargeError,
} from './errors.js';
export type { QuotaLimit } from './errors.js';
export { toAccountId, toDomainId, toEmailId, toMailboxId, toThreadId } from './ids.js';
export { toBlobId } from './blobs/blob-id.js';
export type { BlobStore } from './blobs/blob-store.js';
export { mimeLimits } from './mime/limits.js';
export { maxQueryLimit } from './sqlite/query-emails.js';
export { maxImportBatchMessages } from './sqlite/import-batch.js';
export { DEFAULT_SCRYPT_PARAMS, hashPassword, verifyPassword } from './password-hash.js';
export type { ScryptParams } from './password-hash.js';
