import { MAILBOX_RIGHT_NAMES, type MailboxAccess, type MailboxRightName } from '@colibri/mail-store';

/** A MailboxRights object granting exactly these rights (RFC 8621 §2.4 plus mayShare). */
export function shareRights(...granted: MailboxRightName[]): MailboxAccess {
  return Object.fromEntries(
    MAILBOX_RIGHT_NAMES.map((name) => [name, granted.includes(name)]),
  ) as MailboxAccess;
}
