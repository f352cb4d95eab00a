import type { ComponentPropsWithRef, KeyboardEvent, MouseEvent, ReactNode } from 'react';
import { classNames } from '../internal/class-names';
import './list-row.css';

export type ListRowSelectEvent = MouseEvent<HTMLDivElement> | KeyboardEvent<HTMLDivElement>;

export interface ListRowProps extends Omit<ComponentPropsWithRef<'div'>, 'onSelect' | 'role' | 'children'> {
  /** Shown as selected and exposed as `aria-selected`. */
  selected?: boolean;
  /**
   * The row the keyboard is on when its container keeps focus and points at it with
   * `aria-activedescendant` (a virtualised list): drawn with the focus ring.
   */
  active?: boolean;
  /** Shown in bold with a dot; say it in the content too (e.g. a hidden "Unread") for screen readers. */
  unread?: boolean;
  /** Called on click, Enter or Space on the row itself (not on an interactive child). */
  onSelect: (event: ListRowSelectEvent) => void;
  /**
   * `option` (default) inside a `role="listbox"` container, or `row` inside a `role="grid"`
   * (the content is then wrapped in one `gridcell`).
   */
  role?: 'option' | 'row';
  children: ReactNode;
}

/**
 * One selectable row of a list the app builds (a message list, a search result list).
 *
 * Expected container: an element with `role="listbox"` (rows are `option`s) or `role="grid"`
 * (rows are `row`s), with an accessible name (`aria-label`/`aria-labelledby`). The container owns
 * arrow-key navigation: it moves focus between rows (`element.focus()`) and may select as it goes.
 * Rows are in the tab order by default (`tabIndex` 0); for a roving tab stop pass
 * `tabIndex={isActive ? 0 : -1}` so that only one row is reached with Tab.
 */
export function ListRow({
  selected = false,
  active = false,
  unread = false,
  onSelect,
  role = 'option',
  tabIndex = 0,
  className,
  onClick,
  onKeyDown,
  children,
  ...props
}: ListRowProps) {
  function handleClick(event: MouseEvent<HTMLDivElement>) {
    onClick?.(event);
    if (!event.defaultPrevented) onSelect(event);
  }

  function handleKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    onKeyDown?.(event);
    // Keys pressed on a button or link inside the row belong to that control.
    if (event.defaultPrevented || event.target !== event.currentTarget) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault(); // Space would scroll the list.
      onSelect(event);
    }
  }

  return (
    <div
      role={role}
      aria-selected={selected}
      tabIndex={tabIndex}
      className={classNames(
        'cb-list-row',
        selected && 'cb-list-row--selected',
        active && 'cb-list-row--active',
        unread && 'cb-list-row--unread',
        className,
      )}
      onClick={handleClick}
      onKeyDown={handleKeyDown}
      {...props}
    >
      {role === 'row' ? (
        <div role="gridcell" className="cb-list-row__cell">
          {children}
        </div>
      ) : (
        children
      )}
    </div>
  );
}
