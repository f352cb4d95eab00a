import { useMemo } from 'react';
import type { KeyboardEvent, MouseEvent } from 'react';
import { Button } from '@colibri/ui';
import type { Id } from '@colibri/jmap-types';
import { MenuIcon } from '../../../components/icons';
import { PageStatus } from '../../../components/page-status';
import type { MailboxSummary } from '../api/get-mailboxes';
import type { EmailListParams } from '../api/keys';
import type { useMailCommands } from '../hooks/use-mail-commands';
import { useEmailList } from '../api/query-emails';
import { loadedIds } from '../lib/row-index';
import { useSelectedIds } from '../stores/selection-store';
import { mailMessages } from '../messages';
import {
  useListMode,
  useMailLayout,
  useMailUiActions,
  useMailboxPaneOpen,
  useSnoozeMenu,
} from '../stores/mail-ui-store';
import { MessageList } from './message-list';
import { MessageListToolbar } from './message-list-toolbar';
import { SnoozeMenu } from './snooze-menu';

export interface MessageListPaneProps {
  accountId: Id;
  params: EmailListParams;
  mailbox: MailboxSummary;
  mailboxes: readonly MailboxSummary[];
  openEmailId: Id | undefined;
  anchor: { current: number };
  live: boolean;
  commands: ReturnType<typeof useMailCommands>;
  onRowClick: (id: Id, event: MouseEvent<HTMLDivElement> | KeyboardEvent<HTMLDivElement>) => void;
}

/** The middle pane: the mailbox's title and counts, the view switches, the actions and the list. */
export function MessageListPane({
  accountId,
  params,
  mailbox,
  mailboxes,
  openEmailId,
  anchor,
  live,
  commands,
  onRowClick,
}: MessageListPaneProps) {
  const list = useEmailList(accountId, params, () => anchor.current);
  const selected = useSelectedIds();
  const loaded = useMemo(() => loadedIds(list.data), [list.data]);
  const allSelected = loaded.length > 0 && loaded.every((id) => selected.has(id));
  const paneOpen = useMailboxPaneOpen();
  const layout = useMailLayout();
  const listMode = useListMode();
  const ui = useMailUiActions();
  const snoozeMenu = useSnoozeMenu();

  let body;
  if (list.isPending) body = <PageStatus>{mailMessages.listLoading}</PageStatus>;
  else if (list.isError) {
    body = (
      <PageStatus
        tone="error"
        action={
          <Button variant="secondary" onClick={() => void list.refetch()}>
            {mailMessages.retry}
          </Button>
        }
      >
        {mailMessages.listError}
      </PageStatus>
    );
  } else if (list.data.total === 0) body = <PageStatus>{mailMessages.listEmpty}</PageStatus>;
  else {
    body = (
      <MessageList
        accountId={accountId}
        params={params}
        data={list.data}
        mailboxName={mailbox.name}
        openEmailId={openEmailId}
        opensInReader={mailbox.role !== 'drafts'}
        anchor={anchor}
        onRowClick={onRowClick}
        onStep={commands.step}
        onToggleCursor={() => commands.command('toggleSelect')}
      />
    );
  }

  return (
    <section className="message-list" aria-labelledby="message-list-heading">
      <header className="message-list__header">
        <Button
          variant="ghost"
          className="message-list__pane-toggle"
          aria-expanded={paneOpen}
          aria-controls="mailbox-pane"
          onClick={ui.mailboxPaneToggled}
        >
          <MenuIcon />
          <span className="visually-hidden">
            {paneOpen ? mailMessages.hideMailboxes : mailMessages.showMailboxes}
          </span>
        </Button>
        <h1 id="message-list-heading" className="message-list__title">
          {mailbox.name}
        </h1>
        <p className="message-list__counts">
          {mailMessages.messageCount(mailbox.totalEmails)}
          {mailbox.unreadEmails > 0 && <> · {mailMessages.unreadCount(mailbox.unreadEmails)}</>}
          {!live && <> · {mailMessages.liveOffline}</>}
        </p>
        <div className="message-list__views">
          <label>
            <span className="visually-hidden">{mailMessages.modeLabel}</span>
            <select
              value={listMode}
              onChange={(event) =>
                ui.listModeChosen(event.target.value === 'conversations' ? 'conversations' : 'messages')
              }
            >
              <option value="messages">{mailMessages.modeMessages}</option>
              <option value="conversations">{mailMessages.modeConversations}</option>
            </select>
          </label>
          <label className="message-list__layout">
            <span className="visually-hidden">{mailMessages.layoutLabel}</span>
            <select
              value={layout}
              onChange={(event) => ui.layoutChosen(event.target.value === 'list' ? 'list' : 'split')}
            >
              <option value="split">{mailMessages.layoutSplit}</option>
              <option value="list">{mailMessages.layoutList}</option>
            </select>
          </label>
        </div>
      </header>
      <MessageListToolbar
        rights={mailbox.myRights}
        selectedCount={selected.size}
        allSelected={allSelected}
        mailboxes={mailboxes}
        currentMailboxId={mailbox.id}
        onSelectAll={() => commands.command('selectAll')}
        total={list.data?.total ?? 0}
        mailboxName={mailbox.name}
        onSelectEverything={() => void commands.selectEverything()}
        onAction={(action) => commands.bulk(action)}
        onMove={(to) => commands.moveTo(to)}
        snooze={
          <SnoozeMenu
            open={snoozeMenu === 'toolbar'}
            onOpenChange={(open) => ui.snoozeMenuToggled(open ? 'toolbar' : null)}
            onSnooze={(until) => commands.snooze(until)}
          />
        }
      />
      {body}
    </section>
  );
}
