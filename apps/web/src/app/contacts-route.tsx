import { useMailSession } from '../features/mail/api/get-session';
import { ContactsPage } from '../features/contacts';
import { LiveUpdates } from './live-updates';

/** `/contacts`: the contacts (contacts feature) with the account's push stream. */
export function ContactsRoute() {
  const { session, accountId } = useMailSession();
  return (
    <>
      {session && accountId ? <LiveUpdates session={session} accountId={accountId} /> : null}
      <ContactsPage />
    </>
  );
}
