import { Suspense, lazy } from 'react';
import { useParams } from 'react-router';
import { PageStatus } from '../components/page-status';
import { useMe } from '../features/auth/api/get-me';
import { authMessages } from '../features/auth/messages';

// The meeting (and, later, livekit-client) loads when first opened. The params and the session
// are read here, in the first chunk, which has them already: when the lazy chunk imported them
// itself, the bundler split the first screen's code into two files (a larger first screen).
const MeetPage = lazy(() => import('../features/meet/page').then((m) => ({ default: m.MeetPage })));

/**
 * `/meet/:roomId`, outside the login guard and the mail shell: guests join with a name, signed-in
 * users under their session (the `me` query also gives the CSRF header the meet requests send).
 */
export function MeetEntry() {
  const { roomId = '' } = useParams();
  const me = useMe();
  if (me.isPending) return <PageStatus>{authMessages.checkingSession}</PageStatus>;
  // No answer about the session: join as a guest rather than not at all.
  return (
    <Suspense fallback={<PageStatus>{authMessages.checkingSession}</PageStatus>}>
      <MeetPage key={roomId} roomId={roomId} signedIn={!!me.data} />
    </Suspense>
  );
}
