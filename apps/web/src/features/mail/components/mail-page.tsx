import { useEffect, useMemo, useRef } from 'react';
import type { KeyboardEvent, MouseEvent } from 'react';
import { Link, Navigate, useNavigate, useParams } from 'react-router';
import type { Id, Session } from '@colibri/jmap-types';
import { PageStatus } from '../../../components/page-status';
import { useOptionalComposeLauncher } from '../../../lib/compose-launcher';
import { defaultMailbox, useMailboxes } from '../api/get-mailboxes';
import type { MailboxSummary } from '../api/get-mailboxes';
import { useMailSession } from '../api/get-session';
import { emailListParams } from '../api/keys';
import { mailPathOf, useMailCommands } from '../hooks/use-mail-commands';
import { useLiveMail } from '../hooks/use-live-mail';
import { useMailShortcuts } from '../hooks/use-mail-shortcuts';
import { usePrefetchMailRoute } from '../hooks/use-prefetch-mail-route';
import { mailAccountOf } from '../lib/shared-accounts';
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
import { AccountMailboxTree, SharedMailboxes } from './shared-mailboxes';
import { MessageListPane } from './message-list-pane';
import { Reader } from './reader';
import { ShortcutsHelp } from './shortcuts-help';
import { SnoozeMenu } from './snooze-menu';

/**
 * `/mail/:mailboxId?/:emailId?`: mailboxes, the message list and the reader, of the user's own
 * account; `/mail/shared/:accountId/…`: the same of an account shared with them (RFC 9670).
 */
export function MailPage() {
  const { mailboxId, emailId, accountId: sharedAccountId } = useParams();
  usePrefetchMailRoute(sharedAccountId ? {} : { mailboxId, emailId });
  const { session, accountId, error, isPending } = useMailSession();
  if (isPending) return <PageStatus>{mailMessages.mailboxesLoading}</PageStatus>;
  if (error || !session || !accountId)
    return <PageStatus tone="error">{mailMessages.mailboxesError}</PageStatus>;
  if (sharedAccountId && !mailAccountOf(session, sharedAccountId)) return <MailboxNotFound />;
  return (
    <MailScreen
      session={session}
      primaryId={accountId}
      accountId={sharedAccountId ?? accountId}
      sharedAccountId={sharedAccountId}
    />
  );
}

function MailboxNotFound() {
  return (
    <PageStatus tone="error" action={<Link to="/mail">{mailMessages.backToList}</Link>}>
      {mailMessages.mailboxNotFound}
    </PageStatus>
  );
}

interface MailScreenProps {
  session: Session;
  /** The user's own mail account (RFC 8621 §1.3 primary). */
  primaryId: Id;
  /** The account on screen: the own one, or `sharedAccountId`. */
  accountId: Id;
  sharedAccountId: Id | undefined;
}

function MailScreen({ session, primaryId, accountId, sharedAccountId }: MailScreenProps) {
  const { mailboxId, emailId } = useParams();
  const navigate = useNavigate();
  const mailboxes = useMailboxes(accountId);
  const live = useLiveMail(session, primaryId);

  if (!mailboxId && mailboxes.data) {
    const first = defaultMailbox(mailboxes.data);
    if (first) return <Navigate to={mailPathOf(first.id, undefined, sharedAccountId)} replace />;
  }
  const mailbox = mailboxes.data?.find((m) => m.id === mailboxId);
  if (mailboxes.isPending) return <PageStatus>{mailMessages.mailboxesLoading}</PageStatus>;
  if (mailboxes.isError) return <PageStatus tone="error">{mailMessages.mailboxesError}</PageStatus>;
  if (!mailbox || !mailboxId) return <MailboxNotFound />;
  return (
    <MailboxScreen
      session={session}
      primaryId={primaryId}
      accountId={accountId}
      sharedAccountId={sharedAccountId}
      mailboxes={mailboxes.data}
      mailbox={mailbox}
      openEmailId={emailId}
      live={live}
      onNavigate={navigate}
    />
  );
}

interface MailboxScreenProps extends MailScreenProps {
  mailboxes: MailboxSummary[];
  mailbox: MailboxSummary;
  openEmailId: Id | undefined;
  live: boolean;
  onNavigate: (to: string) => void;
}

function MailboxScreen({
  session,
  primaryId,
  accountId,
  sharedAccountId,
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
    sharedAccountId,
  });
  const mailPath = (id: Id) => mailPathOf(id, undefined, sharedAccountId);
  const launchComposer = useOptionalComposeLauncher();
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
        <AccountMailboxTree
          accountId={primaryId}
          selectedId={sharedAccountId ? undefined : mailbox.id}
          labelledBy="mailboxes-heading"
          onSelect={(id) => {
            ui.mailboxChosen();
            onNavigate(mailPathOf(id));
          }}
          onDropEmails={sharedAccountId ? undefined : (to, emailIds) => commands.moveTo(to, emailIds)}
        />
        {!sharedAccountId && (
          <FolderManager
            accountId={accountId}
            mailboxes={mailboxes}
            current={mailbox}
            onDeleted={() => onNavigate('/mail')}
          />
        )}
        <SharedMailboxes
          session={session}
          selected={sharedAccountId ? { accountId, mailboxId: mailbox.id } : undefined}
          onSelect={(account, id) => {
            ui.mailboxChosen();
            onNavigate(mailPathOf(id, undefined, account));
          }}
          onDropEmails={(to, emailIds) => commands.moveTo(to, emailIds)}
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
          onReply={
            // Answering mail of a shared account: the composer reads it from there.
            sharedAccountId && launchComposer
              ? (id, mode) =>
                  launchComposer({
                    mode: mode === 'reply-all' ? 'replyAll' : mode,
                    emailId: id,
                    sourceAccountId: sharedAccountId,
                  })
              : undefined
          }
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
