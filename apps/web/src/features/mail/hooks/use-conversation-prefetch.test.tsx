import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { JmapClientProvider } from '../../../lib/jmap';
import { fakeJmapClient, testSession } from '../../../testing/fake-jmap';
import { ConversationView } from '../components/conversation-view';
import { IDLE_PREFETCH_ROWS, useIdlePrefetch } from './use-conversation-prefetch';

afterEach(cleanup);

const ids = Array.from({ length: IDLE_PREFETCH_ROWS + 3 }, (_, i) => `e${i + 1}`);

/** A mock JMAP server: each email alone in its thread, unread until marked seen, with a text body. */
function mockServer() {
  const seen = new Set<string>();
  return fakeJmapClient((name, args) => {
    if (name === 'Mailbox/get')
      return { accountId: 'A1', state: 's', list: [{ id: 'inbox', role: 'inbox' }], notFound: [] };
    if (name === 'Email/set') {
      const update = args.update as Record<string, Record<string, unknown>>;
      for (const [id, patch] of Object.entries(update)) if (patch['keywords/$seen']) seen.add(id);
      return { accountId: 'A1', oldState: 's', newState: 't', updated: {} };
    }
    if (name === 'Thread/get') return { accountId: 'A1', state: 's', list: [], notFound: [] };
    if (name === 'Email/get') {
      const wanted = (args.ids as string[] | undefined)?.[0];
      if (wanted === undefined) return { accountId: 'A1', state: 's', list: [], notFound: [] };
      const email = {
        id: wanted,
        blobId: `b-${wanted}`,
        threadId: `t-${wanted}`,
        mailboxIds: { inbox: true },
        keywords: seen.has(wanted) ? { $seen: true } : {},
        sender: null,
        from: [{ name: 'Ann', email: 'ann@x.test' }],
        to: [{ name: null, email: 'me@x.test' }],
        cc: null,
        replyTo: null,
        subject: `Subject ${wanted}`,
        sentAt: null,
        receivedAt: '2026-03-01T10:00:00Z',
        hasAttachment: false,
        preview: '',
        htmlBody: [],
        textBody: [
          {
            partId: '1',
            blobId: null,
            size: 10,
            name: null,
            type: 'text/plain',
            charset: null,
            disposition: null,
            cid: null,
            language: null,
            location: null,
          },
        ],
        attachments: [],
        bodyValues: { '1': { value: `Body of ${wanted}`, isEncodingProblem: false, isTruncated: false } },
      };
      return { accountId: 'A1', state: 's', list: [email], notFound: [] };
    }
    throw new Error(`unexpected ${name}`);
  });
}

function IdleList({ firstIds }: { firstIds: string[] }) {
  useIdlePrefetch('A1', firstIds, true);
  return null;
}

/** The ids whose full email (with body values) was asked for. */
const bodiesAskedFor = (calls: ReturnType<typeof mockServer>['calls']) =>
  calls
    .filter(([name, args]) => name === 'Email/get' && args.fetchTextBodyValues === true)
    .map(([, args]) => (args.ids as string[])[0]);

describe('useIdlePrefetch (mock JMAP server)', () => {
  it("fetches the first rows' conversations with their bodies when idle, no more, marking nothing read", async () => {
    const { client, calls } = mockServer();
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(
      <QueryClientProvider client={queryClient}>
        <JmapClientProvider client={client}>
          <IdleList firstIds={ids} />
        </JmapClientProvider>
      </QueryClientProvider>,
    );
    await waitFor(() => expect(bodiesAskedFor(calls)).toEqual(ids.slice(0, IDLE_PREFETCH_ROWS)), {
      timeout: 5_000,
    });
    // The body values are in that one request: the reader needs no other.
    const first = calls.find(([name]) => name === 'Email/get');
    expect(first?.[1]).toMatchObject({ fetchHTMLBodyValues: true, fetchTextBodyValues: true });
    expect(typeof first?.[1].maxBodyValueBytes).toBe('number');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(bodiesAskedFor(calls)).toHaveLength(IDLE_PREFETCH_ROWS);
    expect(calls.some(([name]) => name === 'Email/set')).toBe(false);
  });

  it('a conversation fetched ahead opens with its body without a new Email/get', async () => {
    const { client, calls } = mockServer();
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const tree = (opened: string | undefined) => (
      <QueryClientProvider client={queryClient}>
        <JmapClientProvider client={client}>
          <IdleList firstIds={ids} />
          {opened && <ConversationView session={testSession} accountId="A1" emailId={opened} />}
        </JmapClientProvider>
      </QueryClientProvider>
    );
    const { rerender } = render(tree(undefined));
    await waitFor(() => expect(bodiesAskedFor(calls)).toHaveLength(IDLE_PREFETCH_ROWS), { timeout: 5_000 });
    rerender(tree('e2'));
    // Shown at once, from the cache: no loading state in between.
    const conversation = screen.getByRole('region', { name: 'Conversation' });
    expect(within(conversation).getByText('Body of e2')).toBeTruthy();
    // Opening marks it read; the refetch that follows asks for its keywords, not its body again.
    await waitFor(() => expect(calls.some(([name]) => name === 'Email/set')).toBe(true));
    const afterSet = calls.findIndex(([name]) => name === 'Email/set');
    await waitFor(() =>
      expect(
        calls
          .slice(afterSet)
          .some(([name, args]) => name === 'Email/get' && (args.ids as string[] | undefined)?.[0] === 'e2'),
      ).toBe(true),
    );
    expect(bodiesAskedFor(calls).filter((id) => id === 'e2')).toHaveLength(1);
    expect(within(conversation).getByText('Body of e2')).toBeTruthy();
  });
});
