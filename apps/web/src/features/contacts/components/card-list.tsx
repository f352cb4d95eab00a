import { useRef } from 'react';
import type { Id } from '@colibri/jmap-types';
import { useFixedRowWindow } from '../../../lib/use-fixed-row-window';
import type { CardListParams } from '../api/keys';
import { useCardListHead, useCardRows } from '../api/query-cards';
import { cardDisplayName, primaryEmail } from '../lib/card-format';
import { contactsMessages } from '../messages';
import { ContactAvatar } from './contact-avatar';

/** Fixed row height: the window is computed from the scroll offset (lib/row-window). */
export const CARD_ROW_HEIGHT = 56;
const OVERSCAN = 5;
/** The drag data of a card: its uid (RFC 9553 §2.1.9), what a group's members list. */
export const CARD_DRAG_TYPE = 'application/x-colibri-contact-uid';

export interface CardListProps {
  accountId: Id;
  params: CardListParams;
  selectedId: Id | null;
  onOpen: (id: Id) => void;
}

/**
 * The cards of the scope and search, virtualised: only the rows in view (plus a few) are in the
 * DOM, and only the 100-card windows covering them are fetched (ContactCard/query position/limit).
 */
export function CardList({ accountId, params, selectedId, onOpen }: CardListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const head = useCardListHead(accountId, params);
  const total = head.data?.total ?? 0;
  const rows = useFixedRowWindow(scrollRef, total, CARD_ROW_HEIGHT, OVERSCAN);
  const cardAt = useCardRows(accountId, params, rows.start, rows.end);

  return (
    <div className="contacts-list">
      <p className="contacts-list__count" role="status">
        {head.isPending ? contactsMessages.loading : contactsMessages.count(total)}
      </p>
      {head.isError ? (
        <p role="alert">{contactsMessages.loadError}</p>
      ) : !head.isPending && total === 0 ? (
        <p className="contacts-list__empty">
          {params.text.trim() ? contactsMessages.noMatch(params.text.trim()) : contactsMessages.empty}
        </p>
      ) : null}
      <div ref={scrollRef} className="contacts-list__scroll">
        <ul
          className="contacts-list__rows"
          aria-label={contactsMessages.listLabel}
          style={{ height: rows.totalHeight }}
        >
          {total > 0 &&
            Array.from({ length: rows.end - rows.start + 1 }, (_, offset) => {
              const index = rows.start + offset;
              const card = cardAt(index);
              const name = card ? cardDisplayName(card) || contactsMessages.noName : '';
              const email = card ? primaryEmail(card) : null;
              return (
                <li
                  key={card?.id ?? `row-${index}`}
                  className="contacts-list__row"
                  style={{ top: index * CARD_ROW_HEIGHT, height: CARD_ROW_HEIGHT }}
                  aria-setsize={total}
                  aria-posinset={index + 1}
                >
                  {card ? (
                    <button
                      type="button"
                      draggable
                      onDragStart={(event) => {
                        // Dropped on a group of the side pane, the card becomes a member.
                        event.dataTransfer.setData(CARD_DRAG_TYPE, card.uid);
                        event.dataTransfer.setData('text/plain', email ? `${name} <${email}>` : name);
                        event.dataTransfer.effectAllowed = 'copy';
                      }}
                      className="contacts-list__button"
                      aria-current={card.id === selectedId ? 'true' : undefined}
                      onClick={() => onOpen(card.id)}
                    >
                      <ContactAvatar card={card} name={name} email={email ?? ''} size="sm" />
                      <span className="contacts-list__text">
                        <bdi className="contacts-list__name">{name}</bdi>
                        {email && email !== name ? (
                          <span className="contacts-list__email">{email}</span>
                        ) : null}
                      </span>
                    </button>
                  ) : (
                    <span className="contacts-list__placeholder" aria-hidden="true" />
                  )}
                </li>
              );
            })}
        </ul>
      </div>
    </div>
  );
}
