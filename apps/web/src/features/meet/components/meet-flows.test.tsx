import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { JmapClientProvider } from '../../../lib/jmap';
import { fakeJmapClient } from '../../../testing/fake-jmap';
import { MAX_CHAT_LENGTH } from '../lib/room-data';
import { meetMessages } from '../messages';
import { joinedAnswer, mockMeetServer } from '../testing/mock-meet-server';
import type { MockAnswer, MockRequest } from '../testing/mock-meet-server';
import { ChatPanel } from './chat-panel';
import { LobbyPanel } from './lobby-panel';
import { LobbyWait } from './lobby-wait';
import { MeetNowButton } from './meet-now-button';

function withServer(answer: (request: MockRequest) => MockAnswer, ui: ReactNode) {
  const server = mockMeetServer(answer);
  vi.stubGlobal('fetch', server.fetch);
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  render(
    <QueryClientProvider client={queryClient}>
      <JmapClientProvider
        client={fakeJmapClient(() => ({})).client}
        headers={() => ({ 'X-CSRF-Token': 'tok' })}
      >
        {ui}
      </JmapClientProvider>
    </QueryClientProvider>,
  );
  return { server, user: userEvent.setup() };
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('Meet now (mock server)', () => {
  it('creates a room and opens its join link', async () => {
    const open = vi.fn();
    const { server, user } = withServer(
      () => ({ status: 201, body: { roomId: 'r-1', url: '/meet/r-1' } }),
      <MeetNowButton room={{ title: 'Budget 2027' }} open={open} />,
    );
    await user.click(screen.getByRole('button', { name: meetMessages.meetNow.label }));
    await waitFor(() => expect(open).toHaveBeenCalledWith('/meet/r-1'));
    expect(server.requests[0]).toMatchObject({
      method: 'POST',
      url: '/meet/rooms',
      body: { title: 'Budget 2027' },
      headers: expect.objectContaining({ 'X-CSRF-Token': 'tok' }),
    });
  });

  it('says when meetings are not configured, and opens nothing', async () => {
    const open = vi.fn();
    const { user } = withServer(
      () => ({ status: 503, body: { error: 'notConfigured' } }),
      <MeetNowButton open={open} />,
    );
    await user.click(screen.getByRole('button', { name: meetMessages.meetNow.label }));
    expect((await screen.findByRole('alert')).textContent).toBe(meetMessages.meetNow.notConfigured);
    expect(open).not.toHaveBeenCalled();
  });
});

describe('the lobby (mock server)', () => {
  it('takes an admitted guest into the room with the grant', async () => {
    const onAdmitted = vi.fn();
    withServer(
      () => ({ status: 200, body: { ...joinedAnswer, isAdmin: false } }),
      <LobbyWait ticket="T1" onAdmitted={onAdmitted} onCancel={() => undefined} />,
    );
    await waitFor(() =>
      expect(onAdmitted).toHaveBeenCalledWith({
        token: 'lk-token',
        serverUrl: 'wss://livekit.colibri.test',
        identity: 'alice@colibri.test',
        isAdmin: false,
      }),
    );
  });

  it('tells a refused guest', async () => {
    const onAdmitted = vi.fn();
    withServer(
      () => ({ status: 200, body: { status: 'refused' } }),
      <LobbyWait ticket="T1" onAdmitted={onAdmitted} onCancel={() => undefined} />,
    );
    expect((await screen.findByRole('alert')).textContent).toBe(meetMessages.lobby.refused);
    expect(onAdmitted).not.toHaveBeenCalled();
  });

  it('lets the admin admit a waiting guest, who then leaves the list', async () => {
    let admitted = false;
    const { server, user } = withServer(
      (request) => {
        if (request.method === 'POST') {
          admitted = true;
          return { status: 204 };
        }
        const waiting = [{ ticket: 'T1', name: 'Grace Guest', since: '2026-11-29T10:00:00Z' }];
        return { status: 200, body: { waiting: admitted ? [] : waiting } };
      },
      <LobbyPanel roomId="r1" />,
    );
    await user.click(
      await screen.findByRole('button', { name: meetMessages.lobby.admitLabel('Grace Guest') }),
    );
    expect(await screen.findByText(meetMessages.lobby.empty)).toBeTruthy();
    expect(server.requests.find((r) => r.method === 'POST')).toMatchObject({
      url: '/meet/rooms/r1/lobby/T1',
      body: { admit: true },
      headers: expect.objectContaining({ 'X-CSRF-Token': 'tok' }),
    });
  });
});

describe('the chat panel', () => {
  it('sends a line and empties the field; refuses a line over the limit', async () => {
    const onSend = vi.fn(() => Promise.resolve());
    render(<ChatPanel lines={[]} onSend={onSend} />);
    const user = userEvent.setup();
    const field = screen.getByRole('textbox', { name: meetMessages.chat.input });
    await user.type(field, 'Hello all{Enter}');
    expect(onSend).toHaveBeenCalledWith('Hello all');
    await waitFor(() => expect((field as HTMLInputElement).value).toBe(''));
    await user.click(field);
    await user.paste('x'.repeat(MAX_CHAT_LENGTH + 1));
    expect(screen.getByRole('alert').textContent).toBe(meetMessages.chat.tooLong(MAX_CHAT_LENGTH));
    expect(screen.getByRole('button', { name: meetMessages.chat.send })).toHaveProperty('disabled', true);
  });
});
