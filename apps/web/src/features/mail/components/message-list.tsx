import { useEffect, useRef } from 'react';
import type { KeyboardEvent } from 'react';
import { Button, ListRow } from '@colibri/ui';
import { Keyword } from '@colibri/jmap-types';
import type { Id } from '@colibri/jmap-types';
import { PageStatus } from '../../../components/page-status';
import { useEmailList } from '../api/query-emails';
import { mailMessages } from '../messages';
import { MessageListItem } from './message-list-item';

export interface MessageListProps {
  accountId: Id;
  mailboxId: Id;
  /** The mailbox name, for the list's accessible name. */
  mailboxName: string;
  selectedEmailId: Id | undefined;
  onOpen: (emailId: Id) => void;
}

const ROW_SELECTOR = '[role="option"]';

/** The messages of a mailbox, newest first; arrow keys move through them and open each one. */
export function MessageList({
  accountId,
  mailboxId,
  mailboxName,
  selectedEmailId,
  onOpen,
}: MessageListProps) {
  const list = useEmailList(accountId, mailboxId);
  const listRef = useRef<HTMLDivElement>(null);
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const hasSelection = items.some((item) => item.id === selectedEmailId);
  const sentinelRef = useRef<HTMLDivElement>(null);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;

  // Scrolling near the end loads the next page; the button below stays for keyboards and as a fallback.
  useEffect(() => {
    const sentinel = sentinelRef.current;
    if (!sentinel || !hasNextPage || typeof IntersectionObserver === 'undefined') return undefined;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting) && !isFetchingNextPage) void fetchNextPage();
      },
      { root: listRef.current, rootMargin: '400px 0px' },
    );
    observer.observe(sentinel);
    return () => observer.disconnect();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  function focusRow(index: number) {
    const rows = listRef.current?.querySelectorAll<HTMLElement>(ROW_SELECTOR);
    rows?.[index]?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (items.length === 0) return;
    const current = items.findIndex((item) => item.id === selectedEmailId);
    let next: number;
    switch (event.key) {
      case 'ArrowDown':
        next = Math.min(items.length - 1, current + 1);
        break;
      case 'ArrowUp':
        next = Math.max(0, current - 1);
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = items.length - 1;
        break;
      default:
        return;
    }
    event.preventDefault();
    const target = items[next];
    if (!target) return;
    if (target.id !== selectedEmailId) onOpen(target.id);
    focusRow(next);
    // Reaching the end of what is loaded fetches the next page.
    if (next >= items.length - 1 && list.hasNextPage && !list.isFetchingNextPage) void list.fetchNextPage();
  }

  if (list.isPending) return <PageStatus>{mailMessages.listLoading}</PageStatus>;
  if (list.isError) {
    return (
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
  }
  if (items.length === 0) return <PageStatus>{mailMessages.listEmpty}</PageStatus>;

  return (
    <>
      <div
        ref={listRef}
        className="message-list__rows"
        role="listbox"
        aria-label={mailMessages.messagesLabel(mailboxName)}
        onKeyDown={onKeyDown}
      >
        {items.map((email, index) => (
          <ListRow
            key={email.id}
            selected={email.id === selectedEmailId}
            unread={!email.keywords[Keyword.Seen]}
            // One tab stop for the whole list (roving tabindex): the open message, else the first.
            tabIndex={email.id === selectedEmailId || (!hasSelection && index === 0) ? 0 : -1}
            onSelect={() => onOpen(email.id)}
          >
            <MessageListItem email={email} />
          </ListRow>
        ))}
        <div ref={sentinelRef} aria-hidden="true" />
      </div>
      {list.hasNextPage && (
        <div className="message-list__more">
          <Button
            variant="secondary"
            disabled={list.isFetchingNextPage}
            onClick={() => void list.fetchNextPage()}
          >
            {list.isFetchingNextPage ? mailMessages.loadingMore : mailMessages.loadMore}
          </Button>
        </div>
      )}
    </>
  );
}
