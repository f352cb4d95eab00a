import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { JmapClientProvider } from '../../../lib/jmap';
import { fakeJmapClient } from '../../../testing/fake-jmap';
import { MessageList } from './message-list';

const emails = [
  { id: 'e3', subject: 'Newest', receivedAt: '2026-03-03T10:00:00Z', keywords: {}, hasAttachment: true },
  {
    id: 'e2',
    subject: 'Middle',
    receivedAt: '2026-03-02T10:00:00Z',
    keywords: { $seen: true },
    hasAttachment: false,
  },
  {
    id: 'e1',
    subject: 'Oldest',
    receivedAt: '2026-03-01T10:00:00Z',
    keywords: { $seen: true },
    hasAttachment: false,
  },
].map((e) => ({
  ...e,
  threadId: e.id,
  from: [{ name: 'Bob', email: 'bob@colibri.test' }],
  preview: `About ${e.subject}`,
}));

function renderList(selectedEmailId: string | undefined, onOpen = vi.fn()) {
  const { client, calls } = fakeJmapClient((name) => {
    if (name === 'Email/query')
      return {
        accountId: 'A1',
        queryState: 'q',
        canCalculateChanges: false,
        position: 0,
        ids: ['e3', 'e2', 'e1'],
        total: 3,
      };
    // Returned out of order on purpose: the list must follow the query's order.
    if (name === 'Email/get')
      return { accountId: 'A1', state: 's', list: [emails[2], emails[0], emails[1]], notFound: [] };
    throw new Error(`unexpected ${name}`);
  });
  render(
    <QueryClientProvider client={new QueryClient()}>
      <JmapClientProvider client={client}>
        <MessageList
          accountId="A1"
          mailboxId="inbox"
          mailboxName="Inbox"
          selectedEmailId={selectedEmailId}
          onOpen={onOpen}
        />
      </JmapClientProvider>
    </QueryClientProvider>,
  );
  return { onOpen, calls };
}

afterEach(cleanup);

describe('MessageList', () => {
  it('asks for the mailbox newest first and gets the rows by back-reference, in one request', async () => {
    const { calls } = renderList(undefined);
    const rows = await screen.findAllByRole('option');
    expect(rows.map((row) => row.textContent)).toEqual([
      expect.stringContaining('Newest'),
      expect.stringContaining('Middle'),
      expect.stringContaining('Oldest'),
    ]);
    expect(calls.map(([name]) => name)).toEqual(['Email/query', 'Email/get']);
    expect(calls[0]?.[1]).toMatchObject({
      filter: { inMailbox: 'inbox' },
      sort: [{ property: 'receivedAt', isAscending: false }],
    });
    expect(calls[1]?.[1]).toMatchObject({
      '#ids': { resultOf: calls[0]?.[2], name: 'Email/query', path: '/ids' },
    });
  });

  it('marks unread rows and rows with attachments', async () => {
    renderList(undefined);
    const [newest, middle] = await screen.findAllByRole('option');
    expect(newest?.textContent).toContain('Unread');
    expect(newest?.querySelector('[aria-label="Has attachment"]')).not.toBeNull();
    expect(middle?.textContent).not.toContain('Unread');
  });

  it('opens the next and previous message with the arrow keys and keeps one tab stop', async () => {
    const { onOpen } = renderList('e2');
    const rows = await screen.findAllByRole('option');
    expect(rows.map((row) => row.tabIndex)).toEqual([-1, 0, -1]);
    const user = userEvent.setup();
    rows[1]?.focus();
    await user.keyboard('{ArrowDown}');
    expect(onOpen).toHaveBeenLastCalledWith('e1');
    await user.keyboard('{ArrowUp}');
    expect(onOpen).toHaveBeenLastCalledWith('e3');
  });
});
