import { useMailSession } from '../features/mail/api/get-session';
import { Reader } from '../features/mail/components/reader';
import { SearchPage } from '../features/search';

/** `/search/:emailId?`: search results (search feature) beside the conversation reader (mail). */
export function SearchRoute() {
  const { session, accountId } = useMailSession();
  return (
    <SearchPage
      renderReader={(emailId, onBack) =>
        session && accountId ? (
          <Reader session={session} accountId={accountId} emailId={emailId} onBack={onBack} />
        ) : null
      }
    />
  );
}
