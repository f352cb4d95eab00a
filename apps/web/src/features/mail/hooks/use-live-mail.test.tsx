import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ReactNode } from 'react';
import { cleanup, renderHook } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
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

describe('live updates (fake push stream)', () => {
  it('refresh the folders of an account shared with the user, not only the own account', () => {
    vi.stubGlobal('EventSource', FakeEventSource);
    const { client } = fakeJmapClient(() => ({}));
    const queryClient = new QueryClient({
      defaultOptions: { queries: { retry: false, staleTime: Infinity } },
    });
    queryClient.setQueryData(mailKeys.mailboxes('A1'), []);
    queryClient.setQueryData(mailKeys.mailboxes('A2'), []);
    const wrapper = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={queryClient}>
        <JmapClientProvider client={client}>
          <MemoryRouter>{children}</MemoryRouter>
        </JmapClientProvider>
      </QueryClientProvider>
    );
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
});
