import type { MediaDevicesLike } from '../hooks/use-media-preview';

/** A stand-in for a MediaStreamTrack: its kind, and whether it was stopped. */
export interface FakeTrack {
  kind: 'audio' | 'video';
  stopped: boolean;
  stop: () => void;
}

function fakeStream(kinds: readonly ('audio' | 'video')[]): MediaStream {
  const tracks: FakeTrack[] = kinds.map((kind) => {
    const track: FakeTrack = { kind, stopped: false, stop: () => (track.stopped = true) };
    return track;
  });
  return {
    getTracks: () => tracks,
    getVideoTracks: () => tracks.filter((t) => t.kind === 'video'),
    getAudioTracks: () => tracks.filter((t) => t.kind === 'audio'),
  } as unknown as MediaStream;
}

const device = (kind: MediaDeviceKind, deviceId: string, label: string) =>
  ({ kind, deviceId, label, groupId: 'g' }) as MediaDeviceInfo;

export const fakeCameras = [
  device('videoinput', 'cam-1', 'Front camera'),
  device('videoinput', 'cam-2', 'USB camera'),
];
export const fakeMicrophones = [device('audioinput', 'mic-1', 'Built-in microphone')];

/**
 * Fake `navigator.mediaDevices` (jsdom has none). `present` is the kinds of device the machine
 * has; `refuse` makes getUserMedia fail as when the user or the browser blocks access.
 */
export function fakeMediaDevices({
  present = ['audio', 'video'],
  refuse = false,
}: { present?: readonly ('audio' | 'video')[]; refuse?: boolean } = {}) {
  const requests: MediaStreamConstraints[] = [];
  const streams: MediaStream[] = [];
  const devices: MediaDevicesLike = {
    getUserMedia: (constraints?: MediaStreamConstraints) => {
      requests.push(constraints ?? {});
      if (refuse) return Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));
      const wanted = (['audio', 'video'] as const).filter((kind) => constraints?.[kind]);
      if (wanted.some((kind) => !present.includes(kind))) {
        return Promise.reject(new DOMException('Requested device not found', 'NotFoundError'));
      }
      const stream = fakeStream(wanted);
      streams.push(stream);
      return Promise.resolve(stream);
    },
    // Labels only once access was granted, as browsers do.
    enumerateDevices: () =>
      Promise.resolve(
        [
          ...(present.includes('video') ? fakeCameras : []),
          ...(present.includes('audio') ? fakeMicrophones : []),
        ].map((d) => (refuse ? ({ ...d, label: '', deviceId: '' } as MediaDeviceInfo) : d)),
      ),
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  };
  return { devices, requests, streams };
}
