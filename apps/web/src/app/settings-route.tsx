import { useMailSession } from '../features/mail/api/get-session';
import { SettingsPage } from '../features/settings';
import { LiveUpdates } from './live-updates';

/** `/settings`: the settings page (settings feature) with the account's push stream (mail). */
export function SettingsRoute() {
  const { session, accountId } = useMailSession();
  return (
    <>
      {session && accountId ? <LiveUpdates session={session} accountId={accountId} /> : null}
      <SettingsPage />
    </>
  );
}
