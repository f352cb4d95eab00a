import type { Mailbox, MailboxProperty, MailboxRights } from '@colibri/jmap-types';
import type { MailboxCounts, Mailbox as StoredMailbox } from '@colibri/mail-store';

/** RFC 8621 §2: every Mailbox property, the default when `properties` is null. */
export const MAILBOX_PROPERTIES: readonly MailboxProperty[] = [
  'id',
  'name',
  'parentId',
  'role',
  'sortOrder',
  'totalEmails',
  'unreadEmails',
  'totalThreads',
  'unreadThreads',
  'myRights',
  'isSubscribed',
];

export const COUNT_PROPERTIES: readonly MailboxProperty[] = [
  'totalEmails',
  'unreadEmails',
  'totalThreads',
  'unreadThreads',
];

/** RFC 8621 §2.4: the owner of an account may do everything in its own mailboxes (no sharing yet). */
const OWNER_RIGHTS: MailboxRights = {
  mayReadItems: true,
  mayAddItems: true,
  mayRemoveItems: true,
  maySetSeen: true,
  maySetKeywords: true,
  mayCreateChild: true,
  mayRename: true,
  mayDelete: true,
  maySubmit: true,
};

const NO_COUNTS: MailboxCounts = { totalEmails: 0, unreadEmails: 0, totalThreads: 0, unreadThreads: 0 };

export function mailboxToWire(mailbox: StoredMailbox, counts: MailboxCounts | undefined): Mailbox {
  const { totalEmails, unreadEmails, totalThreads, unreadThreads } = counts ?? NO_COUNTS;
  return {
    id: mailbox.id,
    name: mailbox.name,
    parentId: mailbox.parentId,
    role: mailbox.role,
    sortOrder: mailbox.sortOrder,
    totalEmails,
    unreadEmails,
    totalThreads,
    unreadThreads,
    // The inbox cannot be destroyed (Mailbox/set answers forbidden): deliveries need it.
    myRights: { ...OWNER_RIGHTS, mayDelete: mailbox.role !== 'inbox' },
    isSubscribed: mailbox.isSubscribed,
  };
}
