import type { Id, Session } from '@colibri/jmap-types';
import { useLiveMail } from '../features/mail/hooks/use-live-mail';

/** The account's push stream (mail) for a route whose page is another feature's. */
export function LiveUpdates({ session, accountId }: { session: Session; accountId: Id }) {
  useLiveMail(session, accountId);
  return null;
}
