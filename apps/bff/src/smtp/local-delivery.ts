import { StoreError } from '@colibri/mail-store';
import type { AccountId, MailStore } from '@colibri/mail-store';

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
 * user is "no such mailbox". Local parts are matched case-insensitively, and a plus-address
 * (RFC 5233 subaddress: `alice+news@`) belongs to its base (`alice@`) unless an account has
 * the exact address.
 */
export async function resolveRecipient(store: MailStore, address: string): Promise<AccountId> {
  const at = address.lastIndexOf('@');
  const domain = at > 0 ? address.slice(at + 1).toLowerCase() : '';
  if (!domain || !(await store.findDomain(domain))) {
    throw new SmtpReply(554, `5.7.1 <${address}>: Relay access denied`);
  }
  const local = address.slice(0, at).toLowerCase();
  const plus = local.indexOf('+');
  const account =
    (await store.findAccountByEmail(`${local}@${domain}`)) ??
    (plus > 0 ? await store.findAccountByEmail(`${local.slice(0, plus)}@${domain}`) : null);
  if (!account) throw new SmtpReply(550, `5.1.1 <${address}>: Recipient address rejected: no such user here`);
  return account.id;
}

/** Stores one copy of the message in the account's Inbox (created if the account has none). */
export async function deliverToInbox(
  store: MailStore,
  accountId: AccountId,
  raw: Uint8Array,
  receivedAt: Date,
): Promise<void> {
  const inbox =
    (await store.findMailboxByRole(accountId, 'inbox')) ??
    (await store.createMailbox(accountId, { name: 'Inbox', role: 'inbox' }));
  try {
    await store.importMessage(accountId, { raw, mailboxIds: [inbox.id], keywords: [], receivedAt });
  } catch (error) {
    // The store's expected refusals are permanent; anything else is ours and worth a retry.
    if (error instanceof StoreError && error.code === 'tooLarge')
      throw new SmtpReply(552, '5.3.4 Message too big for this system');
    if (error instanceof StoreError && error.code === 'invalid')
      throw new SmtpReply(554, '5.6.0 Message content rejected');
    throw error;
  }
}
