import { Fragment, useEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Avatar, Button } from '@colibri/ui';
import { Keyword } from '@colibri/jmap-types';
import type { EmailAddress, Id, Session } from '@colibri/jmap-types';
import { PageStatus } from '../../../components/page-status';
import { useOptionalAddToContacts } from '../../../lib/contacts-launcher';
import { useJmapClient } from '../../../lib/jmap';
import { conversationKey } from '../api/conversation-query';
import type { Conversation, ConversationItem } from '../api/conversation-query';
import { emailQueryOptions } from '../api/get-email';
import type { EmailDetail } from '../api/get-email';
import { useMarkSeen } from '../api/mark-seen';
import { conversationMessages } from '../conversation-messages';
import { formatFullDate, formatListDate, senderName } from '../lib/format';
import { mailMessages } from '../messages';
import { useReaderAddons } from '../../../lib/reader-addons';
import { AttachmentList } from './attachment-list';
import { ConversationActions } from './conversation-actions';
import type { ReplyHandler } from './conversation-actions';
import { ConversationSenderChecks } from './conversation-sender-checks';
import { EmailBody } from './email-body';

export interface ConversationMessageProps {
  session: Session;
  accountId: Id;
  /** The email the conversation was opened with: the key of its cached conversation. */
  conversationKeyEmailId: Id;
  item: ConversationItem;
  /** The message in full when the conversation request brought it already. */
  seed: EmailDetail | undefined;
  expanded: boolean;
  /** Absent for a conversation of one message, which never folds. */
  onToggle: (() => void) | undefined;
  onReply: ReplyHandler | undefined;
}

/** Each name isolated (<bdi>): a right-to-left name must not pull the brackets around the address. */
function addresses(list: readonly EmailAddress[] | null | undefined): ReactNode {
  return (list ?? []).map((a, i) => (
    <Fragment key={i}>
      {i > 0 && ', '}
      {a.name ? (
        <>
          <bdi>{a.name}</bdi> {`<${a.email}>`}
        </>
      ) : (
        a.email
      )}
    </Fragment>
  ));
}

/** Attachments without the inline images the HTML body shows already (by `cid:`). */
function listedAttachments(email: EmailDetail) {
  const html = email.htmlBody
    .filter((part) => part.type === 'text/html' && part.partId)
    .map((part) => email.bodyValues[part.partId!]?.value ?? '')
    .join('\n')
    .toLowerCase();
  return email.attachments.filter(
    (part) =>
      !(part.cid && part.disposition !== 'attachment' && html.includes(`cid:${part.cid.toLowerCase()}`)),
  );
}

/** One message of a conversation: a one-line summary when folded, header and body when open. */
export function ConversationMessage(props: ConversationMessageProps) {
  const { item, expanded, onToggle } = props;
  const sender = senderName(item.from, mailMessages.unknownSender);
  const date = item.sentAt ?? item.receivedAt;
  const label = conversationMessages.messageLabel(sender, formatFullDate(date, mailMessages.locale));
  const unread = !item.keywords[Keyword.Seen];
  if (!expanded) {
    return (
      <article className="conversation-message conversation-message--folded" aria-label={label}>
        <button
          type="button"
          className="conversation-message__summary"
          aria-expanded={false}
          data-unread={unread || undefined}
          onClick={onToggle}
        >
          <Avatar
            name={item.from?.[0]?.name ?? ''}
            email={item.from?.[0]?.email ?? ''}
            size="sm"
            decorative
          />
          <span className="conversation-message__sender">{sender}</span>
          <span className="conversation-message__preview">{item.preview}</span>
          <time className="conversation-message__date" dateTime={date}>
            {formatListDate(date, mailMessages.locale)}
          </time>
          <span className="visually-hidden">{conversationMessages.expand(sender)}</span>
        </button>
      </article>
    );
  }
  return <OpenMessage {...props} label={label} sender={sender} date={date} />;
}

function OpenMessage({
  session,
  accountId,
  conversationKeyEmailId,
  item,
  seed,
  onToggle,
  onReply,
  label,
  sender,
  date,
}: ConversationMessageProps & { label: string; sender: string; date: string }) {
  const client = useJmapClient();
  const queryClient = useQueryClient();
  const detail = useQuery({ ...emailQueryOptions(client, accountId, item.id), initialData: seed });
  const { mutate: markSeen } = useMarkSeen(accountId);
  const unseen = !item.keywords[Keyword.Seen];
  const { Message: MessageAddon } = useReaderAddons();

  // Reading a message marks it seen (RFC 8621 §4.1.1 $seen), once, in the conversation too. At
  // once, not after a delay: a delayed mark landed after a quick "mark unread" (shift+u) and undid
  // the user's choice.
  const marking = useRef(false);
  useEffect(() => {
    if (!unseen || marking.current) return;
    marking.current = true;
    markSeen(item.id);
    queryClient.setQueryData<Conversation | null>(
      conversationKey(accountId, conversationKeyEmailId),
      (data) =>
        data
          ? {
              ...data,
              items: data.items.map((entry) =>
                entry.id === item.id
                  ? { ...entry, keywords: { ...entry.keywords, [Keyword.Seen]: true } }
                  : entry,
              ),
            }
          : data,
    );
  }, [unseen, item.id, markSeen, queryClient, accountId, conversationKeyEmailId]);

  const from = item.from?.[0];
  return (
    <article className="conversation-message" aria-label={label}>
      <header className="conversation-message__header">
        <button
          type="button"
          className="conversation-message__head"
          aria-expanded={true}
          disabled={!onToggle}
          onClick={onToggle}
        >
          <Avatar name={from?.name ?? ''} email={from?.email ?? ''} decorative />
          <span className="conversation-message__who">
            <span className="conversation-message__sender">{sender}</span>
            {from && from.name && <span className="conversation-message__address">&lt;{from.email}&gt;</span>}
          </span>
          <time
            className="conversation-message__date"
            dateTime={date}
            title={formatFullDate(date, mailMessages.locale)}
          >
            {formatListDate(date, mailMessages.locale)}
          </time>
        </button>
        {from ? <AddSenderToContacts sender={from} /> : null}
        <dl className="conversation-message__recipients">
          {item.to && item.to.length > 0 && (
            <>
              <dt>{mailMessages.headerLabels.to}</dt>
              <dd>{addresses(item.to)}</dd>
            </>
          )}
          {item.cc && item.cc.length > 0 && (
            <>
              <dt>{mailMessages.headerLabels.cc}</dt>
              <dd>{addresses(item.cc)}</dd>
            </>
          )}
        </dl>
      </header>
      {detail.isPending && <PageStatus>{mailMessages.readerLoading}</PageStatus>}
      {(detail.isError || detail.data === null) && (
        <PageStatus tone="error">
          {detail.isError ? mailMessages.readerError : mailMessages.readerNotFound}
        </PageStatus>
      )}
      {detail.data && (
        <>
          <ConversationSenderChecks email={detail.data} />
          {MessageAddon && <MessageAddon accountId={accountId} email={detail.data} />}
          <ConversationActions
            session={session}
            accountId={accountId}
            email={detail.data}
            onReply={onReply}
          />
          <AttachmentList
            session={session}
            accountId={accountId}
            attachments={listedAttachments(detail.data)}
          />
          <div className="reader__body">
            <EmailBody session={session} accountId={accountId} email={detail.data} />
          </div>
        </>
      )}
    </article>
  );
}

/** "Add to contacts" for the sender, in one click (issue 7); shown when the shell provides contacts. */
function AddSenderToContacts({ sender }: { sender: EmailAddress }) {
  const add = useOptionalAddToContacts();
  const [busy, setBusy] = useState(false);
  if (!add) return null;
  return (
    <Button
      variant="ghost"
      className="conversation-message__add-contact"
      aria-label={conversationMessages.addToContactsLabel(sender.email)}
      disabled={busy}
      aria-busy={busy || undefined}
      onClick={() => {
        setBusy(true);
        void add(sender).finally(() => setBusy(false));
      }}
    >
      {conversationMessages.addToContacts}
    </Button>
  );
}
