import { queryOptions, useQuery } from '@tanstack/react-query';
import { ref } from '@colibri/jmap-client';
import type { JmapClient } from '@colibri/jmap-client';
import type { Email, Id } from '@colibri/jmap-types';
import { useJmapClient } from '../../../lib/jmap';
import { EMAIL_MUTABLE_PROPERTIES, getEmailArguments, withMutable } from './get-email';
import type { EmailDetail } from './get-email';
import { mailKeys } from './keys';

export const CONVERSATION_ITEM_PROPERTIES = [
  'id',
  'threadId',
  'mailboxIds',
  'keywords',
  'from',
  'to',
  'cc',
  'subject',
  'sentAt',
  'receivedAt',
  'preview',
  'hasAttachment',
] as const;
/** A message of the conversation as its collapsed row shows it. */
export type ConversationItem = Pick<Email, (typeof CONVERSATION_ITEM_PROPERTIES)[number]>;

export interface Conversation {
  threadId: Id;
  /** Oldest first (RFC 8621 §3: a Thread's emailIds are sorted by receivedAt). */
  items: ConversationItem[];
  /** The message that was opened, in full. */
  opened: EmailDetail;
  /** Older messages left out past MAX_CONVERSATION_MESSAGES. */
  omitted: number;
}

/** Conversations past this many messages show the newest ones only (a limit, said in the view). */
export const MAX_CONVERSATION_MESSAGES = 200;

export const conversationKey = (accountId: Id, emailId: Id) =>
  [...mailKeys.type(accountId, 'Email'), 'conversation', emailId] as const;

/**
 * The conversation of one email in one request (RFC 8620 §3.7 back-references): the email in full
 * (RFC 8621 §4.2), its Thread (§3.1), then every email of the thread with the row properties.
 * Threads span mailboxes, so the user's own replies in Sent are there. Null when the email is gone.
 * With `cached`, the email held in full already, only what may have changed of it is asked for
 * (RFC 8621 §4.1: its content is immutable), not its body values again.
 */
export async function getConversation(
  client: JmapClient,
  accountId: Id,
  emailId: Id,
  cached?: EmailDetail,
): Promise<Conversation | null> {
  const { opened, thread, items } = await client.request((b) => {
    const opened = b.call(
      'Email/get',
      cached
        ? { accountId, ids: [emailId], properties: [...EMAIL_MUTABLE_PROPERTIES] }
        : getEmailArguments(accountId, emailId),
    );
    const thread = b.call('Thread/get', { accountId, ids: ref(opened, '/list/*/threadId') });
    const items = b.call('Email/get', {
      accountId,
      ids: ref(thread, '/list/*/emailIds'),
      properties: [...CONVERSATION_ITEM_PROPERTIES],
    });
    return { opened, thread, items };
  });
  const found = opened.list[0];
  const email: EmailDetail | undefined =
    found && cached ? withMutable(cached, found) : (found as EmailDetail | undefined);
  const threadObject = thread.list[0];
  if (!email) return null;
  const order = threadObject?.emailIds ?? [email.id];
  const byId = new Map(items.list.map((item) => [item.id, item as ConversationItem]));
  const sorted = order
    .flatMap((id) => byId.get(id) ?? [])
    .sort((a, b) => Date.parse(a.receivedAt) - Date.parse(b.receivedAt));
  return {
    threadId: email.threadId,
    items: sorted.length > 0 ? sorted.slice(-MAX_CONVERSATION_MESSAGES) : [{ ...email, preview: '' }],
    opened: email,
    omitted: Math.max(0, sorted.length - MAX_CONVERSATION_MESSAGES),
  };
}

export function conversationQueryOptions(client: JmapClient, accountId: Id, emailId: Id) {
  return queryOptions({
    queryKey: conversationKey(accountId, emailId),
    queryFn: ({ client: queryClient }) =>
      getConversation(
        client,
        accountId,
        emailId,
        queryClient.getQueryData<Conversation | null>(conversationKey(accountId, emailId))?.opened ??
          queryClient.getQueryData<EmailDetail | null>(mailKeys.email(accountId, emailId)) ??
          undefined,
      ),
  });
}

export function useConversation(accountId: Id, emailId: Id) {
  const client = useJmapClient();
  return useQuery(conversationQueryOptions(client, accountId, emailId));
}
