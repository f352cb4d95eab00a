import { useCallback } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Id } from '@colibri/jmap-types';
import { useEmailAction } from '../hooks/use-email-action';
import { markRead } from '../lib/email-action';
import { mailMessages } from '../messages';
import type { MailboxSummary } from './get-mailboxes';
import { mailKeys } from './keys';

/**
 * Marks an opened email as seen (RFC 8621 §4.1.1 $seen): the list and reader update at once,
 * unread counts after the server; a refusal puts the unread mark back and says so. `mutate`
 * keeps its identity across renders, so an effect may depend on it. In an account shared with
 * the user where no folder allows maySetSeen (RFC 8621 §2, e.g. read-only), nothing is asked:
 * the server would refuse it, and reading there leaves the owner's unread marks alone.
 */
export function useMarkSeen(accountId: Id) {
  const run = useEmailAction(accountId);
  const queryClient = useQueryClient();
  const mutate = useCallback(
    (emailId: Id) => {
      const mailboxes = queryClient.getQueryData<MailboxSummary[]>(mailKeys.mailboxes(accountId));
      if (mailboxes && mailboxes.length > 0 && mailboxes.every((m) => m.myRights?.maySetSeen === false))
        return;
      run({
        rowIds: [emailId],
        action: markRead(true),
        conversations: false,
        what: mailMessages.actionWhat.read,
      });
    },
    [run, queryClient, accountId],
  );
  return { mutate };
}
