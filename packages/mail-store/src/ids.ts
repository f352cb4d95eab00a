import { randomBytes } from 'node:crypto';
import type {
  AccountId,
  DomainId,
  EmailId,
  EmailSubmissionId,
  IdentityId,
  MailboxId,
  StoreId,
  ThreadId,
} from './model.js';

/**
 * Ids are made here only: a kind letter and 16 base64url characters (96 random bits), which is a
 * valid JMAP Id (RFC 8620 §1.2) and says at a glance what it names.
 */
const prefixes = {
  Domain: 'D',
  Account: 'A',
  Mailbox: 'M',
  Email: 'E',
  Thread: 'T',
  EmailSubmission: 'S',
  Identity: 'I',
} as const;
type Kind = keyof typeof prefixes;

export function newId<K extends Kind>(kind: K): StoreId<K> {
  return `${prefixes[kind]}${randomBytes(12).toString('base64url')}` as StoreId<K>;
}

function parser<K extends Kind>(kind: K) {
  const pattern = new RegExp(`^${prefixes[kind]}[A-Za-z0-9_-]{16}$`);
  return (value: string): StoreId<K> | null => (pattern.test(value) ? (value as StoreId<K>) : null);
}

/** Turn a wire string into a typed id, or null when it cannot be one of ours. */
export const toDomainId: (value: string) => DomainId | null = parser('Domain');
export const toAccountId: (value: string) => AccountId | null = parser('Account');
export const toMailboxId: (value: string) => MailboxId | null = parser('Mailbox');
export const toEmailId: (value: string) => EmailId | null = parser('Email');
export const toThreadId: (value: string) => ThreadId | null = parser('Thread');
export const toEmailSubmissionId: (value: string) => EmailSubmissionId | null = parser('EmailSubmission');
export const toIdentityId: (value: string) => IdentityId | null = parser('Identity');
