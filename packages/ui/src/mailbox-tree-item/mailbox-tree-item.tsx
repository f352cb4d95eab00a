import type { ComponentPropsWithRef, CSSProperties, MouseEvent } from 'react';
import type { MailboxRole } from '@colibri/jmap-types';
import { classNames } from '../internal/class-names';
import { MailboxIcon, mailboxIconName } from './mailbox-icon';
import '../internal/visually-hidden.css';
import './mailbox-tree-item.css';

export interface MailboxTreeItemProps extends Omit<
  ComponentPropsWithRef<'button'>,
  'onSelect' | 'children' | 'role' | 'name'
> {
  /** The mailbox's own name (not its path). */
  name: string;
  /** Its role (RFC 8621 §2), which picks the icon; none for a user folder. */
  role?: MailboxRole | null;
  /** Unread messages; a badge shows it when above zero. */
  unreadCount: number;
  /** Nesting level, 0 for a top-level mailbox; each level indents the item. */
  depth: number;
  /** The mailbox being shown: exposed as `aria-current`. */
  selected: boolean;
  /** Called on click, Enter or Space (it is a native button). */
  onSelect: (event: MouseEvent<HTMLButtonElement>) => void;
  /** The spoken count, for translation; defaults to "12 unread". */
  unreadLabel?: (count: number) => string;
}

const defaultUnreadLabel = (count: number) => `${count} unread`;

/**
 * One mailbox in the mailbox navigation: icon, name, unread badge, indented by depth.
 *
 * It is a `<button>` with `aria-current` on the mailbox being shown, meant to sit in a list
 * (`<nav aria-label="Mailboxes"><ul><li>…`) that the app builds from the flattened tree.
 * Its accessible name is the name followed by the unread label: "Inbox 12 unread".
 */
export function MailboxTreeItem({
  name,
  role,
  unreadCount,
  depth,
  selected,
  onSelect,
  unreadLabel = defaultUnreadLabel,
  className,
  style,
  onClick,
  ...props
}: MailboxTreeItemProps) {
  const indent = { '--cb-mailbox-depth': Math.max(0, depth), ...style } as CSSProperties;
  return (
    <button
      type="button"
      className={classNames('cb-mailbox-item', selected && 'cb-mailbox-item--selected', className)}
      style={indent}
      aria-current={selected ? 'true' : undefined}
      onClick={(event) => {
        onClick?.(event);
        if (!event.defaultPrevented) onSelect(event);
      }}
      {...props}
    >
      <MailboxIcon name={mailboxIconName(role)} className="cb-mailbox-item__icon" />
      <span className="cb-mailbox-item__name">{name}</span>{' '}
      {unreadCount > 0 && (
        <span className="cb-mailbox-item__badge">
          <span aria-hidden="true">{unreadCount > 999 ? '999+' : unreadCount}</span>
          <span className="cb-visually-hidden">{unreadLabel(unreadCount)}</span>
        </span>
      )}
    </button>
  );
}
