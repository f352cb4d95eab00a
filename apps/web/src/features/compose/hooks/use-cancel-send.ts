import { useCallback } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import type { Id } from '@colibri/jmap-types';
import { useJmapClient } from '../../../lib/jmap';
import type { ComposeMailboxes } from '../api/get-compose-account';
import { composeKeys } from '../api/keys';
import { cancelSubmission } from '../api/send-email';
import { useComposerStore } from '../stores/composer-store';

/**
 * Lists that show this account's mail (the mail feature's and ours) are stale after a send or an
 * undo. Until push drives the cache (STYLE 20), the `['mail', accountId]` prefix is refreshed too.
 */
export function refreshAfterSend(queryClient: QueryClient, accountId: Id) {
  void queryClient.invalidateQueries({ queryKey: ['mail', accountId] });
  void queryClient.invalidateQueries({ queryKey: composeKeys.type(accountId, 'EmailSubmission') });
  void queryClient.invalidateQueries({ queryKey: composeKeys.recentAddresses(accountId) });
}

/**
 * Undo send / cancel a send later: the submission is canceled and the message goes back to
 * Drafts; with `reopen`, a composer opens on it.
 */
export function useCancelSend(accountId: Id, mailboxes: ComposeMailboxes) {
  const client = useJmapClient();
  const queryClient = useQueryClient();
  return useCallback(
    async (submissionId: Id, emailId: Id, reopen: boolean) => {
      await cancelSubmission(client, accountId, submissionId, mailboxes);
      refreshAfterSend(queryClient, accountId);
      if (reopen) useComposerStore.getState().actions.composerOpened({ mode: 'draft', emailId });
    },
    [client, queryClient, accountId, mailboxes],
  );
}
