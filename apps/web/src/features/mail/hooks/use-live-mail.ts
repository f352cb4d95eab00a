import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Query } from '@tanstack/react-query';
import type { Id, Session } from '@colibri/jmap-types';
import { openPushStream } from '../../../lib/push';
import { useNewMailNotifier } from './use-new-mail-notifier';

/** Types whose change refreshes what is keyed under Email (RFC 8621 §1.5 push types). */
const EMAIL_TYPES = ['Email', 'Thread', 'EmailDelivery'];

/**
 * The cache type a pushed type refreshes: every feature keys its queries
 * `[feature, accountId, type, …]` (mail, search, compose), so one stream serves them all.
 */
const cacheTypeOf = (type: string) => (EMAIL_TYPES.includes(type) ? 'Email' : type);

/**
 * Push drives the cache (STYLE 20): each StateChange for an account invalidates the queries
 * of the types that changed, in every feature, so active lists and counts refetch and inactive
 * ones are marked stale; nothing polls. Each (re)open invalidates everything of the accounts, since
 * events may have been missed. New Inbox mail also gets a desktop notice (use-new-mail-notifier).
 * Answers whether the stream is currently up.
 */
export function useLiveMail(session: Session, accountId: Id): boolean {
  const queryClient = useQueryClient();
  const [online, setOnline] = useState(true);
  const newMailPushed = useNewMailNotifier(accountId);
  useEffect(() => {
    if (typeof globalThis.EventSource === 'undefined') return undefined;
    const refresh = (account: Id, type: string | null) => {
      const predicate = ({ queryKey }: Query) =>
        queryKey[1] === account && (type === null || queryKey[2] === type);
      // TanStack joins a refetch to a first load still in flight (no data yet), and that load's
      // answer may predate this change: cancel such loads first, so that the refetch asks again.
      // Only those a component watches: the refetch answers it, whereas a one-off fetchQuery (a
      // composer loading its draft) would only see its promise rejected.
      const loading = (query: Query) =>
        predicate(query) &&
        query.state.data === undefined &&
        query.state.fetchStatus === 'fetching' &&
        query.getObserversCount() > 0;
      if (queryClient.getQueryCache().findAll({ predicate: loading }).length === 0) {
        void queryClient.invalidateQueries({ predicate });
        return;
      }
      void queryClient
        .cancelQueries({ predicate: loading })
        .then(() => queryClient.invalidateQueries({ predicate }));
    };
    return openPushStream(session, {
      onStateChange: (change) => {
        // The stream carries every account the user may use (RFC 8620 §7.1), the ones shared with
        // them included (RFC 9670): each refreshes its own queries.
        for (const [account, changed] of Object.entries(change.changed)) {
          for (const type of new Set(Object.keys(changed).map(cacheTypeOf))) refresh(account, type);
        }
        const emailState = change.changed[accountId]?.Email;
        if (emailState) newMailPushed(emailState);
      },
      onOpen: () => {
        setOnline(true);
        // Events may have been missed: before a reconnect, and also before the first open, since
        // what the app fetched while the stream was connecting can predate a change it never saw
        // (mail delivered during page load). So everything of every account the user may use.
        for (const account of Object.keys(session.accounts)) refresh(account, null);
      },
      onError: () => setOnline(false),
    });
  }, [session, accountId, queryClient, newMailPushed]);
  return online;
}
