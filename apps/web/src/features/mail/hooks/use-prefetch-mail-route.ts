import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useJmapClient } from '../../../lib/jmap';
import { prefetchMailRoute } from '../api/prefetch-mail';
import type { MailRoute } from '../api/prefetch-mail';

/**
 * Starts the mail screen's requests for its URL when the screen first shows or its URL changes,
 * so that each answer leads straight to the next request (Session, mailboxes, the list, the open
 * conversation) instead of waiting for the components that need it to render first.
 */
export function usePrefetchMailRoute({ mailboxId, emailId }: MailRoute): void {
  const client = useJmapClient();
  const queryClient = useQueryClient();
  useEffect(() => {
    void prefetchMailRoute(queryClient, client, { mailboxId, emailId });
  }, [queryClient, client, mailboxId, emailId]);
}
