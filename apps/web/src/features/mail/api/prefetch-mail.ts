import type { QueryClient } from '@tanstack/react-query';
import type { JmapClient } from '@colibri/jmap-client';
import { Capability } from '@colibri/jmap-types';
import type { Id } from '@colibri/jmap-types';
import { readListMode } from '../stores/mail-ui-store';
import { conversationQueryOptions } from './conversation-query';
import { defaultMailbox, mailboxesQueryOptions } from './get-mailboxes';
import { sessionQueryOptions } from './get-session';
import { emailListQueryOptions } from './query-emails';

/** The mail screen's place, as in its URL (`/mail/:mailboxId?/:emailId?`). */
export interface MailRoute {
  mailboxId?: Id | undefined;
  emailId?: Id | undefined;
}

/**
 * Fetches (or finds in the cache) the conversation of an email, without showing it: nothing is
 * marked read, since only the reader does that when it shows a message. Never throws.
 */
export function prefetchConversation(
  queryClient: QueryClient,
  client: JmapClient,
  accountId: Id,
  emailId: Id,
): Promise<void> {
  return queryClient.prefetchQuery(conversationQueryOptions(client, accountId, emailId));
}

/**
 * Starts every request the mail screen is going to make for `route`, as soon as it shows,
 * rather than one by one as each component renders and finds it needs
 * the next: the Session, then the open message's conversation and the mailboxes, then the
 * mailbox's first window (the Inbox when the URL names none, which needs the mailboxes first:
 * an Email/query filter cannot refer to a Mailbox/query result, RFC 8620 §3.7 references being
 * top-level arguments only). The components find the answers in the cache, or join the request
 * in flight. Cached entries are not fetched again. Never throws: the screen reports failures.
 */
export async function prefetchMailRoute(
  queryClient: QueryClient,
  client: JmapClient,
  route: MailRoute,
): Promise<void> {
  try {
    const session = await queryClient.fetchQuery(sessionQueryOptions(client));
    const accountId = session.primaryAccounts[Capability.Mail];
    if (!accountId) return;
    const pending: Promise<unknown>[] = [];
    if (route.emailId) pending.push(prefetchConversation(queryClient, client, accountId, route.emailId));
    const collapseThreads = readListMode() === 'conversations';
    const listOf = (mailboxId: Id) =>
      queryClient.prefetchQuery(emailListQueryOptions(client, accountId, { mailboxId, collapseThreads }));
    if (route.mailboxId) {
      pending.push(
        queryClient.prefetchQuery(mailboxesQueryOptions(client, accountId)),
        listOf(route.mailboxId),
      );
    } else {
      const start = defaultMailbox(await queryClient.fetchQuery(mailboxesQueryOptions(client, accountId)));
      if (start) pending.push(listOf(start.id));
    }
    await Promise.all(pending);
  } catch {
    // The screen's own queries show the error (or the login page, for an ended session).
  }
}
