import { Suspense, lazy, useCallback, useState } from 'react';
import { PageStatus } from '../../../components/page-status';
import type { JoinGrant } from '../api/meet-http';
import type { MediaDevicesLike } from '../hooks/use-media-preview';
import { meetMessages } from '../messages';
import { LobbyWait } from './lobby-wait';
import { PrejoinScreen } from './prejoin-screen';
import './meet.css';

// livekit-client comes with the room only: the pre-join screen and the lobby do without it.
const MeetRoom = lazy(() => import('./meet-room').then((m) => ({ default: m.MeetRoom })));

type Phase = { name: 'prejoin' } | { name: 'waiting'; ticket: string } | { name: 'room'; grant: JoinGrant };

export interface MeetPageProps {
  roomId: string;
  signedIn: boolean;
  mediaDevices?: MediaDevicesLike;
}

/** `/meet/:roomId`: pre-join, then the lobby (guests the organiser has not let in yet), then the room. */
export function MeetPage({ roomId, signedIn, mediaDevices }: MeetPageProps) {
  const [phase, setPhase] = useState<Phase>({ name: 'prejoin' });
  const backToPrejoin = useCallback(() => setPhase({ name: 'prejoin' }), []);
  const admitted = useCallback((grant: JoinGrant) => setPhase({ name: 'room', grant }), []);

  return (
    <div className="meet-page">
      {phase.name === 'prejoin' && (
        <PrejoinScreen
          roomId={roomId}
          signedIn={signedIn}
          mediaDevices={mediaDevices}
          onJoined={(result) =>
            setPhase(
              result.status === 'joined'
                ? { name: 'room', grant: result.grant }
                : { name: 'waiting', ticket: result.ticket },
            )
          }
        />
      )}
      {phase.name === 'waiting' && (
        <LobbyWait ticket={phase.ticket} onAdmitted={admitted} onCancel={backToPrejoin} />
      )}
      {phase.name === 'room' && (
        <Suspense fallback={<PageStatus>{meetMessages.room.connecting}</PageStatus>}>
          <MeetRoom roomId={roomId} grant={phase.grant} onRejoin={backToPrejoin} />
        </Suspense>
      )}
    </div>
  );
}
