import { useEffect, useRef } from 'react';
import type { DragEvent, KeyboardEvent, MouseEvent } from 'react';
import { ListRow } from '@colibri/ui';
import { Keyword } from '@colibri/jmap-types';
import type { Id } from '@colibri/jmap-types';
import type { EmailListParams } from '../api/keys';
import { useDensity } from '../../../lib/device-preferences';
import {
  IDLE_PREFETCH_ROWS,
  useConversationPrefetch,
  useIdlePrefetch,
} from '../hooks/use-conversation-prefetch';
import { useFixedRowWindow } from '../../../lib/use-fixed-row-window';
import { useVisibleRowsLoader } from '../hooks/use-visible-rows-loader';
import type { EmailListData } from '../lib/email-window';
import { writeDraggedEmails } from '../lib/drag-emails';
import { positionOf } from '../lib/row-index';
import { mailMessages } from '../messages';
import { useCursor, useSelectedIds } from '../stores/selection-store';
import { MessageListItem } from './message-list-item';

/** Every row has this height, so that any position maps to a scroll offset without measuring. */
export const MESSAGE_ROW_HEIGHT = 80;
/** The compact density's row (app.css hides the preview line under `[data-density=compact]`). */
export const COMPACT_ROW_HEIGHT = 52;
/** Rows rendered beyond the visible ones, each way: enough for smooth wheel scrolling, no more. */
const OVERSCAN = 3;

export interface MessageListProps {
  accountId: Id;
  params: EmailListParams;
  data: EmailListData;
  /** The mailbox name, for the list's accessible name. */
  mailboxName: string;
  openEmailId: Id | undefined;
  /** Rows open in the reader (drafts open in the composer): their conversations are fetched ahead. */
  opensInReader: boolean;
  /** Set to the first visible position, so that a refetch fetches the rows in view. */
  anchor: { current: number };
  onRowClick: (id: Id, event: MouseEvent<HTMLDivElement> | KeyboardEvent<HTMLDivElement>) => void;
  /** Arrow keys and Home/End inside the list: move by a number of rows, or to an end. */
  onStep: (step: number) => void;
  /** Space: the cursor row joins or leaves the selection (ARIA multi-select listbox). */
  onToggleCursor: () => void;
}

export const rowDomId = (id: Id) => `message-row-${id}`;

/** The email id of the row an event happened in, if any. */
function rowEmailId(target: EventTarget): Id | null {
  return target instanceof Element
    ? (target.closest('[data-email-id]')?.getAttribute('data-email-id') ?? null)
    : null;
}

/** How long after a message is opened the next row's conversation is fetched (j, auto-advance). */
const NEXT_PREFETCH_DELAY_MS = 300;

/**
 * The messages of a mailbox, virtualised: only the rows in view (plus a few) are in the DOM,
 * and only their windows are fetched (hooks/use-visible-rows-loader). It is a multi-select
 * listbox that keeps focus itself and points at the cursor row with aria-activedescendant,
 * since the focused row of a virtual list may scroll out of the DOM.
 */
export function MessageList({
  accountId,
  params,
  data,
  mailboxName,
  openEmailId,
  opensInReader,
  anchor,
  onRowClick,
  onStep,
  onToggleCursor,
}: MessageListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const selected = useSelectedIds();
  const cursor = useCursor();
  const rowHeight = useDensity() === 'compact' ? COMPACT_ROW_HEIGHT : MESSAGE_ROW_HEIGHT;
  const rows = useFixedRowWindow(scrollRef, data.total, rowHeight, OVERSCAN);
  const first = rows.start;
  const last = Math.max(rows.start, rows.end);
  const { scrollToIndex } = rows;
  useVisibleRowsLoader(accountId, params, data, first, last);
  useEffect(() => {
    anchor.current = first;
  }, [anchor, first]);

  // The cursor stays in view however it moved (keys, auto-advance after archiving).
  const cursorIndex = cursor === null ? -1 : positionOf(data, cursor);
  useEffect(() => {
    if (cursorIndex >= 0) scrollToIndex(cursorIndex);
  }, [cursorIndex, scrollToIndex]);

  // Conversations are fetched ahead: the list's first rows when idle, the row under the pointer
  // or the keyboard cursor, and, once a message is open, the next one (what j and archiving move to).
  const prefetch = useConversationPrefetch(accountId, opensInReader);
  useEffect(() => {
    if (cursor !== null && cursor !== openEmailId) prefetch.resting(cursor);
  }, [cursor, openEmailId, prefetch]);
  const firstIds: Id[] = [];
  for (let index = 0; index < IDLE_PREFETCH_ROWS; index++) {
    const id = data.ids.get(index);
    if (id !== undefined) firstIds.push(id);
  }
  useIdlePrefetch(accountId, firstIds, opensInReader);
  const openIndex = openEmailId === undefined ? -1 : positionOf(data, openEmailId);
  const nextId = openIndex >= 0 ? data.ids.get(openIndex + 1) : undefined;
  useEffect(() => {
    if (nextId === undefined) return undefined;
    const timer = setTimeout(() => prefetch.now(nextId), NEXT_PREFETCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [nextId, prefetch]);

  const highlighted = cursor ?? openEmailId;
  // aria-activedescendant may only point at a row that is in the DOM.
  const isRendered = (id: Id) => {
    const index = positionOf(data, id);
    return index >= first && index <= last;
  };
  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const page = Math.max(1, rows.lastVisible - rows.firstVisible);
    const steps: Record<string, number> = {
      ArrowDown: 1,
      ArrowUp: -1,
      PageDown: page,
      PageUp: -page,
      Home: -data.total,
      End: data.total,
    };
    const step = steps[event.key];
    if (step !== undefined) {
      event.preventDefault();
      onStep(step);
    } else if (event.key === ' ' && event.target === event.currentTarget) {
      event.preventDefault();
      onToggleCursor();
    }
  }

  function onDragStart(event: DragEvent<HTMLDivElement>, id: Id) {
    // Dragging a selected row drags the whole selection; another row goes alone.
    const ids = selected.has(id) ? [...selected] : [id];
    writeDraggedEmails(event.dataTransfer, ids, mailMessages.messagesCount(ids.length));
  }

  return (
    <div
      ref={scrollRef}
      className="message-list__rows"
      role="listbox"
      aria-label={mailMessages.messagesLabel(mailboxName)}
      aria-multiselectable="true"
      aria-activedescendant={highlighted && isRendered(highlighted) ? rowDomId(highlighted) : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onPointerOver={(event) => prefetch.resting(rowEmailId(event.target))}
      onPointerLeave={() => prefetch.resting(null)}
      onPointerDown={(event) => {
        const id = rowEmailId(event.target);
        if (id !== null) prefetch.now(id);
      }}
    >
      <div className="message-list__canvas" style={{ height: rows.totalHeight }}>
        {Array.from({ length: rows.end - rows.start + 1 }, (_, offset) => {
          const index = rows.start + offset;
          const id = data.ids.get(index);
          const email = id === undefined ? undefined : data.emails[id];
          const style = { transform: `translateY(${index * rowHeight}px)`, height: rowHeight };
          if (id === undefined || !email) {
            return (
              <div
                key={`pending-${index}`}
                role="option"
                aria-selected="false"
                aria-disabled="true"
                aria-posinset={index + 1}
                aria-setsize={data.total}
                className="message-list__row message-list__row--pending"
                style={style}
              >
                <span className="message-list__pending-bar" aria-hidden="true" />
                <span className="visually-hidden">{mailMessages.loadingRow}</span>
              </div>
            );
          }
          const isSelected = selected.size > 0 ? selected.has(id) : id === openEmailId;
          return (
            <ListRow
              key={id}
              id={rowDomId(id)}
              data-email-id={id}
              className="message-list__row"
              style={style}
              selected={isSelected}
              active={id === highlighted}
              unread={!email.keywords[Keyword.Seen]}
              tabIndex={-1}
              aria-posinset={index + 1}
              aria-setsize={data.total}
              draggable
              onDragStart={(event) => onDragStart(event, id)}
              onSelect={(event) => {
                // The list keeps the focus (aria-activedescendant), not the clicked row.
                scrollRef.current?.focus({ preventScroll: true });
                onRowClick(id, event);
              }}
            >
              <MessageListItem email={email} />
            </ListRow>
          );
        })}
      </div>
    </div>
  );
}
