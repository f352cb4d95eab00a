import { useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
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
 * ones are marked stale; nothing polls. A reconnect invalidates everything of the account, since
 * events may have been missed. New Inbox mail also gets a desktop notice (use-new-mail-notifier).
 * Answers whether the stream is currently up.
 */
export function useLiveMail(session: Session, accountId: Id): boolean {
  const queryClient = useQueryClient();
  const [online, setOnline] = useState(true);
  const opened = useRef(false);
  const newMailPushed = useNewMailNotifier(accountId);
  useEffect(() => {
    if (typeof globalThis.EventSource === 'undefined') return undefined;
    const refresh = (account: Id, type: string | null) =>
      void queryClient.invalidateQueries({
        predicate: ({ queryKey }) => queryKey[1] === account && (type === null || queryKey[2] === type),
      });
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
        // Events may have been missed: everything of every account the user may use.
        if (opened.current) for (const account of Object.keys(session.accounts)) refresh(account, null);
        opened.current = true;
      },
      onError: () => setOnline(false),
    });
  }, [session, accountId, queryClient, newMailPushed]);
  return online;
}
