import { useEffect, useMemo, useRef } from 'react';
import type { KeyboardEvent, MouseEvent } from 'react';
import { Link, Navigate, useNavigate, useParams } from 'react-router';
import type { Id, Session } from '@colibri/jmap-types';
import { PageStatus } from '../../../components/page-status';
import { defaultMailbox, useMailboxes } from '../api/get-mailboxes';
import type { MailboxSummary } from '../api/get-mailboxes';
import { useMailSession } from '../api/get-session';
import { emailListParams } from '../api/keys';
import { mailPath, useMailCommands } from '../hooks/use-mail-commands';
import { useLiveMail } from '../hooks/use-live-mail';
import { useMailShortcuts } from '../hooks/use-mail-shortcuts';
import { usePrefetchMailRoute } from '../hooks/use-prefetch-mail-route';
import { mailMessages } from '../messages';
import {
  useListMode,
  useMailLayout,
  useMailUiActions,
  useMailboxPaneOpen,
  useShortcutsHelpOpen,
  useSnoozeMenu,
} from '../stores/mail-ui-store';
import { useSelectionActions } from '../stores/selection-store';
import { FolderManager } from './folder-manager';
import { MailboxTree } from './mailbox-tree';
import { MessageListPane } from './message-list-pane';
import { Reader } from './reader';
import { ShortcutsHelp } from './shortcuts-help';
import { SnoozeMenu } from './snooze-menu';

/** `/mail/:mailboxId?/:emailId?`: mailboxes, the message list and the reader. */
export function MailPage() {
  const { mailboxId, emailId } = useParams();
  usePrefetchMailRoute({ mailboxId, emailId });
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
  const live = useLiveMail(session, accountId);

  if (!mailboxId && mailboxes.data) {
    const first = defaultMailbox(mailboxes.data);
    if (first) return <Navigate to={mailPath(first.id)} replace />;
  }
  const mailbox = mailboxes.data?.find((m) => m.id === mailboxId);
  if (mailboxes.isPending) return <PageStatus>{mailMessages.mailboxesLoading}</PageStatus>;
  if (mailboxes.isError) return <PageStatus tone="error">{mailMessages.mailboxesError}</PageStatus>;
  if (!mailbox || !mailboxId) {
    return (
      <PageStatus tone="error" action={<Link to="/mail">{mailMessages.backToList}</Link>}>
        {mailMessages.mailboxNotFound}
      </PageStatus>
    );
  }
  return (
    <MailboxScreen
      session={session}
      accountId={accountId}
      mailboxes={mailboxes.data}
      mailbox={mailbox}
      openEmailId={emailId}
      live={live}
      onNavigate={navigate}
    />
  );
}

interface MailboxScreenProps {
  session: Session;
  accountId: Id;
  mailboxes: MailboxSummary[];
  mailbox: MailboxSummary;
  openEmailId: Id | undefined;
  live: boolean;
  onNavigate: (to: string) => void;
}

function MailboxScreen({
  session,
  accountId,
  mailboxes,
  mailbox,
  openEmailId,
  live,
  onNavigate,
}: MailboxScreenProps) {
  const paneOpen = useMailboxPaneOpen();
  const layout = useMailLayout();
  const listMode = useListMode();
  const helpOpen = useShortcutsHelpOpen();
  const snoozeMenu = useSnoozeMenu();
  const ui = useMailUiActions();
  const selection = useSelectionActions();
  const conversations = listMode === 'conversations';
  const params = useMemo(
    () => emailListParams({ id: mailbox.id, role: mailbox.role }, conversations),
    [mailbox.id, mailbox.role, conversations],
  );
  const anchor = useRef(0);
  const commands = useMailCommands({
    accountId,
    mailboxes,
    mailboxId: mailbox.id,
    conversations,
    openEmailId,
  });
  useMailShortcuts(commands.command);

  // Another mailbox or mode: a fresh selection, and the list starts at the top.
  useEffect(() => {
    selection.listChanged();
    anchor.current = 0;
  }, [mailbox.id, conversations, selection]);

  const onRowClick = (id: Id, event: MouseEvent<HTMLDivElement> | KeyboardEvent<HTMLDivElement>) => {
    const toggle = event.ctrlKey || event.metaKey;
    const range = event.shiftKey;
    selection.rowClicked(commands.rows(), id, { toggle, range });
    if (!toggle && !range) commands.open(id);
  };

  return (
    <div
      className="mail"
      data-pane-open={paneOpen || undefined}
      data-reader-open={openEmailId ? true : undefined}
      data-layout={layout}
    >
      <nav
        id="mailbox-pane"
        className="mail__mailboxes"
        aria-labelledby="mailboxes-heading"
        onKeyDown={(event) => {
          if (event.key === 'Escape' && paneOpen) ui.mailboxPaneToggled();
        }}
      >
        <h2 id="mailboxes-heading" className="mail__pane-heading">
          {mailMessages.mailboxesHeading}
        </h2>
        <MailboxTree
          mailboxes={mailboxes}
          selectedId={mailbox.id}
          labelledBy="mailboxes-heading"
          onSelect={(id) => {
            ui.mailboxChosen();
            onNavigate(mailPath(id));
          }}
          onDropEmails={(to, emailIds) => commands.moveTo(to, emailIds)}
        />
        <FolderManager
          accountId={accountId}
          mailboxes={mailboxes}
          current={mailbox}
          onDeleted={() => onNavigate('/mail')}
        />
      </nav>
      <main className="mail__main">
        <MessageListPane
          accountId={accountId}
          params={params}
          mailbox={mailbox}
          mailboxes={mailboxes}
          openEmailId={openEmailId}
          anchor={anchor}
          live={live}
          commands={commands}
          onRowClick={onRowClick}
        />
        <Reader
          session={session}
          accountId={accountId}
          emailId={openEmailId}
          onBack={() => onNavigate(mailPath(mailbox.id))}
          actions={
            openEmailId && (
              <SnoozeMenu
                open={snoozeMenu === 'reader'}
                onOpenChange={(open) => ui.snoozeMenuToggled(open ? 'reader' : null)}
                onSnooze={(until) => commands.snooze(until, [openEmailId])}
              />
            )
          }
        />
      </main>
      <ShortcutsHelp open={helpOpen} onClose={() => ui.shortcutsHelpToggled(false)} />
    </div>
  );
}
