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
 * Push drives the cache (STYLE 20): each StateChange for this account invalidates the queries
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
    const refresh = (type: string | null) =>
      void queryClient.invalidateQueries({
        predicate: ({ queryKey }) => queryKey[1] === accountId && (type === null || queryKey[2] === type),
      });
    return openPushStream(session, {
      onStateChange: (change) => {
        const types = new Set(Object.keys(change.changed[accountId] ?? {}).map(cacheTypeOf));
        for (const type of types) refresh(type);
        const emailState = change.changed[accountId]?.Email;
        if (emailState) newMailPushed(emailState);
      },
      onOpen: () => {
        setOnline(true);
        if (opened.current) refresh(null);
        opened.current = true;
      },
      onError: () => setOnline(false),
    });
  }, [session, accountId, queryClient, newMailPushed]);
  return online;
}
