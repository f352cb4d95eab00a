import type { Mailbox, MailboxProperty, MailboxRights } from '@colibri/jmap-types';
import type { MailboxCounts, MailboxId, MailboxShare, Mailbox as StoredMailbox } from '@colibri/mail-store';
import { rightsIn, type MailAccess } from '../../access.js';
import type { MethodContext } from '../../method-context.js';

/** RFC 8621 §2 and RFC 9670 §4: every Mailbox property, the default when `properties` is null. */
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
  'shareWith',
];

export const COUNT_PROPERTIES: readonly MailboxProperty[] = [
  'totalEmails',
  'unreadEmails',
  'totalThreads',
  'unreadThreads',
];

const NO_COUNTS: MailboxCounts = { totalEmails: 0, unreadEmails: 0, totalThreads: 0, unreadThreads: 0 };

/**
 * The account's mailboxes as the principal sees them: all of them in their own account; in a
 * shared one (RFC 9670), only those shared with them, with the sharee's own `isSubscribed` and at
 * the top of the tree when their parent is not shared. With the account's shares, for `shareWith`.
 */
export interface MailboxView {
  access: MailAccess;
  mailboxes: Map<string, StoredMailbox>;
  shares: Map<MailboxId, MailboxShare[]>;
}

export async function loadMailboxView(ctx: MethodContext, access: MailAccess): Promise<MailboxView> {
  const all = await ctx.store.listMailboxes(access.accountId);
  const shares = new Map<MailboxId, MailboxShare[]>();
  for (const share of await ctx.store.listMailboxShares(access.accountId)) {
    const list = shares.get(share.mailboxId) ?? [];
    list.push(share);
    shares.set(share.mailboxId, list);
  }
  const granted = access.shares;
  const seen =
    granted === null
      ? all
      : all
          .filter((m) => granted.has(m.id))
          .map((m) => ({
            ...m,
            parentId: m.parentId !== null && granted.has(m.parentId) ? m.parentId : null,
            isSubscribed: granted.get(m.id)?.isSubscribed ?? false,
          }));
  return { access, mailboxes: new Map(seen.map((m) => [m.id as string, m])), shares };
}

/** RFC 8621 §2.4 myRights: the inbox cannot be destroyed (deliveries need it); a sharee never submits. */
export function myRightsIn(view: MailboxView, mailbox: StoredMailbox): MailboxRights {
  const rights = rightsIn(view.access, mailbox.id);
  return {
    ...rights,
    mayDelete: rights.mayDelete && mailbox.role !== 'inbox',
    maySubmit: rights.maySubmit && view.access.isOwner,
  };
}

/** RFC 9670 §4: who else may use the mailbox, shown to those who may change it. */
function shareWithOf(view: MailboxView, mailbox: StoredMailbox): Record<string, MailboxRights> | null {
  if (!rightsIn(view.access, mailbox.id).mayShare) return null;
  const shares = view.shares.get(mailbox.id) ?? [];
  if (shares.length === 0) return null;
  return Object.fromEntries(shares.map((share) => [share.granteeId, { ...share.rights }]));
}

export function mailboxToWire(
  view: MailboxView,
  mailbox: StoredMailbox,
  counts: MailboxCounts | undefined,
): Mailbox {
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
    myRights: myRightsIn(view, mailbox),
    isSubscribed: mailbox.isSubscribed,
    shareWith: shareWithOf(view, mailbox),
  };
}
