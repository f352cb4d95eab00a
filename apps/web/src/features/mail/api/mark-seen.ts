import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { JmapClient } from '@colibri/jmap-client';
import { Keyword } from '@colibri/jmap-types';
import type { Id, SetError } from '@colibri/jmap-types';
import { useJmapClient } from '../../../lib/jmap';
import type { EmailDetail } from './get-email';
import { mailKeys } from './keys';
import type { EmailPages } from './query-emails';

/** An Email/set update the server refused for this email (a value in `notUpdated`, RFC 8620 §5.3). */
export class EmailNotUpdatedError extends Error {
  constructor(readonly setError: SetError) {
    super(`The email was not updated: ${setError.type}`);
  }
}

/** RFC 8621 §4.6 with an RFC 8620 §5.3 patch: sets only the $seen keyword, leaving the others. */
export async function markSeen(client: JmapClient, accountId: Id, emailId: Id): Promise<void> {
  const result = await client.call('Email/set', {
    accountId,
    update: { [emailId]: { [`keywords/${Keyword.Seen}`]: true } },
  });
  const refused = result.notUpdated?.[emailId];
  if (refused) throw new EmailNotUpdatedError(refused);
}

function withSeen<T extends { keywords: Record<string, true> }>(email: T): T {
  return { ...email, keywords: { ...email.keywords, [Keyword.Seen]: true } };
}

/** Marks an opened email as seen: the list and reader update at once, unread counts after the server. */
export function useMarkSeen(accountId: Id) {
  const client = useJmapClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (emailId: Id) => markSeen(client, accountId, emailId),
    onMutate: async (emailId) => {
      await queryClient.cancelQueries({ queryKey: mailKeys.email(accountId, emailId) });
      queryClient.setQueryData<EmailDetail | null>(mailKeys.email(accountId, emailId), (email) =>
        email ? withSeen(email) : email,
      );
      queryClient.setQueriesData<EmailPages>({ queryKey: mailKeys.emailLists(accountId) }, (data) =>
        data
          ? {
              ...data,
              pages: data.pages.map((page) => ({
                ...page,
                items: page.items.map((item) => (item.id === emailId ? withSeen(item) : item)),
              })),
            }
          : data,
      );
    },
    onError: () => queryClient.invalidateQueries({ queryKey: mailKeys.type(accountId, 'Email') }),
    // The unread counts are the server's to compute (RFC 8621 §2: unreadEmails).
    onSettled: () => queryClient.invalidateQueries({ queryKey: mailKeys.type(accountId, 'Mailbox') }),
  });
}
