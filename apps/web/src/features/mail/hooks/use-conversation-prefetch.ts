import { useEffect, useMemo, useRef } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Id } from '@colibri/jmap-types';
import { useJmapClient } from '../../../lib/jmap';
import { conversationKey } from '../api/conversation-query';
import type { Conversation } from '../api/conversation-query';
import { prefetchConversation } from '../api/prefetch-mail';
import { prepareEmailHtmlAhead } from '../lib/prepared-email-html';

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

/** The list's first rows whose conversations are fetched once the page is idle (Gmail does too). */
export const IDLE_PREFETCH_ROWS = 5;

/** Resolves when the page is idle, or at once when `signal` aborts (the caller checks it). */
function afterIdle(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => resolve();
    signal.addEventListener('abort', done);
    if (typeof requestIdleCallback === 'function') {
      const handle = requestIdleCallback(done, { timeout: 2000 });
      signal.addEventListener('abort', () => cancelIdleCallback(handle));
    } else {
      const timer = setTimeout(done, 50);
      signal.addEventListener('abort', () => clearTimeout(timer));
    }
  });
}

/**
 * Fetches the conversations of the list's first rows (the ones most often opened) one at a time,
 * each when the page is idle, and prepares their HTML (sanitised), so that they open from the
 * cache. Stops when the rows change or the list goes; cached conversations are not fetched
 * again. Fetching only: nothing is marked read.
 */
export function useIdlePrefetch(accountId: Id, firstIds: readonly Id[], enabled: boolean): void {
  const client = useJmapClient();
  const queryClient = useQueryClient();
  const key = firstIds.slice(0, IDLE_PREFETCH_ROWS).join(' ');
  useEffect(() => {
    if (!enabled || key === '') return undefined;
    const controller = new AbortController();
    void (async () => {
      for (const emailId of key.split(' ')) {
        await afterIdle(controller.signal);
        if (controller.signal.aborted) return;
        await prefetchConversation(queryClient, client, accountId, emailId);
        const opened = queryClient.getQueryData<Conversation | null>(
          conversationKey(accountId, emailId),
        )?.opened;
        if (!opened) continue;
        // Sanitised while idle too, so that opening it only has the frame to load.
        await afterIdle(controller.signal);
        if (controller.signal.aborted) return;
        prepareEmailHtmlAhead(opened);
      }
    })();
    return () => controller.abort();
  }, [client, queryClient, accountId, key, enabled]);
}
