import { queryOptions, useQuery } from '@tanstack/react-query';
import type { JmapClient } from '@colibri/jmap-client';
import { Capability } from '@colibri/jmap-types';
import type { Id, Session } from '@colibri/jmap-types';
import { useJmapClient } from '../../../lib/jmap';
import { mailKeys } from './keys';

export function getSession(client: JmapClient): Promise<Session> {
  return client.getSession();
}

export function sessionQueryOptions(client: JmapClient) {
  // RFC 8620 §2: the Session rarely changes; the client refetches it when sessionState moves.
  return queryOptions({
    queryKey: mailKeys.session(),
    queryFn: () => getSession(client),
    staleTime: Infinity,
  });
}

/** The JMAP Session and the primary mail account (RFC 8620 §2, RFC 8621 §1.3). */
export function useMailSession(): {
  session: Session | undefined;
  accountId: Id | undefined;
  error: Error | null;
  isPending: boolean;
} {
  const client = useJmapClient();
  const query = useQuery(sessionQueryOptions(client));
  return {
    session: query.data,
    accountId: query.data?.primaryAccounts[Capability.Mail],
    error: query.error,
    isPending: query.isPending,
  };
}
