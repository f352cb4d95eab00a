import { useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Id, Session } from '@colibri/jmap-types';
import { openPushStream } from '../../../lib/push';
import { mailKeys } from '../api/keys';

/** Types whose change refreshes the email lists and messages (RFC 8621 §1.5 push types). */
const EMAIL_TYPES = ['Email', 'Thread', 'EmailDelivery'];

/**
 * Push drives the cache (STYLE 20): each StateChange for this account invalidates the queries
 * of the types that changed, so active lists and counts refetch and inactive ones are marked
 * stale; nothing polls. A reconnect invalidates everything, since events may have been missed.
 * Answers whether the stream is currently up.
 */
export function useLiveMail(session: Session, accountId: Id): boolean {
  const queryClient = useQueryClient();
  const [online, setOnline] = useState(true);
  const opened = useRef(false);
  useEffect(() => {
    if (typeof globalThis.EventSource === 'undefined') return undefined;
    const refresh = (type: 'Email' | 'Mailbox') =>
      void queryClient.invalidateQueries({ queryKey: mailKeys.type(accountId, type) });
    return openPushStream(session, {
      onStateChange: (change) => {
        const types = Object.keys(change.changed[accountId] ?? {});
        if (types.some((t) => EMAIL_TYPES.includes(t))) refresh('Email');
        if (types.includes('Mailbox')) refresh('Mailbox');
      },
      onOpen: () => {
        setOnline(true);
        if (opened.current) {
          refresh('Email');
          refresh('Mailbox');
        }
        opened.current = true;
      },
      onError: () => setOnline(false),
    });
  }, [session, accountId, queryClient]);
  return online;
}
