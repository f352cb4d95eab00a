import { MAILBOX_RIGHT_NAMES } from '@colibri/mail-store';
import type {
  AccountId,
  MailboxAccess,
  MailboxId,
  MailboxRightName,
  MailboxShare,
  MailStore,
} from '@colibri/mail-store';
import type { Principal } from './principal.js';

/**
 * What the principal may do in one account's mail (RFC 9670): everything in their own account;
 * in an account another user shared with them, only what each shared mailbox's rights say. The
 * protocol layer enforces it; the store keeps the shares.
 */
export interface MailAccess {
  accountId: AccountId;
  isOwner: boolean;
  /**
   * Null in the principal's own account; else the shares granted to them, by mailbox (a Mailbox/set
   * adds the mailboxes it creates inside shared ones, which inherit their parent's shares).
   */
  shares: Map<MailboxId, MailboxShare> | null;
}

export const ALL_RIGHTS: MailboxAccess = Object.fromEntries(
  MAILBOX_RIGHT_NAMES.map((name) => [name, true]),
) as unknown as MailboxAccess;
export const NO_RIGHTS: MailboxAccess = Object.fromEntries(
  MAILBOX_RIGHT_NAMES.map((name) => [name, false]),
) as unknown as MailboxAccess;

export function ownerAccess(accountId: AccountId): MailAccess {
  return { accountId, isOwner: true, shares: null };
}

/** The accounts shared with the principal, each with the shares that open it. */
export async function sharedAccountsOf(
  store: Pick<MailStore, 'listSharesWith'>,
  principal: Principal,
): Promise<Map<AccountId, MailboxShare[]>> {
  const byAccount = new Map<AccountId, MailboxShare[]>();
  for (const share of await store.listSharesWith(principal.accountId)) {
    if (share.accountId === principal.accountId) continue;
    const list = byAccount.get(share.accountId) ?? [];
    list.push(share);
    byAccount.set(share.accountId, list);
  }
  return byAccount;
}

/** The principal's access to `accountId`, or null when it is neither theirs nor shared with them. */
export async function mailAccessOf(
  store: MailStore,
  principal: Principal,
  accountId: string,
): Promise<MailAccess | null> {
  if (accountId === principal.accountId) return ownerAccess(principal.accountId);
  const shares = (await store.listSharesWith(principal.accountId)).filter((s) => s.accountId === accountId);
  if (shares.length === 0) return null;
  return {
    accountId: accountId as AccountId,
    isOwner: false,
    shares: new Map(shares.map((share) => [share.mailboxId, share])),
  };
}

/** The principal's rights in one mailbox of the account (none for a mailbox not shared with them). */
export function rightsIn(access: MailAccess, mailboxId: MailboxId): MailboxAccess {
  if (access.shares === null) return ALL_RIGHTS;
  return access.shares.get(mailboxId)?.rights ?? NO_RIGHTS;
}

/** Whether the principal sees the mailbox at all (has any right on it). */
export function seesMailbox(access: MailAccess, mailboxId: MailboxId): boolean {
  return access.shares === null || access.shares.has(mailboxId);
}

/** RFC 8621 §2: rights on an email are those on all of its mailboxes (seen, keywords, remove). */
export function mayOnAll(
  access: MailAccess,
  mailboxIds: Iterable<MailboxId>,
  right: MailboxRightName,
): boolean {
  if (access.shares === null) return true;
  for (const id of mailboxIds) if (!rightsIn(access, id)[right]) return false;
  return true;
}

/** An email is visible when one of its mailboxes may be read. */
export function mayReadEmail(access: MailAccess, mailboxIds: Iterable<MailboxId>): boolean {
  if (access.shares === null) return true;
  for (const id of mailboxIds) if (rightsIn(access, id).mayReadItems) return true;
  return false;
}

/** The mailboxes whose emails the principal may read, or null for all (their own account). */
export function readableMailboxIds(access: MailAccess): MailboxId[] | null {
  if (access.shares === null) return null;
  return [...access.shares.values()].filter((s) => s.rights.mayReadItems).map((s) => s.mailboxId);
}
