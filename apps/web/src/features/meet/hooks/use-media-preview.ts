import { useCallback, useEffect, useState } from 'react';

/** Why the preview has no camera or microphone, as the browser's getUserMedia errors tell it. */
export type MediaProblem = 'refused' | 'absent' | 'busy' | 'unsupported';

/** The part of `navigator.mediaDevices` the preview uses (STYLE 22: a fake in tests and stories). */
export type MediaDevicesLike = Pick<
  MediaDevices,
  'getUserMedia' | 'enumerateDevices' | 'addEventListener' | 'removeEventListener'
>;

export interface MediaPreview {
  stream: MediaStream | null;
  problem: MediaProblem | null;
  pending: boolean;
  cameras: MediaDeviceInfo[];
  microphones: MediaDeviceInfo[];
  retry: () => void;
}

// W3C Media Capture and Streams §9.2 (getUserMedia): the DOMException names it rejects with.
function problemOf(error: unknown): MediaProblem {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'refused';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'absent';
  if (name === 'NotReadableError' || name === 'AbortError') return 'busy';
  return 'unsupported';
}

const constraint = (deviceId: string | null): MediaTrackConstraints | boolean =>
  deviceId ? { deviceId: { exact: deviceId } } : true;

/**
 * Opens the chosen camera and microphone for the pre-join preview. When one kind of device is
 * missing, the other is still opened (a laptop without a camera can join with its microphone).
 * Device labels are only known once access is granted, so devices are listed after opening.
 */
export function useMediaPreview(
  cameraId: string | null,
  microphoneId: string | null,
  mediaDevices: MediaDevicesLike | undefined = globalThis.navigator?.mediaDevices,
): MediaPreview {
  const [stream, setStream] = useState<MediaStream | null>(null);
  const [problem, setProblem] = useState<MediaProblem | null>(null);
  const [pending, setPending] = useState(true);
  const [devices, setDevices] = useState<MediaDeviceInfo[]>([]);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!mediaDevices?.getUserMedia) {
      setProblem('unsupported');
      setPending(false);
      return;
    }
    let cancelled = false;
    let opened: MediaStream | null = null;
    const open = async () => {
      setPending(true);
      const video = constraint(cameraId);
      const audio = constraint(microphoneId);
      let failure: MediaProblem | null = null;
      for (const request of [{ video, audio }, { audio }, { video }]) {
        try {
          opened = await mediaDevices.getUserMedia(request);
          break;
        } catch (error) {
          failure = problemOf(error);
          // Refused or unsupported applies to every device: no point asking for one alone.
          if (failure !== 'absent' && failure !== 'busy') break;
        }
      }
      if (cancelled) {
        opened?.getTracks().forEach((track) => track.stop());
        return;
      }
      setStream(opened);
      setProblem(opened ? null : failure);
      try {
        setDevices(await mediaDevices.enumerateDevices());
      } catch {
        setDevices([]);
      }
      if (!cancelled) setPending(false);
    };
    void open();
    return () => {
      cancelled = true;
      opened?.getTracks().forEach((track) => track.stop());
    };
  }, [cameraId, microphoneId, mediaDevices, attempt]);

  // A camera or headset plugged in or out while on this screen.
  useEffect(() => {
    if (!mediaDevices?.addEventListener) return;
    const refresh = () => {
      mediaDevices.enumerateDevices().then(setDevices, () => setDevices([]));
    };
    mediaDevices.addEventListener('devicechange', refresh);
    return () => mediaDevices.removeEventListener('devicechange', refresh);
  }, [mediaDevices]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return {
    stream,
    problem,
    pending,
    cameras: devices.filter((device) => device.kind === 'videoinput' && device.deviceId !== ''),
    microphones: devices.filter((device) => device.kind === 'audioinput' && device.deviceId !== ''),
    retry,
  };
}
