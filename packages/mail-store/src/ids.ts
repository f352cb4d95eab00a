import { randomFillSync } from 'node:crypto';
import type { AddressBookId, ContactCardId } from './contacts-model.js';
import type {
  AccountId,
  CalendarEventId,
  CalendarEventNotificationId,
  CalendarId,
  DomainId,
  EmailId,
  EmailSubmissionId,
  IdentityId,
  MailboxId,
  SieveScriptId,
  ShareNotificationId,
  StoreId,
  ThreadId,
} from './model.js';

/**
 * Ids are made here only: a kind letter and 16 characters of `[A-Za-z0-9_-]`, which is a valid
 * JMAP Id (RFC 8620 §1.2) and says at a glance what it names. The 16 characters are 48 bits of the
 * creation time (milliseconds) then 48 random bits, written with the 64 characters in ASCII order:
 * ids sort by creation, so the store's B-trees keyed by id (emails, memberships, keywords, blob
 * references) take new rows at their right edge instead of on random pages, which is what keeps
 * inserts cheap in a mailbox of 100,000 messages (as Stalwart's sequential ids and ULIDs do).
 * The random half keeps ids from two processes, or two in one millisecond, apart.
 */
const prefixes = {
  Domain: 'D',
  Account: 'A',
  Mailbox: 'M',
  Email: 'E',
  Thread: 'T',
  EmailSubmission: 'S',
  Identity: 'I',
  SieveScript: 'F',
  ShareNotification: 'N',
  Calendar: 'C',
  CalendarEvent: 'V',
  CalendarEventNotification: 'Q',
  AddressBook: 'B',
  ContactCard: 'K',
} as const;
type Kind = keyof typeof prefixes;

/** The id alphabet in ASCII order, so that the string order of ids is their numeric order. */
const sortableDigits = '-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz';
const randomPerId = 6;
// Random bytes are drawn in blocks: one `randomBytes` call per id cost 4% of a batch import.
const pool = Buffer.alloc(randomPerId * 256);
let poolOffset = pool.length;

/** The low 6×digits bits of `value` (an integer below 2^53) as sortable digits, most significant first. */
function sortableDigitsOf(value: number, digits: number): string {
  let text = '';
  for (let i = digits - 1; i >= 0; i -= 1) text += sortableDigits[Math.floor(value / 2 ** (6 * i)) % 64];
  return text;
}

export function newId<K extends Kind>(kind: K, now = Date.now()): StoreId<K> {
  if (poolOffset === pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  const random = pool.readUIntBE(poolOffset, randomPerId);
  poolOffset += randomPerId;
  return `${prefixes[kind]}${sortableDigitsOf(now, 8)}${sortableDigitsOf(random, 8)}` as StoreId<K>;
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
export const toSieveScriptId: (value: string) => SieveScriptId | null = parser('SieveScript');
export const toShareNotificationId: (value: string) => ShareNotificationId | null =
  parser('ShareNotification');
export const toCalendarId: (value: string) => CalendarId | null = parser('Calendar');
export const toCalendarEventId: (value: string) => CalendarEventId | null = parser('CalendarEvent');
export const toCalendarEventNotificationId: (value: string) => CalendarEventNotificationId | null =
  parser('CalendarEventNotification');
export const toAddressBookId: (value: string) => AddressBookId | null = parser('AddressBook');
export const toContactCardId: (value: string) => ContactCardId | null = parser('ContactCard');
