import { useMailSession } from '../features/mail/api/get-session';
import { Reader } from '../features/mail/components/reader';
import { SearchPage } from '../features/search';
import { LiveUpdates } from './live-updates';

/** `/search/:emailId?`: search results (search feature) beside the conversation reader (mail). */
export function SearchRoute() {
  const { session, accountId } = useMailSession();
  return (
    <>
      {session && accountId ? <LiveUpdates session={session} accountId={accountId} /> : null}
      <SearchPage
        renderReader={(emailId, onBack) =>
          session && accountId ? (
            <Reader session={session} accountId={accountId} emailId={emailId} onBack={onBack} />
          ) : null
        }
      />
    </>
  );
}
