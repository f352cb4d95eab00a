import { Button } from '@colibri/ui';
import { useContactsAccount } from '../api/get-account';
import { contactsMessages } from '../messages';
import { ContactsScreen } from './contacts-screen';
import './contacts.css';

/**
 * `/contacts`: the address books of the user's primary contacts account (RFC 9610 §1.4).
 * Loading, errors and a server without contacts are shown here.
 */
export function ContactsPage() {
  const account = useContactsAccount();
  if (account.isPending) return <p className="contacts-status">{contactsMessages.loading}</p>;
  if (account.isError)
    return (
      <div className="contacts-status" role="alert">
        <p>{contactsMessages.loadError}</p>
        <Button onClick={() => void account.refetch()}>{contactsMessages.retry}</Button>
      </div>
    );
  const { session, accountId, maxObjectsInGet, maxObjectsInSet } = account.data;
  if (!accountId) return <p className="contacts-status">{contactsMessages.unavailable}</p>;
  return (
    <ContactsScreen
      session={session}
      accountId={accountId}
      pageSize={maxObjectsInGet}
      batchSize={maxObjectsInSet}
    />
  );
}
