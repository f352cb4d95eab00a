import { queryOptions, useQuery } from '@tanstack/react-query';
import { ref } from '@colibri/jmap-client';
import type { JmapClient } from '@colibri/jmap-client';
import type { Id } from '@colibri/jmap-types';
import { useJmapClient } from '../../../lib/jmap';
import { EMAIL_LIST_PROPERTIES, mergeWindow } from '../lib/email-window';
import type { EmailListData, EmailListItem, EmailWindow } from '../lib/email-window';

// The row type and properties live with the list logic; named here too for the feature's callers.
export { EMAIL_LIST_PROPERTIES } from '../lib/email-window';
export type { EmailListItem } from '../lib/email-window';
import { mailKeys } from './keys';
import type { EmailListParams } from './keys';

/** Rows fetched per request: a few screenfuls, so that scrolling rarely waits. */
export const EMAIL_WINDOW_SIZE = 100;

/**
 * One window of a mailbox, newest first: Email/query (RFC 8621 §4.4) at `position` and Email/get
 * (§4.2) of its ids through a result reference (RFC 8620 §3.7), in a single request.
 */
export async function fetchEmailWindow(
  client: JmapClient,
  accountId: Id,
  params: EmailListParams,
  position: number,
): Promise<EmailWindow> {
  const { query, emails } = await client.request((b) => {
    const query = b.call('Email/query', {
      accountId,
      filter: { inMailbox: params.mailboxId },
      sort: [{ property: 'receivedAt', isAscending: false }],
      collapseThreads: params.collapseThreads,
      position,
      limit: EMAIL_WINDOW_SIZE,
      calculateTotal: true,
    });
    const emails = b.call('Email/get', {
      accountId,
      ids: ref(query, '/ids'),
      properties: params.withSnoozed ? [...EMAIL_LIST_PROPERTIES, 'snoozed'] : [...EMAIL_LIST_PROPERTIES],
    });
    return { query, emails };
  });
  return {
    position: query.position,
    ids: query.ids,
    // The server returns every requested property (RFC 8620 §5.1), so the partials are complete.
    emails: emails.list as EmailListItem[],
    total: query.total ?? query.position + query.ids.length,
    queryState: query.queryState,
  };
}

/**
 * The list query. Its fetch (first load, and every refetch after a push) asks for the window
 * the user is looking at (`anchor()`), so a refresh deep in a huge mailbox does not flash rows.
 */
export function emailListQueryOptions(
  client: JmapClient,
  accountId: Id,
  params: EmailListParams,
  anchor: () => number = () => 0,
) {
  return queryOptions({
    queryKey: mailKeys.emailList(accountId, params),
    // Fresh until push says otherwise (hooks/use-live-mail): no refetch on focus or remount.
    staleTime: Infinity,
    queryFn: async (): Promise<EmailListData> => {
      const start = Math.floor(anchor() / EMAIL_WINDOW_SIZE) * EMAIL_WINDOW_SIZE;
      return mergeWindow(undefined, await fetchEmailWindow(client, accountId, params, start));
    },
  });
}

export function useEmailList(accountId: Id, params: EmailListParams, anchor: () => number) {
  const client = useJmapClient();
  return useQuery(emailListQueryOptions(client, accountId, params, anchor));
}
