import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { Button, TextField } from '@colibri/ui';
import { useJoinRoom } from '../api/join-room';
import type { JoinResult } from '../api/join-room';
import { MAX_GUEST_NAME } from '../api/meet-http';
import type { MeetFailure } from '../api/meet-http';
import { useAudioLevel } from '../hooks/use-audio-level';
import { useMediaPreview } from '../hooks/use-media-preview';
import type { MediaDevicesLike } from '../hooks/use-media-preview';
import { failureText, mediaProblemText } from '../lib/failure-text';
import { meetMessages } from '../messages';
import { useMeetUiStore } from '../stores/meet-ui-store';
import { DeviceSelect } from './device-select';

const t = meetMessages.prejoin;

/** The microphone's level; its own component, so that only it re-renders as the level moves. */
function MicLevel({ stream }: { stream: MediaStream | null }) {
  const level = useAudioLevel(stream);
  if (level === null) return null;
  return <meter className="meet-level" aria-label={t.micLevel} min={0} max={1} value={level} />;
}

export interface PrejoinScreenProps {
  roomId: string;
  /** A signed-in user joins under the session's name; a guest gives one. */
  signedIn: boolean;
  /** Called when the server let us in or put us in the lobby. */
  onJoined: (result: Exclude<JoinResult, { status: 'failed' }>) => void;
  /** The browser's media devices (a fake in tests and stories). */
  mediaDevices?: MediaDevicesLike;
}

/**
 * Before joining: a camera preview, the microphone's level, the choice of devices, joining muted
 * or with the camera off, a name for guests, and why joining or the devices did not work.
 */
export function PrejoinScreen({ roomId, signedIn, onJoined, mediaDevices }: PrejoinScreenProps) {
  const { micMuted, cameraOff, cameraId, microphoneId } = useMeetUiStore();
  const { micMutedToggled, cameraOffToggled, cameraChosen, microphoneChosen } = useMeetUiStore();
  const preview = useMediaPreview(cameraId, microphoneId, mediaDevices);
  const join = useJoinRoom(roomId);
  const [name, setName] = useState('');
  const [failure, setFailure] = useState<MeetFailure | null>(null);
  const videoRef = useRef<HTMLVideoElement>(null);
  const id = useId();

  const hasVideo = (preview.stream?.getVideoTracks().length ?? 0) > 0;
  useEffect(() => {
    const video = videoRef.current;
    if (!video) return;
    video.srcObject = preview.stream;
  }, [preview.stream, cameraOff]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (!signedIn && trimmed === '') {
      setFailure('nameRequired');
      return;
    }
    setFailure(null);
    join.mutate(signedIn ? undefined : trimmed, {
      onSuccess: (result) => {
        if (result.status === 'failed') setFailure(result.failure);
        else onJoined(result);
      },
    });
  };

  return (
    <main className="meet-prejoin" aria-labelledby={`${id}-heading`}>
      <h1 id={`${id}-heading`}>{t.heading}</h1>
      <div className="meet-prejoin__preview">
        {hasVideo && !cameraOff ? (
          <video ref={videoRef} aria-label={t.preview} autoPlay muted playsInline className="meet-mirror" />
        ) : (
          <p className="meet-prejoin__placeholder">{preview.pending ? t.startingCamera : t.cameraOff}</p>
        )}
        {!micMuted && <MicLevel stream={preview.stream} />}
      </div>
      {preview.problem && (
        <div className="meet-notice" role="alert">
          <p>{mediaProblemText(preview.problem)}</p>
          {preview.problem !== 'unsupported' && <Button onClick={preview.retry}>{t.retryMedia}</Button>}
        </div>
      )}
      <form className="meet-prejoin__form" onSubmit={submit} noValidate>
        <DeviceSelect label={t.camera} devices={preview.cameras} value={cameraId} onChange={cameraChosen} />
        <DeviceSelect
          label={t.microphone}
          devices={preview.microphones}
          value={microphoneId}
          onChange={microphoneChosen}
        />
        <label className="meet-check">
          <input type="checkbox" checked={cameraOff} onChange={cameraOffToggled} />
          {t.joinWithCameraOff}
        </label>
        <label className="meet-check">
          <input type="checkbox" checked={micMuted} onChange={micMutedToggled} />
          {t.joinMuted}
        </label>
        {!signedIn && (
          <TextField
            label={t.name}
            hint={t.nameHint}
            value={name}
            maxLength={MAX_GUEST_NAME}
            autoComplete="name"
            required
            error={failure === 'nameRequired' ? t.nameRequired : undefined}
            onChange={(event) => setName(event.target.value)}
          />
        )}
        {failure && failure !== 'nameRequired' && (
          <p className="meet-error" role="alert">
            {failureText(failure)}
          </p>
        )}
        <Button type="submit" variant="primary" disabled={join.isPending} aria-busy={join.isPending}>
          {join.isPending ? t.joining : t.join}
        </Button>
      </form>
    </main>
  );
}
