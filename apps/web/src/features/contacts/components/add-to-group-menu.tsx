import { useId, useRef, useState } from 'react';
import type { ContactCard, Id } from '@colibri/jmap-types';
import { Button } from '@colibri/ui';
import { cardDisplayName } from '../lib/card-format';
import { contactsMessages } from '../messages';

/**
 * "Add to group…": the keyboard's way to do what dragging a card onto a group does. A menu
 * button (WAI-ARIA APG menu button pattern) listing the groups the card is not in yet.
 */
export function AddToGroupMenu({
  groups,
  memberUid,
  onAdd,
}: {
  groups: readonly ContactCard[];
  memberUid: string;
  onAdd: (groupId: Id) => void;
}) {
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const items = useRef<(HTMLButtonElement | null)[]>([]);
  const choices = groups.filter((g) => g.members?.[memberUid] !== true);
  if (choices.length === 0) return null;
  const close = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };
  const focusItem = (index: number) => items.current[(index + choices.length) % choices.length]?.focus();
  return (
    <div className="contacts-menu">
      <Button
        ref={buttonRef}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => {
          setOpen((o) => !o);
          // The first item takes the focus once the menu is in the DOM.
          setTimeout(() => focusItem(0));
        }}
      >
        {contactsMessages.addToGroup}
      </Button>
      {open ? (
        <ul
          id={menuId}
          role="menu"
          aria-label={contactsMessages.addToGroupMenu}
          className="contacts-menu__list"
          onKeyDown={(event) => {
            const at = items.current.indexOf(document.activeElement as HTMLButtonElement);
            if (event.key === 'Escape') close();
            else if (event.key === 'ArrowDown') focusItem(at + 1);
            else if (event.key === 'ArrowUp') focusItem(at - 1);
            else if (event.key === 'Home') focusItem(0);
            else if (event.key === 'End') focusItem(choices.length - 1);
            else return;
            event.preventDefault();
          }}
        >
          {choices.map((group, index) => (
            <li key={group.id} role="none">
              <button
                type="button"
                role="menuitem"
                tabIndex={-1}
                ref={(el) => {
                  items.current[index] = el;
                }}
                onClick={() => {
                  onAdd(group.id);
                  close();
                }}
              >
                <bdi>{cardDisplayName(group) || contactsMessages.noName}</bdi>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
