import { useEffect, useRef } from 'react';
import { Track } from 'livekit-client';
import type { Participant, Room } from 'livekit-client';
import { Button } from '@colibri/ui';
import { useRoomLobby } from '../api/room-lobby';
import type { JoinGrant } from '../api/meet-http';
import { useLivekitRoom } from '../hooks/use-livekit-room';
import type { RoomStatus } from '../hooks/use-livekit-room';
import { meetMessages } from '../messages';
import { useJoinChoices, useMeetUiStore } from '../stores/meet-ui-store';
import { ChatPanel } from './chat-panel';
import { LobbyPanel } from './lobby-panel';
import { ParticipantList } from './participant-list';
import { RoomControls } from './room-controls';
import type { RoomControlsProps } from './room-controls';
import { ParticipantTile } from './participant-tile';
import type { AttachableTrack, TileView } from './participant-tile';

const t = meetMessages.room;

function tilesOf(room: Room, hands: ReadonlySet<string>): { people: TileView[]; screens: TileView[] } {
  const everyone: Participant[] = [room.localParticipant, ...room.remoteParticipants.values()];
  const people: TileView[] = [];
  const screens: TileView[] = [];
  for (const p of everyone) {
    const name = p.name || p.identity;
    const camera = p.getTrackPublication(Track.Source.Camera);
    const screen = p.getTrackPublication(Track.Source.ScreenShare);
    const base = { name, isLocal: p.isLocal, speaking: p.isSpeaking, hand: hands.has(p.identity) };
    people.push({
      ...base,
      key: p.identity,
      muted: !p.isMicrophoneEnabled,
      video: camera?.track && !camera.isMuted ? camera.track : null,
      isScreen: false,
    });
    if (screen?.track) {
      screens.push({
        ...base,
        key: `${p.identity}/screen`,
        muted: false,
        speaking: false,
        video: screen.track,
        isScreen: true,
      });
    }
  }
  return { people, screens };
}

/** Plays a remote participant's microphone (their audio is not part of a muted tile video). */
function RemoteAudio({ track }: { track: AttachableTrack }) {
  const ref = useRef<HTMLAudioElement>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    track.attach(element);
    return () => {
      track.detach(element);
    };
  }, [track]);
  return <audio ref={ref} autoPlay />;
}

function statusText(status: RoomStatus, justReconnected: boolean): string | null {
  switch (status) {
    case 'connecting':
      return t.connecting;
    case 'reconnecting':
      return t.reconnecting;
    case 'connected':
      return justReconnected ? t.reconnected : null;
    case 'disconnected':
      return t.disconnected;
    case 'failed':
      return t.connectFailed;
    case 'left':
      return t.left;
    default: {
      const unreachable: never = status;
      return unreachable;
    }
  }
}

export interface MeetRoomProps {
  roomId: string;
  grant: JoinGrant;
  /** After leaving or losing the room: back to the pre-join screen. */
  onRejoin: () => void;
}

/** The meeting: the grid, the toolbar, a side panel, and the connection's state. */
export function MeetRoom({ roomId, grant, onRejoin }: MeetRoomProps) {
  const choices = useJoinChoices();
  const live = useLivekitRoom(grant, choices);
  const panel = useMeetUiStore((state) => state.panel);
  const panelToggled = useMeetUiStore((state) => state.panelToggled);
  const lobby = useRoomLobby(roomId, grant.isAdmin);
  const { room, status, hands } = live;

  if (status === 'left' || status === 'disconnected' || status === 'failed') {
    return (
      <main className="meet-ended">
        <p role={status === 'left' ? 'status' : 'alert'}>{statusText(status, false)}</p>
        <Button variant="primary" onClick={onRejoin}>
          {t.rejoin}
        </Button>
      </main>
    );
  }

  const { people, screens } = room ? tilesOf(room, hands) : { people: [], screens: [] };
  const local = room?.localParticipant;
  const remoteMics = room
    ? [...room.remoteParticipants.values()].flatMap((p) => {
        const mic = p.getTrackPublication(Track.Source.Microphone)?.track;
        const screenAudio = p.getTrackPublication(Track.Source.ScreenShareAudio)?.track;
        return [mic, screenAudio].filter((track) => track !== undefined);
      })
    : [];
  const message = statusText(status, live.justReconnected);

  return (
    <main className="meet-room" aria-label={meetMessages.title}>
      {message && (
        <p className={`meet-banner${status === 'reconnecting' ? ' meet-banner--warning' : ''}`} role="status">
          {message}
        </p>
      )}
      {live.deviceFailed && (
        <p className="meet-banner meet-banner--warning" role="alert">
          {t.deviceFailed}
        </p>
      )}
      <div className="meet-room__body">
        <div className="meet-grid" data-count={people.length + screens.length}>
          {[...screens, ...people].map((view) => (
            <ParticipantTile key={view.key} view={view} />
          ))}
        </div>
        {panel === 'chat' && <ChatPanel lines={live.chat} onSend={live.sendChat} />}
        {panel === 'participants' && <ParticipantList people={people} />}
        {panel === 'lobby' && grant.isAdmin && <LobbyPanel roomId={roomId} />}
      </div>
      {remoteMics.map((track) => (
        <RemoteAudio key={track.sid} track={track} />
      ))}
      <RoomControlsBar
        live={live}
        micOn={local?.isMicrophoneEnabled ?? false}
        cameraOn={local?.isCameraEnabled ?? false}
        sharing={local?.isScreenShareEnabled ?? false}
        handRaised={local ? hands.has(local.identity) : false}
        lobbyCount={grant.isAdmin ? (lobby.data?.length ?? 0) : null}
        panel={panel}
        onPanel={panelToggled}
      />
    </main>
  );
}

function RoomControlsBar({
  live,
  ...state
}: Omit<RoomControlsProps, 'onMicrophone' | 'onCamera' | 'onScreenShare' | 'onHand' | 'onLeave'> & {
  live: ReturnType<typeof useLivekitRoom>;
}) {
  return (
    <RoomControls
      {...state}
      canShareScreen={typeof navigator.mediaDevices?.getDisplayMedia === 'function'}
      onMicrophone={() => void live.toggleMicrophone()}
      onCamera={() => void live.toggleCamera()}
      onScreenShare={() => void live.toggleScreenShare()}
      onHand={() => void live.setHand(!state.handRaised)}
      onLeave={() => void live.leave()}
    />
  );
}
