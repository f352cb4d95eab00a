import { Button } from '@colibri/ui';
import { meetMessages } from '../messages';
import type { MeetPanel } from '../stores/meet-ui-store';

const t = meetMessages.room;

export interface RoomControlsProps {
  micOn: boolean;
  cameraOn: boolean;
  sharing: boolean;
  handRaised: boolean;
  /** Shown to admins only; the count of waiting guests. */
  lobbyCount: number | null;
  panel: MeetPanel;
  onMicrophone: () => void;
  onCamera: () => void;
  onScreenShare: () => void;
  onHand: () => void;
  onPanel: (panel: Exclude<MeetPanel, null>) => void;
  onLeave: () => void;
  /** False where the browser cannot share a screen (getDisplayMedia). */
  canShareScreen?: boolean;
}

/** The meeting's toolbar: toggles say what they do next, and are pressed while on. */
export function RoomControls(props: RoomControlsProps) {
  const { panel, onPanel } = props;
  return (
    <div className="meet-controls" role="toolbar" aria-label={t.controls}>
      <Button aria-pressed={!props.micOn} onClick={props.onMicrophone}>
        {props.micOn ? t.mute : t.unmute}
      </Button>
      <Button aria-pressed={!props.cameraOn} onClick={props.onCamera}>
        {props.cameraOn ? t.cameraOff : t.cameraOn}
      </Button>
      {props.canShareScreen !== false && (
        <Button aria-pressed={props.sharing} onClick={props.onScreenShare}>
          {props.sharing ? t.stopSharing : t.shareScreen}
        </Button>
      )}
      <Button aria-pressed={props.handRaised} onClick={props.onHand}>
        {props.handRaised ? t.lowerHand : t.raiseHand}
      </Button>
      <Button aria-pressed={panel === 'chat'} onClick={() => onPanel('chat')}>
        {t.chat}
      </Button>
      <Button aria-pressed={panel === 'participants'} onClick={() => onPanel('participants')}>
        {t.participants}
      </Button>
      {props.lobbyCount !== null && (
        <Button aria-pressed={panel === 'lobby'} onClick={() => onPanel('lobby')}>
          {meetMessages.lobby.heading}
          {props.lobbyCount > 0 && <span className="meet-count"> {props.lobbyCount}</span>}
        </Button>
      )}
      <Button variant="primary" className="meet-leave" onClick={props.onLeave}>
        {t.leave}
      </Button>
    </div>
  );
}
