import { Navigate, useNavigate, useParams } from 'react-router';
import { Button } from '@colibri/ui';
import type { Id, Session } from '@colibri/jmap-types';
import { MenuIcon } from '../../../components/icons';
import { PageStatus } from '../../../components/page-status';
import { useMailboxes } from '../api/get-mailboxes';
import { useMailSession } from '../api/get-session';
import { mailMessages } from '../messages';
import { useMailboxPaneOpen, useMailUiActions } from '../stores/mail-ui-store';
import { MailboxTree } from './mailbox-tree';
import { MessageList } from './message-list';
import { Reader } from './reader';

/** `/mail/:mailboxId?/:emailId?`: mailboxes, the message list and the reader, side by side. */
export function MailPage() {
  const { session, accountId, error, isPending } = useMailSession();
  if (isPending) return <PageStatus>{mailMessages.mailboxesLoading}</PageStatus>;
  if (error || !session || !accountId)
    return <PageStatus tone="error">{mailMessages.mailboxesError}</PageStatus>;
  return <MailScreen session={session} accountId={accountId} />;
}

function MailScreen({ session, accountId }: { session: Session; accountId: Id }) {
  const { mailboxId, emailId } = useParams();
  const navigate = useNavigate();
  const mailboxes = useMailboxes(accountId);
  const paneOpen = useMailboxPaneOpen();
  const { mailboxPaneToggled, mailboxChosen } = useMailUiActions();

  if (!mailboxId && mailboxes.data) {
    const first = mailboxes.data.find((m) => m.role === 'inbox') ?? mailboxes.data[0];
    if (first) return <Navigate to={`/mail/${encodeURIComponent(first.id)}`} replace />;
  }
  const mailbox = mailboxes.data?.find((m) => m.id === mailboxId);

  return (
    <div
      className="mail"
      data-pane-open={paneOpen || undefined}
      data-reader-open={emailId ? true : undefined}
    >
      <nav
        id="mailbox-pane"
        className="mail__mailboxes"
        aria-labelledby="mailboxes-heading"
        onKeyDown={(event) => {
          if (event.key === 'Escape' && paneOpen) mailboxPaneToggled();
        }}
      >
        <h2 id="mailboxes-heading" className="mail__pane-heading">
          {mailMessages.mailboxesHeading}
        </h2>
        {mailboxes.isPending && <PageStatus>{mailMessages.mailboxesLoading}</PageStatus>}
        {mailboxes.isError && <PageStatus tone="error">{mailMessages.mailboxesError}</PageStatus>}
        {mailboxes.data && (
          <MailboxTree
            mailboxes={mailboxes.data}
            selectedId={mailboxId}
            labelledBy="mailboxes-heading"
            onSelect={(id) => {
              mailboxChosen();
              navigate(`/mail/${encodeURIComponent(id)}`);
            }}
          />
        )}
      </nav>
      <main className="mail__main">
        <section className="message-list" aria-labelledby="message-list-heading">
          <header className="message-list__header">
            <Button
              variant="ghost"
              className="message-list__pane-toggle"
              aria-expanded={paneOpen}
              aria-controls="mailbox-pane"
              onClick={mailboxPaneToggled}
            >
              <MenuIcon />
              <span className="visually-hidden">
                {paneOpen ? mailMessages.hideMailboxes : mailMessages.showMailboxes}
              </span>
            </Button>
            <h1 id="message-list-heading" className="message-list__title">
              {mailbox?.name ?? ''}
            </h1>
            {mailbox && (
              <p className="message-list__counts">
                {mailMessages.messageCount(mailbox.totalEmails)}
                {mailbox.unreadEmails > 0 && <> · {mailMessages.unreadCount(mailbox.unreadEmails)}</>}
              </p>
            )}
          </header>
          {mailboxId && mailbox && (
            <MessageList
              key={mailboxId}
              accountId={accountId}
              mailboxId={mailboxId}
              mailboxName={mailbox.name}
              selectedEmailId={emailId}
              onOpen={(id) =>
                navigate(`/mail/${encodeURIComponent(mailboxId)}/${encodeURIComponent(id)}`, {
                  replace: Boolean(emailId),
                })
              }
            />
          )}
          {mailboxes.data && mailboxId && !mailbox && (
            <PageStatus tone="error">{mailMessages.mailboxNotFound}</PageStatus>
          )}
        </section>
        <Reader
          session={session}
          accountId={accountId}
          emailId={emailId}
          onBack={() => mailboxId && navigate(`/mail/${encodeURIComponent(mailboxId)}`)}
        />
      </main>
    </div>
  );
}
