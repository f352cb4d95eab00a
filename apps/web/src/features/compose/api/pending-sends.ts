import { queryOptions, useQuery } from '@tanstack/react-query';
import { ref } from '@colibri/jmap-client';
import type { JmapClient } from '@colibri/jmap-client';
import type { EmailAddress, Id } from '@colibri/jmap-types';
import { useJmapClient } from '../../../lib/jmap';
import { composeKeys } from './keys';

/** A message waiting for its sendAt (undo window or send later). */
export interface PendingSend {
  submissionId: Id;
  emailId: Id;
  sendAt: string;
  subject: string | null;
  to: EmailAddress[];
}

/** The most shown; more pending sends than this is not a list a person reads. */
export const MAX_PENDING_SHOWN = 100;

/**
 * RFC 8621 §7.3: the pending submissions, soonest first, with the subject and recipients of their
 * emails: EmailSubmission/query, /get and Email/get chained by result references (RFC 8620 §3.7).
 */
export async function getPendingSends(client: JmapClient, accountId: Id): Promise<PendingSend[]> {
  const { submissions, emails } = await client.request((b) => {
    const query = b.call('EmailSubmission/query', {
      accountId,
      filter: { undoStatus: 'pending' },
      sort: [{ property: 'sentAt', isAscending: true }],
      limit: MAX_PENDING_SHOWN,
    });
    const submissions = b.call('EmailSubmission/get', {
      accountId,
      ids: ref(query, '/ids'),
      properties: ['id', 'emailId', 'sendAt', 'undoStatus'],
    });
    const emails = b.call('Email/get', {
      accountId,
      ids: ref(submissions, '/list/*/emailId'),
      properties: ['id', 'subject', 'to'],
    });
    return { submissions, emails };
  });
  const byId = new Map(emails.list.map((email) => [email.id, email]));
  return submissions.list
    .filter((s) => s.undoStatus === 'pending' && s.id && s.emailId && s.sendAt)
    .map((s) => {
      const email = byId.get(s.emailId!);
      return {
        submissionId: s.id!,
        emailId: s.emailId!,
        sendAt: s.sendAt!,
        subject: email?.subject ?? null,
        to: email?.to ?? [],
      };
    });
}

export function pendingSendsQueryOptions(client: JmapClient, accountId: Id) {
  return queryOptions({
    queryKey: composeKeys.pending(accountId),
    queryFn: () => getPendingSends(client, accountId),
    // Read when the list is opened; sends that go out meanwhile vanish on the next look.
    staleTime: 0,
  });
}

export function usePendingSends(accountId: Id, enabled: boolean) {
  const client = useJmapClient();
  return useQuery({ ...pendingSendsQueryOptions(client, accountId), enabled });
}
