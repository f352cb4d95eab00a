import { QuotaExceededError, StoreError } from '@colibri/mail-store';
import type { AccountId, EmailRecord, Mailbox, MailboxId, MailStore } from '@colibri/mail-store';
import type { ReceivedMessage } from './received-message.js';

/** An SMTP reply for a refused recipient or message (RFC 5321 §4.2, RFC 3463 enhanced codes). */
export class SmtpReply extends Error {
  constructor(
    readonly responseCode: number,
    message: string,
  ) {
    super(message);
    this.name = 'SmtpReply';
  }
}

/**
 * RFC 5321 §3.6: we are the final destination for our own domains only. A foreign domain is
 * relaying (refused: there is no authenticated submission on this port), an unknown local
 * user is "no such mailbox". Who receives an address (account, alias, subaddress, catch-all) is
 * the store's `resolveAddress`, the same rule that says which From addresses an account may use.
 */
export async function resolveRecipient(store: MailStore, address: string): Promise<AccountId> {
  const at = address.lastIndexOf('@');
  const domain = at > 0 ? address.slice(at + 1).toLowerCase() : '';
  if (!domain || !(await store.findDomain(domain))) {
    throw new SmtpReply(554, `5.7.1 <${address}>: Relay access denied`);
  }
  const accountId = await store.resolveAddress(address);
  if (!accountId)
    throw new SmtpReply(550, `5.1.1 <${address}>: Recipient address rejected: no such user here`);
  return accountId;
}

/**
 * Refuses at RCPT time a recipient whose mailbox is already full (452 4.2.2), or too small for
 * the size the client declared with MAIL FROM SIZE= (RFC 1870; 552 5.2.2). In SMTP this is the
 * only per-recipient answer: refused after DATA, a full mailbox would fail the whole message and
 * the retry would duplicate the other recipients' copies. The store checks again on import.
 */
export async function assertMailboxRoom(
  store: MailStore,
  accountId: AccountId,
  declaredSize: number,
): Promise<void> {
  const { maxBytes, maxEmails, usedBytes, usedEmails } = await store.getQuota(accountId);
  if (maxBytes !== null && declaredSize > maxBytes) throw neverFits();
  // Even an undeclared message takes at least a byte.
  const bytesFull = maxBytes !== null && usedBytes + Math.max(declaredSize, 1) > maxBytes;
  if (bytesFull || (maxEmails !== null && usedEmails >= maxEmails)) throw mailboxFull();
}

/** Where an accepted message goes: the Inbox, or Junk after a DMARC quarantine (RFC 7489 §6.3). */
export type DeliveryFolder = 'inbox' | 'junk';
const folderNames: Record<DeliveryFolder, string> = { inbox: 'Inbox', junk: 'Junk' };

/** Stores one copy of the message in the account's Inbox (created if the account has none). */
export async function deliverToInbox(
  store: MailStore,
  accountId: AccountId,
  raw: Uint8Array,
  receivedAt: Date,
): Promise<EmailRecord> {
  return deliverToFolder(store, accountId, raw, receivedAt, 'inbox');
}

/** Stores one copy in the account's mailbox of that role (created with it if missing). */
export async function deliverToFolder(
  store: MailStore,
  accountId: AccountId,
  message: Uint8Array | ReceivedMessage,
  receivedAt: Date,
  folder: DeliveryFolder,
): Promise<EmailRecord> {
  const mailbox = await mailboxWithRole(store, accountId, folder);
  return importCopy(store, accountId, message, { mailboxIds: [mailbox.id], keywords: [], receivedAt });
}

/**
 * Stores one copy in the given mailboxes with the given keywords: one email, one transaction. A
 * message held in memory is imported whole (the fast path of small mail); a spooled one is
 * streamed from its file (`importMessageStream`), so a large message is never whole in memory.
 * The store's refusals become the SMTP replies that say them.
 */
export async function importCopy(
  store: MailStore,
  accountId: AccountId,
  message: Uint8Array | ReceivedMessage,
  options: { mailboxIds: MailboxId[]; keywords: string[]; receivedAt: Date },
): Promise<EmailRecord> {
  const raw = message instanceof Uint8Array ? message : message.bytes;
  try {
    if (raw !== null) return await store.importMessage(accountId, { ...options, raw });
    return await store.importMessageStream(accountId, {
      ...options,
      source: (message as ReceivedMessage).chunks(),
    });
  } catch (error) {
    if (error instanceof QuotaExceededError) throw overQuotaReply(error);
    // The store's other expected refusals are permanent; anything else is ours and worth a retry.
    if (error instanceof StoreError && error.code === 'tooLarge')
      throw new SmtpReply(552, '5.3.4 Message too big for this system');
    if (error instanceof StoreError && error.code === 'invalid')
      throw new SmtpReply(554, '5.6.0 Message content rejected');
    throw error;
  }
}

/**
 * The account's mailbox of that role, created when missing. Two deliveries at once may both find
 * none: the loser of the creation race uses the winner's.
 */
export async function mailboxWithRole(
  store: MailStore,
  accountId: AccountId,
  role: DeliveryFolder,
): Promise<Mailbox> {
  const found = await store.findMailboxByRole(accountId, role);
  if (found) return found;
  try {
    return await store.createMailbox(accountId, { name: folderNames[role], role });
  } catch (error) {
    const created = await store.findMailboxByRole(accountId, role);
    if (created) return created;
    throw error;
  }
}

/**
 * RFC 3463 §3.3: a full mailbox is a temporary failure (X.2.2), since the owner may make room;
 * a message larger than the recipient's whole size quota can never fit, so that one is permanent.
 */
const mailboxFull = () => new SmtpReply(452, '4.2.2 Mailbox full, try again later');
const neverFits = () =>
  new SmtpReply(552, "5.2.2 Mailbox full: the message is larger than the recipient's quota");

function overQuotaReply(error: QuotaExceededError): SmtpReply {
  return error.limit === 'maxBytes' && error.requested > error.max ? neverFits() : mailboxFull();
}
