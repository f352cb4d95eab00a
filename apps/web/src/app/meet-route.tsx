import { useParams } from 'react-router';
import { PageStatus } from '../components/page-status';
import { useMe } from '../features/auth/api/get-me';
import { authMessages } from '../features/auth/messages';
import { MeetPage } from '../features/meet/page';

/**
 * `/meet/:roomId`, outside the login guard and the mail shell: guests join with a name, signed-in
 * users under their session (the `me` query also gives the CSRF header the meet requests send).
 */
export function MeetRoute() {
  const { roomId = '' } = useParams();
  const me = useMe();
  if (me.isPending) return <PageStatus>{authMessages.checkingSession}</PageStatus>;
  // No answer about the session: join as a guest rather than not at all.
  return <MeetPage key={roomId} roomId={roomId} signedIn={!!me.data} />;
}
