import { useEffect, useMemo, useRef } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Id } from '@colibri/jmap-types';
import { useJmapClient } from '../../../lib/jmap';
import { prefetchConversation } from '../api/prefetch-mail';

/**
 * How long the pointer (or the keyboard cursor) rests on a row before its conversation is
 * fetched: long enough that sweeping across the list asks for nothing, short beside the time a
 * person takes to click.
 */
export const PREFETCH_INTENT_MS = 80;

export interface ConversationPrefetch {
  /** Fetch now: the row is being pressed, the click follows. */
  now(emailId: Id): void;
  /** The pointer or the cursor rests on a row (null: on none); fetched if it stays. */
  resting(emailId: Id | null): void;
}

/**
 * Fetches a row's conversation before it is opened, so that the reader finds it in the cache.
 * Fetching only: the reader marks a message read when it shows it, never before.
 */
export function useConversationPrefetch(accountId: Id, enabled: boolean): ConversationPrefetch {
  const client = useJmapClient();
  const queryClient = useQueryClient();
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const waitingFor = useRef<Id | null>(null);
  useEffect(() => () => clearTimeout(timer.current), []);
  return useMemo(() => {
    const now = (emailId: Id) => {
      clearTimeout(timer.current);
      waitingFor.current = null;
      if (enabled) void prefetchConversation(queryClient, client, accountId, emailId);
    };
    return {
      now,
      resting: (emailId) => {
        // Moving within the same row keeps its wait going.
        if (emailId !== null && emailId === waitingFor.current) return;
        clearTimeout(timer.current);
        waitingFor.current = enabled ? emailId : null;
        if (enabled && emailId !== null) timer.current = setTimeout(() => now(emailId), PREFETCH_INTENT_MS);
      },
    };
  }, [client, queryClient, accountId, enabled]);
}
