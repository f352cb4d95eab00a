import type { Readable } from 'node:stream';
import type { StoreError } from './errors.js';
import type {
  Account,
  AccountId,
  BlobId,
  ChangeType,
  Changes,
  Domain,
  EmailId,
  EmailQuery,
  EmailQueryResult,
  EmailRecord,
  Mailbox,
  MailboxCounts,
  MailboxId,
  MailboxRole,
  State,
  ThreadId,
} from './model.js';

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
  /** Every domain, by name. */
  listDomains(): Promise<Domain[]>;
  /**
   * Deletes the account and everything it owns (emails, mailboxes, threads, change log, quota) in
   * one transaction; blobs only it referenced are left for `collectGarbage`. NotFoundError if unknown.
   */
  deleteAccount(id: AccountId): Promise<void>;

  // Mailboxes
  createMailbox(accountId: AccountId, input: CreateMailboxInput): Promise<Mailbox>;
  listMailboxes(accountId: AccountId): Promise<Mailbox[]>;
  getMailboxCounts(accountId: AccountId, ids: MailboxId[]): Promise<Map<MailboxId, MailboxCounts>>;
  findMailboxByRole(accountId: AccountId, role: MailboxRole): Promise<Mailbox | null>;

  // Emails
  /**
   * Stores a message in one transaction. Throws QuotaExceededError (and stores nothing) when the
   * email would take the account over a limit.
   */
  importMessage(accountId: AccountId, input: ImportMessageInput): Promise<EmailRecord>;
  getEmails(accountId: AccountId, ids: EmailId[]): Promise<EmailRecord[]>;
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
   * Removes the blob files no account references any more (after `destroyEmails`). Separate from
   * the destroy so that metadata is committed first and a crash leaves only harmless orphan files.
   */
  collectGarbage(): Promise<{ removedBlobs: number }>;

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

  close(): Promise<void>;
}
