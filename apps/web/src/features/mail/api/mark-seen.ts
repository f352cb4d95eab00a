import { useCallback } from 'react';
import type { Id } from '@colibri/jmap-types';
import { useEmailAction } from '../hooks/use-email-action';
import { markRead } from '../lib/email-action';
import { mailMessages } from '../messages';

/**
 * Marks an opened email as seen (RFC 8621 §4.1.1 $seen): the list and reader update at once,
 * unread counts after the server; a refusal puts the unread mark back and says so. `mutate`
 * keeps its identity across renders, so an effect may depend on it.
 */
export function useMarkSeen(accountId: Id) {
  const run = useEmailAction(accountId);
  const mutate = useCallback(
    (emailId: Id) =>
      run({
        rowIds: [emailId],
        action: markRead(true),
        conversations: false,
        what: mailMessages.actionWhat.read,
      }),
    [run],
  );
  return { mutate };
}
