import { queryOptions, useQuery } from '@tanstack/react-query';
import type { JmapClient } from '@colibri/jmap-client';
import type { Id, Mailbox } from '@colibri/jmap-types';
import { useJmapClient } from '../../../lib/jmap';
import { withDisplayNames } from '../../../lib/mailbox-names';
import { mailKeys } from './keys';

export const MAILBOX_PROPERTIES = [
  'id',
  'name',
  'parentId',
  'role',
  'sortOrder',
  'totalEmails',
  'unreadEmails',
  'myRights',
] as const;
/**
 * A mailbox as the screens use it. `myRights` (RFC 8621 §2) says what the user may do in a folder
 * shared with them (RFC 9670); absent means the account's own folder, where everything is allowed.
 */
export type MailboxSummary = Pick<Mailbox, Exclude<(typeof MAILBOX_PROPERTIES)[number], 'myRights'>> &
  Partial<Pick<Mailbox, 'myRights'>>;

/** RFC 8621 §2.1: every mailbox of the account (ids: null), with the properties the tree needs. */
export async function getMailboxes(client: JmapClient, accountId: Id): Promise<MailboxSummary[]> {
  const result = await client.call('Mailbox/get', {
    accountId,
    ids: null,
    properties: [...MAILBOX_PROPERTIES],
  });
  // The server returns every requested property (RFC 8620 §5.1), so the partials are complete.
  return result.list as MailboxSummary[];
}

/** The mailbox `/mail` opens: the Inbox (RFC 8621 §2 role), else the first one. */
export function defaultMailbox<M extends Pick<MailboxSummary, 'role'>>(
  mailboxes: readonly M[],
): M | undefined {
  return mailboxes.find((m) => m.role === 'inbox') ?? mailboxes[0];
}

export function mailboxesQueryOptions(client: JmapClient, accountId: Id) {
  return queryOptions({
    queryKey: mailKeys.mailboxes(accountId),
    // Fresh until push says otherwise (hooks/use-live-mail).
    staleTime: Infinity,
    queryFn: () => getMailboxes(client, accountId),
  });
}

const displayNames = (mailboxes: MailboxSummary[]) => withDisplayNames(mailboxes);

export function useMailboxes(accountId: Id) {
  const client = useJmapClient();
  // The cache keeps the server's names; the screens show the special-use ones translated.
  return useQuery({ ...mailboxesQueryOptions(client, accountId), select: displayNames });
}
