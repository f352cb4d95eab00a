import type { Id, Session } from '@colibri/jmap-types';
import { useMailSession } from '../features/mail/api/get-session';
import { Reader } from '../features/mail/components/reader';
import { useLiveMail } from '../features/mail/hooks/use-live-mail';
import { SearchPage } from '../features/search';

/** Keeps the results and the open conversation live while the search page is shown (push). */
function LiveUpdates({ session, accountId }: { session: Session; accountId: Id }) {
  useLiveMail(session, accountId);
  return null;
}

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
