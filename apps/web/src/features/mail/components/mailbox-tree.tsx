import { useMemo } from 'react';
import { MailboxTreeItem } from '@colibri/ui';
import type { Id } from '@colibri/jmap-types';
import type { MailboxSummary } from '../api/get-mailboxes';
import { flattenMailboxTree } from '../lib/mailbox-tree';
import { mailMessages } from '../messages';

export interface MailboxTreeProps {
  mailboxes: readonly MailboxSummary[];
  selectedId: Id | undefined;
  onSelect: (mailboxId: Id) => void;
  labelledBy: string;
}

/** The account's mailboxes, special-use ones first, nested folders indented, with unread counts. */
export function MailboxTree({ mailboxes, selectedId, onSelect, labelledBy }: MailboxTreeProps) {
  const rows = useMemo(() => flattenMailboxTree(mailboxes), [mailboxes]);
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
            onSelect={() => onSelect(mailbox.id)}
          />
        </li>
      ))}
    </ul>
  );
}
