import { useMemo, useState } from 'react';
import type { DragEvent } from 'react';
import { MailboxTreeItem } from '@colibri/ui';
import type { Id } from '@colibri/jmap-types';
import type { MailboxSummary } from '../api/get-mailboxes';
import { carriesEmails, readDraggedEmails } from '../lib/drag-emails';
import { flattenMailboxTree } from '../lib/mailbox-tree';
import { mailMessages } from '../messages';

export interface MailboxTreeProps {
  mailboxes: readonly MailboxSummary[];
  selectedId: Id | undefined;
  onSelect: (mailboxId: Id) => void;
  /** Message rows dropped on a mailbox: move them there. None: the tree takes no drops (another account's). */
  onDropEmails?: ((mailboxId: Id, emailIds: Id[]) => void) | undefined;
  labelledBy: string;
}

/**
 * The account's mailboxes, special-use ones first, nested folders indented, with unread counts.
 * Each one is a drop target for message rows dragged from the list.
 */
export function MailboxTree({ mailboxes, selectedId, onSelect, onDropEmails, labelledBy }: MailboxTreeProps) {
  const rows = useMemo(() => flattenMailboxTree(mailboxes), [mailboxes]);
  const [dropTarget, setDropTarget] = useState<Id | null>(null);

  const dragOver = (event: DragEvent, id: Id) => {
    if (!onDropEmails || !carriesEmails(event.dataTransfer) || id === selectedId) return;
    event.preventDefault(); // Accepts the drop.
    event.dataTransfer.dropEffect = 'move';
    setDropTarget(id);
  };
  const drop = (event: DragEvent, id: Id) => {
    setDropTarget(null);
    const ids = readDraggedEmails(event.dataTransfer);
    if (!onDropEmails || ids.length === 0 || id === selectedId) return;
    event.preventDefault();
    onDropEmails(id, ids);
  };

  return (
    <ul className="mailbox-tree" aria-labelledby={labelledBy}>
      {rows.map(({ mailbox, depth }) => (
        <li key={mailbox.id}>
          <MailboxTreeItem
            name={mailbox.name}
            role={mailbox.role ?? undefined}
            unreadCount={mailbox.unreadEmails}
            unreadLabel={mailMessages.unreadCount}
            depth={depth}
            selected={mailbox.id === selectedId}
            data-drop-target={dropTarget === mailbox.id || undefined}
            onDragOver={(event) => dragOver(event, mailbox.id)}
            onDragEnter={(event) => dragOver(event, mailbox.id)}
            onDragLeave={() => setDropTarget((current) => (current === mailbox.id ? null : current))}
            onDrop={(event) => drop(event, mailbox.id)}
            onSelect={() => onSelect(mailbox.id)}
          />
        </li>
      ))}
    </ul>
  );
}
