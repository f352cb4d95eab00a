import type { QueryClient } from '@tanstack/react-query';
import type { Id } from '@colibri/jmap-types';
import { applyKeyword, removesFrom } from '../lib/email-action';
import type { EmailAction } from '../lib/email-action';
import { withEmailsUpdated, withoutEmails } from '../lib/email-window';
import type { EmailListData } from '../lib/email-window';
import type { EmailDetail } from './get-email';
import { mailKeys } from './keys';
import type { EmailListParams } from './keys';

/**
 * Shows an action at once in every cached list and open message (STYLE 20: the cache is the
 * UI's truth), and returns how to put every touched entry back exactly as it was when the
 * server refuses. Moves drop the rows from the source mailbox's lists; the target's lists are
 * left for the server's answer, since where the rows land depends on the server's sort.
 */
export function applyOptimisticEmailAction(
  queryClient: QueryClient,
  accountId: Id,
  rowIds: readonly Id[],
  action: EmailAction,
): () => void {
  const ids = new Set(rowIds);
  const snapshots: [readonly unknown[], unknown][] = [];
  for (const [key, data] of queryClient.getQueriesData<EmailListData>({
    queryKey: mailKeys.emailLists(accountId),
  })) {
    if (!data) continue;
    const params = key[key.length - 1] as EmailListParams;
    const next = removesFrom(action, params.mailboxId)
      ? withoutEmails(data, ids)
      : withEmailsUpdated(data, ids, (email) => ({
          ...email,
          keywords: applyKeyword(email.keywords, action),
        }));
    if (next === data) continue;
    snapshots.push([key, data]);
    queryClient.setQueryData(key, next);
  }
  if (action.kind === 'keyword') {
    for (const id of ids) {
      const key = mailKeys.email(accountId, id);
      const email = queryClient.getQueryData<EmailDetail | null>(key);
      if (!email) continue;
      snapshots.push([key, email]);
      queryClient.setQueryData(key, { ...email, keywords: applyKeyword(email.keywords, action) });
    }
  }
  return () => {
    for (const [key, data] of snapshots) queryClient.setQueryData(key, data);
  };
}
