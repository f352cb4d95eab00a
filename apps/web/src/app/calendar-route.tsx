import { useMailSession } from '../features/mail/api/get-session';
import { CalendarPage } from '../features/calendar';
import { LiveUpdates } from './live-updates';

/** `/calendar`: the calendar (calendar feature) with the account's push stream (Calendar, CalendarEvent). */
export function CalendarRoute() {
  const { session, accountId } = useMailSession();
  return (
    <>
      {session && accountId ? <LiveUpdates session={session} accountId={accountId} /> : null}
      <CalendarPage />
    </>
  );
}
