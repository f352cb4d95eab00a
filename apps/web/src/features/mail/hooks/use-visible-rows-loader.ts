import { useEffect, useRef } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Id } from '@colibri/jmap-types';
import { useJmapClient } from '../../../lib/jmap';
import { mailKeys } from '../api/keys';
import type { EmailListParams } from '../api/keys';
import { EMAIL_WINDOW_SIZE, fetchEmailWindow } from '../api/query-emails';
import { mergeWindow, missingWindows } from '../lib/email-window';
import type { EmailListData } from '../lib/email-window';

/** While the scrollbar is dragged, windows flying past are not worth a request. */
const SETTLE_MS = 60;

/**
 * Fetches the windows of rows `start..end` that the list does not know yet, once scrolling has
 * settled, and merges them into the list's cache entry. A window is asked for once at a time.
 */
export function useVisibleRowsLoader(
  accountId: Id,
  params: EmailListParams,
  data: EmailListData | undefined,
  start: number,
  end: number,
) {
  const client = useJmapClient();
  const queryClient = useQueryClient();
  const inFlight = useRef(new Set<string>());
  const missing = missingWindows(data, start, end, EMAIL_WINDOW_SIZE).join(',');

  useEffect(() => {
    if (!missing) return undefined;
    const key = mailKeys.emailList(accountId, params);
    const timer = setTimeout(() => {
      for (const position of missing.split(',').map(Number)) {
        const flightKey = `${JSON.stringify(key)}@${position}`;
        if (inFlight.current.has(flightKey)) continue;
        inFlight.current.add(flightKey);
        const stateAtStart = queryClient.getQueryData<EmailListData>(key)?.queryState;
        fetchEmailWindow(client, accountId, params, position)
          .then((window) =>
            queryClient.setQueryData<EmailListData>(key, (old) =>
              // A refetch (push) replaced the list while this window was on its way: the
              // window may be older than it, so it is dropped; the loader asks again if needed.
              old && old.queryState !== stateAtStart && old.queryState !== window.queryState
                ? old
                : mergeWindow(old, window),
            ),
          )
          // A failed window stays unknown; the rows show as loading and the next scroll retries.
          .catch(() => undefined)
          .finally(() => inFlight.current.delete(flightKey));
      }
    }, SETTLE_MS);
    return () => clearTimeout(timer);
  }, [missing, client, queryClient, accountId, params]);
}
