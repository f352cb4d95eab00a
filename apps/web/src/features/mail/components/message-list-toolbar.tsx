import type { ReactNode } from 'react';
import { Button } from '@colibri/ui';
import type { Id, MailboxRights } from '@colibri/jmap-types';
import type { MailboxSummary } from '../api/get-mailboxes';
import { MAX_BULK_SELECTION } from '../api/query-email-ids';
import type { BulkAction } from '../hooks/use-mail-commands';
import { may } from '../lib/shared-accounts';
import { mailMessages } from '../messages';
import { MailboxOptions } from './mailbox-options';

// Each action and the right it needs in a shared folder (RFC 8621 §2 MailboxRights).
const BUTTONS: readonly [BulkAction, string, keyof MailboxRights][] = [
  ['archive', mailMessages.archive, 'mayRemoveItems'],
  ['delete', mailMessages.delete, 'mayRemoveItems'],
  ['read', mailMessages.markRead, 'maySetSeen'],
  ['unread', mailMessages.markUnread, 'maySetSeen'],
  ['flag', mailMessages.flag, 'maySetKeywords'],
];

export interface MessageListToolbarProps {
  selectedCount: number;
  /** Whether every loaded row is selected (the "select all" box is then ticked). */
  allSelected: boolean;
  mailboxes: readonly MailboxSummary[];
  currentMailboxId: Id;
  onSelectAll: () => void;
  /** Rows in the whole list (the mailbox's count, not only the loaded ones). */
  total: number;
  mailboxName: string;
  /** Selects every message of the list, loaded or not. */
  onSelectEverything: () => void;
  onAction: (action: BulkAction) => void;
  onMove: (mailboxId: Id) => void;
  /** The Snooze menu (it holds its own popover), after the other actions. */
  snooze?: ReactNode;
  /** The folder's myRights when it is shared with the user: actions it does not allow are not offered. */
  rights?: MailboxRights | undefined;
}

/**
 * The actions on the selected messages (or, with none selected, the cursor or open message):
 * archive, delete, move, read/unread, flag, snooze. A native select does the move, so that it works
 * with the keyboard and screen readers without a custom menu.
 */
export function MessageListToolbar({
  selectedCount,
  allSelected,
  mailboxes,
  currentMailboxId,
  onSelectAll,
  total,
  mailboxName,
  onSelectEverything,
  onAction,
  onMove,
  snooze,
  rights,
}: MessageListToolbarProps) {
  const mayRemove = may(rights, 'mayRemoveItems');
  return (
    <div className="message-toolbar" role="toolbar" aria-label={mailMessages.toolbarLabel}>
      <label className="message-toolbar__all">
        <input type="checkbox" checked={allSelected} onChange={onSelectAll} />
        <span className="visually-hidden">{mailMessages.selectAll}</span>
      </label>
      {selectedCount > 0 && (
        <span className="message-toolbar__count" aria-live="polite">
          {mailMessages.selectedCount(selectedCount)}
        </span>
      )}
      {allSelected && selectedCount < Math.min(total, MAX_BULK_SELECTION) && (
        <Button variant="ghost" className="message-toolbar__everything" onClick={onSelectEverything}>
          {total > MAX_BULK_SELECTION
            ? mailMessages.selectFirst(MAX_BULK_SELECTION)
            : mailMessages.selectEverything(total, mailboxName)}
        </Button>
      )}
      {BUTTONS.filter(([, , right]) => may(rights, right)).map(([action, label]) => (
        <Button key={action} variant="ghost" onClick={() => onAction(action)}>
          {label}
        </Button>
      ))}
      {mayRemove && snooze}
      {mayRemove && (
        <select
          className="message-toolbar__move"
          aria-label={mailMessages.moveTo}
          value=""
          onChange={(event) => {
            if (event.target.value) onMove(event.target.value);
          }}
        >
          <option value="">{mailMessages.moveTo}</option>
          <MailboxOptions mailboxes={mailboxes} exclude={new Set([currentMailboxId])} />
        </select>
      )}
    </div>
  );
}
