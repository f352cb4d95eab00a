import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { mockMeetServer } from '../features/meet/testing/mock-meet-server';
import { useOptionalEventLauncher, takeNewEventRequest } from '../lib/event-launcher';
import { JmapClientProvider } from '../lib/jmap';
import { useReaderAddons } from '../lib/reader-addons';
import { fakeJmapClient } from '../testing/fake-jmap';
import { FeatureBridges } from './feature-bridges';

function ThreadActions() {
  const { ThreadAction } = useReaderAddons();
  return ThreadAction ? <ThreadAction accountId="A1" emailId="M1" /> : null;
}

function InviteButton() {
  const open = useOptionalEventLauncher();
  return (
    <button type="button" onClick={() => open?.({ attendees: ['ada@example.org'] })}>
      invite
    </button>
  );
}

function renderBridges(subject: string | null, child = <ThreadActions />) {
  const jmap = fakeJmapClient((name, args) =>
    name === 'Email/get'
      ? { accountId: 'A1', state: 's1', list: [{ id: (args.ids as string[])[0], subject }], notFound: [] }
      : {},
  );
  const meet = mockMeetServer(() => ({ status: 201, body: { roomId: 'r-1', url: '/meet/r-1' } }));
  vi.stubGlobal('fetch', meet.fetch);
  vi.spyOn(window, 'open').mockReturnValue(null);
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={queryClient}>
      <JmapClientProvider client={jmap.client} headers={() => ({ 'X-CSRF-Token': 'tok' })}>
        <MemoryRouter initialEntries={['/contacts']}>
          <FeatureBridges>
            <Routes>
              <Route path="/contacts" element={child} />
              <Route path="/calendar" element={<p>calendar screen</p>} />
            </Routes>
          </FeatureBridges>
        </MemoryRouter>
      </JmapClientProvider>
    </QueryClientProvider>,
  );
  return { jmap, meet, user: userEvent.setup() };
}

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('feature bridges (mock meet server)', () => {
  it('the reader\'s "Meet now" titles the room with the message subject', async () => {
    const { jmap, meet, user } = renderBridges('Budget 2027 review');
    await waitFor(() => expect(jmap.calls.some(([name]) => name === 'Email/get')).toBe(true));
    // The subject is asked for alone (RFC 8621 §4.2 properties).
    expect(jmap.calls.find(([name]) => name === 'Email/get')?.[1]).toEqual({
      accountId: 'A1',
      ids: ['M1'],
      properties: ['subject'],
    });
    const button = screen.getByRole('button', { name: 'Meet now' });
    await waitFor(() => expect(button).toHaveProperty('disabled', false));
    await user.click(button);
    await waitFor(() => expect(window.open).toHaveBeenCalledWith('/meet/r-1', '_blank', 'noopener'));
    expect(meet.requests[0]).toMatchObject({
      method: 'POST',
      url: '/meet/rooms',
      body: { title: 'Budget 2027 review' },
    });
  });

  it('a message without a subject makes a room without a title', async () => {
    const { jmap, meet, user } = renderBridges(null);
    const button = screen.getByRole('button', { name: 'Meet now' });
    await waitFor(() => expect(button).toHaveProperty('disabled', false));
    expect(jmap.calls.some(([name]) => name === 'Email/get')).toBe(true);
    await user.click(button);
    await waitFor(() => expect(meet.requests).toHaveLength(1));
    expect(meet.requests[0]?.body).toEqual({});
  });

  it('"Invite to a meeting" hands the request to the calendar and opens it', async () => {
    const { user } = renderBridges(null, <InviteButton />);
    await user.click(screen.getByRole('button', { name: 'invite' }));
    await screen.findByText('calendar screen');
    expect(takeNewEventRequest()).toEqual({ attendees: ['ada@example.org'] });
  });
});
