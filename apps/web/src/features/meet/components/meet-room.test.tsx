import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { JmapClientProvider } from '../../../lib/jmap';
import { fakeJmapClient } from '../../../testing/fake-jmap';
import { CHAT_TOPIC, HAND_TOPIC, encodeChat } from '../lib/room-data';
import { meetMessages } from '../messages';
import { useMeetUiStore } from '../stores/meet-ui-store';
import { MeetRoom } from './meet-room';

// A LiveKit server cannot run here: livekit-client's Room is replaced by a mock that records
// what the screen asks of it and lets the test emit the events a server connection would.
const livekit = vi.hoisted(() => {
  type Handler = (...args: unknown[]) => void;
  class MockRoom {
    static last: MockRoom | null = null;
    handlers = new Map<string, Handler[]>();
    connect = vi.fn((_url: string, _token: string) => Promise.resolve());
    disconnect = vi.fn(() => {
      this.emit('Disconnected', 'CLIENT_INITIATED');
      return Promise.resolve();
    });
    remoteParticipants = new Map<string, unknown>();
    localParticipant = {
      identity: 'alice@colibri.test',
      name: 'Alice',
      isLocal: true,
      isSpeaking: false,
      isMicrophoneEnabled: false,
      isCameraEnabled: false,
      isScreenShareEnabled: false,
      getTrackPublication: () => undefined,
      setMicrophoneEnabled: vi.fn((on: boolean) => {
        this.localParticipant.isMicrophoneEnabled = on;
        return Promise.resolve();
      }),
      setCameraEnabled: vi.fn((on: boolean) => {
        this.localParticipant.isCameraEnabled = on;
        return Promise.resolve();
      }),
      setScreenShareEnabled: vi.fn(() => Promise.resolve()),
      publishData: vi.fn((_data: Uint8Array, _options: object) => Promise.resolve()),
    };
    constructor() {
      MockRoom.last = this;
    }
    on(event: string, handler: Handler) {
      this.handlers.set(event, [...(this.handlers.get(event) ?? []), handler]);
      return this;
    }
    removeAllListeners() {
      this.handlers.clear();
    }
    emit(event: string, ...args: unknown[]) {
      for (const handler of this.handlers.get(event) ?? []) handler(...args);
    }
  }
  return { MockRoom };
});

vi.mock('livekit-client', () => ({
  Room: livekit.MockRoom,
  RoomEvent: new Proxy({}, { get: (_target, key) => String(key) }),
  DisconnectReason: { CLIENT_INITIATED: 'CLIENT_INITIATED', SIGNAL_CLOSE: 'SIGNAL_CLOSE' },
  Track: {
    Source: {
      Camera: 'camera',
      Microphone: 'microphone',
      ScreenShare: 'screen_share',
      ScreenShareAudio: 'screen_share_audio',
    },
  },
}));

const t = meetMessages.room;
const grant = {
  token: 'lk-token',
  serverUrl: 'wss://livekit.colibri.test',
  identity: 'alice@colibri.test',
  isAdmin: false,
};
const room = () => livekit.MockRoom.last!;
const bob = {
  identity: 'bob@colibri.test',
  name: 'Bob',
  isLocal: false,
  isSpeaking: false,
  isMicrophoneEnabled: true,
  getTrackPublication: () => undefined,
};

function renderRoom() {
  const onRejoin = vi.fn();
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={queryClient}>
      <JmapClientProvider client={fakeJmapClient(() => ({})).client}>
        <MeetRoom roomId="r1" grant={grant} onRejoin={onRejoin} />
      </JmapClientProvider>
    </QueryClientProvider>,
  );
  return { onRejoin, user: userEvent.setup() };
}

const initialStore = useMeetUiStore.getState();
beforeEach(() => useMeetUiStore.setState({ ...initialStore, micMuted: true }, true));
afterEach(() => cleanup());

describe('the meeting room (mock LiveKit room)', () => {
  it('connects with the grant and publishes the devices chosen before joining', async () => {
    renderRoom();
    await waitFor(() => expect(room().connect).toHaveBeenCalledWith(grant.serverUrl, grant.token));
    await waitFor(() => expect(room().localParticipant.setMicrophoneEnabled).toHaveBeenCalledWith(false));
    expect(room().localParticipant.setCameraEnabled).toHaveBeenCalledWith(true);
    expect(await screen.findByRole('figure', { name: t.you('Alice') })).toBeTruthy();
    expect(screen.getByRole('button', { name: t.unmute })).toBeTruthy();
  });

  it('shows the connection dropping, coming back, and being lost', async () => {
    const { onRejoin, user } = renderRoom();
    await waitFor(() => expect(room().connect).toHaveBeenCalled());
    act(() => room().emit('Reconnecting'));
    expect(screen.getByRole('status').textContent).toBe(t.reconnecting);
    act(() => room().emit('Reconnected'));
    expect(screen.getByRole('status').textContent).toBe(t.reconnected);
    act(() => room().emit('Disconnected', 'SIGNAL_CLOSE'));
    expect(screen.getByRole('alert').textContent).toBe(t.disconnected);
    await user.click(screen.getByRole('button', { name: t.rejoin }));
    expect(onRejoin).toHaveBeenCalled();
  });

  it('shows a chat line received, sends one, and shows a raised hand', async () => {
    const { user } = renderRoom();
    await waitFor(() => expect(room().connect).toHaveBeenCalled());
    act(() => {
      room().remoteParticipants.set(bob.identity, bob);
      room().emit('ParticipantConnected', bob);
    });
    await user.click(screen.getByRole('button', { name: t.chat }));
    act(() => room().emit('DataReceived', encodeChat('m1', 'Hi Alice'), bob, 0, CHAT_TOPIC));
    expect(await screen.findByText('Hi Alice')).toBeTruthy();

    await user.type(screen.getByRole('textbox', { name: meetMessages.chat.input }), 'Hello Bob{Enter}');
    await waitFor(() => expect(room().localParticipant.publishData).toHaveBeenCalled());
    const [data, options] = room().localParticipant.publishData.mock.calls[0]!;
    expect(options).toEqual({ reliable: true, topic: CHAT_TOPIC });
    expect(JSON.parse(new TextDecoder().decode(data))).toMatchObject({ text: 'Hello Bob' });
    expect(await screen.findByText('Hello Bob')).toBeTruthy();

    act(() => room().emit('DataReceived', new TextEncoder().encode('{"raised":true}'), bob, 0, HAND_TOPIC));
    expect(screen.getByRole('figure', { name: 'Bob' }).textContent).toContain(t.handRaised);
  });

  it('leaves on request and says so', async () => {
    const { user } = renderRoom();
    await waitFor(() => expect(room().connect).toHaveBeenCalled());
    await user.click(screen.getByRole('button', { name: t.leave }));
    expect(room().disconnect).toHaveBeenCalled();
    expect((await screen.findByRole('status')).textContent).toBe(t.left);
  });
});
