import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ReactNode } from 'react';
import { cleanup, renderHook, waitFor } from '@testing-library/react';
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router';
import { JmapClientProvider } from '../../../lib/jmap';
import { fakeJmapClient, testSession } from '../../../testing/fake-jmap';
import { mailKeys } from '../api/keys';
import { useLiveMail } from './use-live-mail';

/** An EventSource the test drives (fake push stream, RFC 8620 §7.3). */
class FakeEventSource extends EventTarget {
  static last: FakeEventSource | null = null;
  constructor(readonly url: string) {
    super();
    FakeEventSource.last = this;
  }
  close() {}
  emit(type: string, data?: string) {
    this.dispatchEvent(data === undefined ? new Event(type) : new MessageEvent(type, { data }));
  }
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** A query cache and the providers the hook needs, with the fake stream in place of EventSource. */
function liveSetup() {
  vi.stubGlobal('EventSource', FakeEventSource);
  const { client } = fakeJmapClient(() => ({}));
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: Infinity } },
  });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>
      <JmapClientProvider client={client}>
        <MemoryRouter>{children}</MemoryRouter>
      </JmapClientProvider>
    </QueryClientProvider>
  );
  return { queryClient, wrapper };
}

describe('live updates (fake push stream)', () => {
  it('refresh the folders of an account shared with the user, not only the own account', () => {
    const { queryClient, wrapper } = liveSetup();
    queryClient.setQueryData(mailKeys.mailboxes('A1'), []);
    queryClient.setQueryData(mailKeys.mailboxes('A2'), []);
    renderHook(() => useLiveMail(testSession, 'A1'), { wrapper });
    const stale = (accountId: string) =>
      queryClient.getQueryState(mailKeys.mailboxes(accountId))?.isInvalidated;
    expect([stale('A1'), stale('A2')]).toEqual([false, false]);
    FakeEventSource.last?.emit(
      'state',
      JSON.stringify({ '@type': 'StateChange', changed: { A2: { Mailbox: 'm9' } } }),
    );
    expect([stale('A1'), stale('A2')]).toEqual([false, true]);
  });

  it('refresh what was fetched while the stream was still connecting, once it opens', () => {
    const { queryClient, wrapper } = liveSetup();
    queryClient.setQueryData(mailKeys.mailboxes('A1'), []);
    renderHook(() => useLiveMail(testSession, 'A1'), { wrapper });
    const stale = () => queryClient.getQueryState(mailKeys.mailboxes('A1'))?.isInvalidated;
    expect(stale()).toBe(false);
    // Mail delivered between the first fetch and the open is announced by no event.
    FakeEventSource.last?.emit('open');
    expect(stale()).toBe(true);
  });

  it('ask again when a change arrives while a first load is still in flight', async () => {
    const { wrapper } = liveSetup();
    const answers: ((value: string) => void)[] = [];
    const { result } = renderHook(
      () => {
        useLiveMail(testSession, 'A1');
        return useQuery({
          queryKey: mailKeys.emailLists('A1'),
          queryFn: () => new Promise<string>((resolve) => answers.push(resolve)),
        });
      },
      { wrapper },
    );
    await waitFor(() => expect(answers).toHaveLength(1));
    // New mail is pushed while the list's first answer, taken before it, is on its way.
    FakeEventSource.last?.emit(
      'state',
      JSON.stringify({ '@type': 'StateChange', changed: { A1: { Email: 'e2' } } }),
    );
    await waitFor(() => expect(answers).toHaveLength(2));
    answers[0]?.('before the new mail');
    answers[1]?.('with the new mail');
    await waitFor(() => expect(result.current.data).toBe('with the new mail'));
  });

  it('leave a one-off fetch in flight alone (a composer loading its draft), so it still answers', async () => {
    const { queryClient, wrapper } = liveSetup();
    renderHook(() => useLiveMail(testSession, 'A1'), { wrapper });
    let answer: (value: string) => void = () => undefined;
    const loading = queryClient.fetchQuery({
      queryKey: mailKeys.email('A1', 'E1'),
      queryFn: () => new Promise<string>((resolve) => (answer = resolve)),
    });
    FakeEventSource.last?.emit(
      'state',
      JSON.stringify({ '@type': 'StateChange', changed: { A1: { Email: 'e2' } } }),
    );
    answer('the draft');
    await expect(loading).resolves.toBe('the draft');
  });
});
