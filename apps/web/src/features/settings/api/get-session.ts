import { queryOptions, useQuery } from '@tanstack/react-query';
import type { JmapClient } from '@colibri/jmap-client';
import { Capability } from '@colibri/jmap-types';
import type { Id, Session } from '@colibri/jmap-types';
import { useJmapClient } from '../../../lib/jmap';
import { settingsKeys } from './keys';

export function settingsSessionQueryOptions(client: JmapClient) {
  // The client caches the Session itself (RFC 8620 §2); this only shares it with React.
  return queryOptions({
    queryKey: settingsKeys.session(),
    queryFn: () => client.getSession(),
    staleTime: Infinity,
  });
}

/** The Session and the primary mail account (RFC 8620 §2), which owns identities and vacation. */
export function useSettingsSession(): {
  session: Session | undefined;
  accountId: Id | undefined;
  error: Error | null;
} {
  const client = useJmapClient();
  const query = useQuery(settingsSessionQueryOptions(client));
  return { session: query.data, accountId: query.data?.primaryAccounts[Capability.Mail], error: query.error };
}
