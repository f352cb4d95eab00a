import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { JmapClientProvider } from '../../../lib/jmap';
import { fakeJmapClient } from '../../../testing/fake-jmap';
import { meetMessages } from '../messages';
import { useMeetUiStore } from '../stores/meet-ui-store';
import { fakeMediaDevices } from '../testing/fake-media';
import type { FakeTrack } from '../testing/fake-media';
import { joinedAnswer, mockMeetServer } from '../testing/mock-meet-server';
import type { MockAnswer } from '../testing/mock-meet-server';
import { PrejoinScreen } from './prejoin-screen';

const t = meetMessages.prejoin;

function renderPrejoin({
  answer = { status: 200, body: joinedAnswer },
  media = fakeMediaDevices(),
  signedIn = false,
}: { answer?: MockAnswer; media?: ReturnType<typeof fakeMediaDevices>; signedIn?: boolean } = {}) {
  const server = mockMeetServer(() => answer);
  vi.stubGlobal('fetch', server.fetch);
  const onJoined = vi.fn();
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  const view = render(
    <QueryClientProvider client={queryClient}>
      <JmapClientProvider
        client={fakeJmapClient(() => ({})).client}
        headers={() => ({ 'X-CSRF-Token': 'tok' })}
      >
        <PrejoinScreen roomId="r1" signedIn={signedIn} onJoined={onJoined} mediaDevices={media.devices} />
      </JmapClientProvider>
    </QueryClientProvider>,
  );
  return { ...view, server, media, onJoined, user: userEvent.setup() };
}

const initialStore = useMeetUiStore.getState();
beforeEach(() => useMeetUiStore.setState(initialStore, true));
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the pre-join screen (mock server, fake devices)', () => {
  it('previews the camera and lists the cameras and microphones once access is granted', async () => {
    const { media } = renderPrejoin();
    const video = await screen.findByLabelText<HTMLVideoElement>(t.preview);
    expect(video.tagName).toBe('VIDEO');
    expect(video.srcObject).toBe(media.streams[0]);
    const cameras = screen.getByRole('combobox', { name: t.camera });
    expect(
      within(cameras)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Front camera', 'USB camera']);
    const mics = screen.getByRole('combobox', { name: t.microphone });
    expect(
      within(mics)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Built-in microphone']);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('opens the camera chosen in the list, and stops the one it replaces', async () => {
    const { media, user } = renderPrejoin();
    await screen.findByLabelText(t.preview);
    await user.selectOptions(screen.getByRole('combobox', { name: t.camera }), 'cam-2');
    await waitFor(() => expect(media.requests).toHaveLength(2));
    expect(media.requests[1]?.video).toEqual({ deviceId: { exact: 'cam-2' } });
    const first = media.streams[0]!.getTracks() as unknown as FakeTrack[];
    expect(first.every((track) => track.stopped)).toBe(true);
  });

  it('says so when the camera and microphone are refused (NotAllowedError), and still lets one join', async () => {
    const { user, onJoined } = renderPrejoin({ media: fakeMediaDevices({ refuse: true }) });
    expect((await screen.findByRole('alert')).textContent).toContain(t.mediaRefused);
    expect(screen.queryByLabelText(t.preview)).toBeNull();
    await user.type(screen.getByRole('textbox', { name: new RegExp(t.name) }), 'Bob');
    await user.click(screen.getByRole('button', { name: t.join }));
    await waitFor(() => expect(onJoined).toHaveBeenCalled());
  });

  it('says so when there is no camera nor microphone (NotFoundError)', async () => {
    renderPrejoin({ media: fakeMediaDevices({ present: [] }) });
    expect((await screen.findByRole('alert')).textContent).toContain(t.mediaAbsent);
    expect(screen.getByRole('combobox', { name: t.camera })).toHaveProperty('disabled', true);
  });

  it('keeps the microphone of a machine without a camera, without an error', async () => {
    const { media } = renderPrejoin({ media: fakeMediaDevices({ present: ['audio'] }) });
    await waitFor(() => expect(media.streams).toHaveLength(1));
    expect(media.streams[0]!.getAudioTracks()).toHaveLength(1);
    expect(await screen.findByText(t.cameraOff)).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it.each([
    [{ status: 503, body: { error: 'notConfigured' } }, t.notConfigured],
    [{ status: 403, body: { error: 'inviteesOnly' } }, t.inviteesOnly],
    [{ status: 404, body: { error: 'notFound' } }, t.notFound],
    ['offline', t.network],
  ] as const)('explains the server answer %j', async (answer, message) => {
    const { user, onJoined, server } = renderPrejoin({ answer });
    await user.type(screen.getByRole('textbox', { name: new RegExp(t.name) }), 'Bob');
    await user.click(screen.getByRole('button', { name: t.join }));
    expect((await screen.findByRole('alert')).textContent).toBe(message);
    expect(onJoined).not.toHaveBeenCalled();
    expect(server.requests[0]).toMatchObject({ url: '/meet/rooms/r1/join', body: { name: 'Bob' } });
    expect(server.requests[0]?.headers).toMatchObject({ 'X-CSRF-Token': 'tok' });
  });

  it('asks a guest for a name before asking the server', async () => {
    const { user, server } = renderPrejoin();
    await user.click(screen.getByRole('button', { name: t.join }));
    expect((await screen.findByRole('alert')).textContent).toBe(t.nameRequired);
    expect(server.requests).toHaveLength(0);
  });

  it('hands a grant or a lobby ticket on, with the choices made', async () => {
    const { user, onJoined, server } = renderPrejoin({
      answer: { status: 202, body: { status: 'waiting', ticket: 'T1' } },
      signedIn: true,
    });
    expect(screen.queryByRole('textbox', { name: new RegExp(t.name) })).toBeNull();
    await user.click(screen.getByRole('checkbox', { name: t.joinMuted }));
    await user.click(screen.getByRole('button', { name: t.join }));
    await waitFor(() => expect(onJoined).toHaveBeenCalledWith({ status: 'waiting', ticket: 'T1' }));
    expect(server.requests[0]?.body).toEqual({});
    expect(useMeetUiStore.getState().micMuted).toBe(true);
  });
});
