import { useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { Keyword } from '@colibri/jmap-types';
import type { Id, Session } from '@colibri/jmap-types';
import { PageStatus } from '../../../components/page-status';
import { useConversation } from '../api/conversation-query';
import { useMailboxes } from '../api/get-mailboxes';
import { binMailboxIds, visibleInConversation } from '../lib/conversation-bins';
import type { Conversation, ConversationItem } from '../api/conversation-query';
import { conversationMessages } from '../conversation-messages';
import { mailMessages } from '../messages';
import { ConversationMessage } from './conversation-message';
import type { ReplyHandler } from './conversation-actions';
import './conversation.css';

export interface ConversationViewProps {
  session: Session;
  accountId: Id;
  /** The email that was opened (from the list, a search result or a link). */
  emailId: Id;
  /** Shown above the conversation (e.g. the phone layout's back button). */
  toolbar?: ReactNode;
  /** Reply, reply all and forward; the buttons show only when it is given. */
  onReply?: ReplyHandler;
}

/** Open at first: the opened message, unread ones and the newest, as in Gmail and Fastmail. */
function initiallyExpanded(opened: Id, items: readonly ConversationItem[]): Set<Id> {
  const expanded = new Set<Id>([opened]);
  for (const item of items) if (!item.keywords[Keyword.Seen]) expanded.add(item.id);
  const newest = items.at(-1);
  if (newest) expanded.add(newest.id);
  return expanded;
}

/** The reader of one conversation: every message of the thread, oldest first, older ones folded. */
export function ConversationView({ session, accountId, emailId, toolbar, onReply }: ConversationViewProps) {
  const conversation = useConversation(accountId, emailId);
  if (conversation.isPending) {
    return (
      <section className="reader" aria-label={conversationMessages.conversationLabel} aria-busy="true">
        {toolbar}
        <PageStatus>{mailMessages.readerLoading}</PageStatus>
      </section>
    );
  }
  if (conversation.isError || conversation.data === null) {
    return (
      <section className="reader" aria-label={conversationMessages.conversationLabel}>
        {toolbar}
        <PageStatus tone="error">
          {conversation.isError ? mailMessages.readerError : mailMessages.readerNotFound}
        </PageStatus>
      </section>
    );
  }
  return (
    <ConversationMessages
      session={session}
      accountId={accountId}
      conversation={conversation.data}
      toolbar={toolbar}
      onReply={onReply}
    />
  );
}

function ConversationMessages({
  session,
  accountId,
  conversation,
  toolbar,
  onReply,
}: {
  session: Session;
  accountId: Id;
  conversation: Conversation;
  toolbar: ReactNode;
  onReply: ReplyHandler | undefined;
}) {
  const mailboxes = useMailboxes(accountId);
  const { shown, hidden } = useMemo(
    () => visibleInConversation(conversation.items, conversation.opened, binMailboxIds(mailboxes.data ?? [])),
    [conversation.items, conversation.opened, mailboxes.data],
  );
  const [expanded, setExpanded] = useState(() => initiallyExpanded(conversation.opened.id, shown));
  // A message that arrives while the conversation is open (push) opens like an unread one at
  // first: it is new. Adjusted during render, so it never shows folded first.
  const [known, setKnown] = useState(() => new Set(shown.map((item) => item.id)));
  const arrived = shown.filter((item) => !known.has(item.id));
  if (arrived.length > 0) {
    setKnown(new Set([...known, ...arrived.map((item) => item.id)]));
    const opening = arrived.filter((item) => !item.keywords[Keyword.Seen] || item === shown.at(-1));
    if (opening.length > 0) setExpanded(new Set([...expanded, ...opening.map((item) => item.id)]));
  }
  // The thread's subject is the first message's, without the replies' "Re:" (as in Gmail).
  const first = shown[0] ?? conversation.opened;
  const subject = first.subject?.trim() || conversation.opened.subject?.trim() || mailMessages.noSubject;
  const toggle = (id: Id) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const single = shown.length === 1;
  return (
    <section className="reader conversation" aria-label={conversationMessages.conversationLabel}>
      {toolbar}
      <header className="conversation__header">
        <h2 className="conversation__subject">{subject}</h2>
        {!single && <p className="conversation__count">{conversationMessages.messageCount(shown.length)}</p>}
        {hidden > 0 && <p className="conversation__count">{conversationMessages.hiddenInBins(hidden)}</p>}
        {conversation.omitted > 0 && (
          <p className="conversation__count">{conversationMessages.omitted(conversation.omitted)}</p>
        )}
      </header>
      <ol className="conversation__messages">
        {shown.map((item) => (
          <li key={item.id}>
            <ConversationMessage
              session={session}
              accountId={accountId}
              conversationKeyEmailId={conversation.opened.id}
              item={item}
              seed={item.id === conversation.opened.id ? conversation.opened : undefined}
              expanded={single || expanded.has(item.id)}
              onToggle={single ? undefined : () => toggle(item.id)}
              onReply={onReply}
            />
          </li>
        ))}
      </ol>
    </section>
  );
}
