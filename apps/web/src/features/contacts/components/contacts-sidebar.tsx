import { useState } from 'react';
import type { DragEvent } from 'react';
import type { AddressBook, ContactCard, Id } from '@colibri/jmap-types';
import { Button } from '@colibri/ui';
import { cardDisplayName } from '../lib/card-format';
import { contactsMessages } from '../messages';
import type { SharedBooks } from '../api/get-shared-books';
import type { ContactsScope } from '../stores/contacts-ui-store';
import { CARD_DRAG_TYPE } from './card-list';

export interface ContactsSidebarProps {
  books: readonly AddressBook[];
  /** Books of other accounts shared with the user (RFC 9670), by owner. */
  shared?: readonly SharedBooks[];
  groups: readonly ContactCard[];
  scope: ContactsScope;
  onScopeChange: (scope: ContactsScope) => void;
  onCreateGroup: (name: string) => void;
  /** A card (its uid) dropped on a group. */
  onDropOnGroup: (groupId: Id, memberUid: string) => void;
  onImport: () => void;
  onExport: () => void;
  exporting: boolean;
}

/** The side pane: all contacts, each address book, the groups with their sizes, import/export. */
export function ContactsSidebar({
  books,
  shared = [],
  groups,
  scope,
  onScopeChange,
  onCreateGroup,
  onDropOnGroup,
  onImport,
  onExport,
  exporting,
}: ContactsSidebarProps) {
  const [groupName, setGroupName] = useState('');
  const [dropTarget, setDropTarget] = useState<Id | null>(null);
  const carriesCard = (event: DragEvent) => event.dataTransfer.types.includes(CARD_DRAG_TYPE);
  const item = (label: string, target: ContactsScope, extra?: string) => {
    const current =
      scope.kind === target.kind &&
      (scope.kind === 'all' ||
        ('id' in target &&
          'id' in scope &&
          scope.id === target.id &&
          (scope.kind === 'book' ? scope.accountId : undefined) ===
            (target.kind === 'book' ? target.accountId : undefined)));
    return (
      <button
        type="button"
        className="contacts-side__item"
        aria-current={current ? 'true' : undefined}
        onClick={() => onScopeChange(target)}
      >
        <bdi>{label}</bdi>
        {extra ? <span className="contacts-side__extra">{extra}</span> : null}
      </button>
    );
  };
  return (
    <nav className="contacts-side" aria-label={contactsMessages.sidePane}>
      <h2 id="contacts-books-title">{contactsMessages.addressBooks}</h2>
      <ul aria-labelledby="contacts-books-title">
        <li>{item(contactsMessages.allContacts, { kind: 'all' })}</li>
        {books.map((book) => (
          <li key={book.id}>{item(book.name, { kind: 'book', id: book.id })}</li>
        ))}
      </ul>
      {shared.length > 0 ? (
        <>
          <h2 id="contacts-shared-title">{contactsMessages.sharedWithMe}</h2>
          <ul aria-labelledby="contacts-shared-title">
            {shared.flatMap(({ accountId, owner, books: theirs }) =>
              theirs.map((book) => (
                <li key={`${accountId}/${book.id}`}>
                  {item(
                    book.name,
                    { kind: 'book', id: book.id, accountId },
                    book.myRights.mayWrite
                      ? contactsMessages.sharedBy(owner)
                      : contactsMessages.sharedByReadOnly(owner),
                  )}
                </li>
              )),
            )}
          </ul>
        </>
      ) : null}
      <h2 id="contacts-groups-title">{contactsMessages.groups}</h2>
      {groups.length === 0 ? <p className="contacts-side__empty">{contactsMessages.noGroups}</p> : null}
      <ul aria-labelledby="contacts-groups-title">
        {groups.map((group) => (
          <li
            key={group.id}
            className={dropTarget === group.id ? 'contacts-side__drop' : undefined}
            onDragOver={(event) => {
              if (!carriesCard(event)) return;
              event.preventDefault();
              event.dataTransfer.dropEffect = 'copy';
              setDropTarget(group.id);
            }}
            onDragLeave={() => setDropTarget((current) => (current === group.id ? null : current))}
            onDrop={(event) => {
              setDropTarget(null);
              const uid = event.dataTransfer.getData(CARD_DRAG_TYPE);
              if (!uid) return;
              event.preventDefault();
              onDropOnGroup(group.id, uid);
            }}
          >
            {item(
              cardDisplayName(group) || contactsMessages.noName,
              { kind: 'group', id: group.id },
              String(Object.keys(group.members ?? {}).length),
            )}
          </li>
        ))}
      </ul>
      <form
        className="contacts-side__new-group"
        onSubmit={(event) => {
          event.preventDefault();
          if (!groupName.trim()) return;
          onCreateGroup(groupName.trim());
          setGroupName('');
        }}
      >
        <label htmlFor="contacts-new-group">{contactsMessages.newGroup}</label>
        <input
          id="contacts-new-group"
          value={groupName}
          placeholder={contactsMessages.groupName}
          onChange={(event) => setGroupName(event.target.value)}
        />
        <Button type="submit" disabled={!groupName.trim()}>
          {contactsMessages.createGroup}
        </Button>
      </form>
      <div className="contacts-side__transfer">
        <Button onClick={onImport}>{contactsMessages.importVcf}</Button>
        <Button onClick={onExport} disabled={exporting} aria-busy={exporting || undefined}>
          {exporting ? contactsMessages.exporting : contactsMessages.exportVcf}
        </Button>
      </div>
    </nav>
  );
}

/** The group a scope selects, if any. */
export function selectedGroup(scope: ContactsScope, groups: readonly ContactCard[]): ContactCard | null {
  return scope.kind === 'group' ? (groups.find((g) => g.id === scope.id) ?? null) : null;
}

/** The book a scope selects (null for every card or a group). */
export const selectedBookId = (scope: ContactsScope): Id | null => (scope.kind === 'book' ? scope.id : null);
