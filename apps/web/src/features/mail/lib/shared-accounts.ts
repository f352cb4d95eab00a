import { Capability } from '@colibri/jmap-types';
import type { Id, MailboxRights, Session } from '@colibri/jmap-types';

/** Another person's mail account the user may use (RFC 9670 §1.4: shared accounts are in the Session). */
export interface SharedMailAccount {
  accountId: Id;
  /** The account's name (its owner's address, RFC 8620 §2). */
  name: string;
}

/** Every mail account of the Session but the user's own (RFC 8621 §1.3 primary), by name. */
export function sharedMailAccounts(session: Session): SharedMailAccount[] {
  const primary = session.primaryAccounts[Capability.Mail];
  return Object.entries(session.accounts)
    .filter(([id, account]) => id !== primary && account.accountCapabilities[Capability.Mail] !== undefined)
    .map(([accountId, account]) => ({ accountId, name: account.name }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The mail account a URL names: a shared one the Session has, else undefined (RFC 8620 §2). */
export function mailAccountOf(session: Session, accountId: Id): SharedMailAccount | undefined {
  return sharedMailAccounts(session).find((a) => a.accountId === accountId);
}

/** What a folder allows. Absent rights (the user's own folders): everything. */
export function may(rights: MailboxRights | undefined, right: keyof MailboxRights): boolean {
  return rights === undefined || rights[right];
}
