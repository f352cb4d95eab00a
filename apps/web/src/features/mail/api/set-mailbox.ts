import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { JmapClient } from '@colibri/jmap-client';
import type { Id, SetError } from '@colibri/jmap-types';
import { useJmapClient } from '../../../lib/jmap';
import { useToastActions } from '../../../lib/toast-store';
import { mailMessages } from '../messages';
import { mailKeys } from './keys';

/** A folder change the user asked for (RFC 8621 §2.5 Mailbox/set). */
export type MailboxChange =
  | { kind: 'create'; name: string; parentId: Id | null }
  | { kind: 'rename'; id: Id; name: string }
  | { kind: 'move'; id: Id; parentId: Id | null }
  | { kind: 'destroy'; id: Id };

/** The server refused the change; its SetError says why (e.g. mailboxHasEmail, RFC 8621 §2.5). */
export class MailboxNotChangedError extends Error {
  override readonly name = 'MailboxNotChangedError';
  constructor(readonly setError: SetError) {
    super(setError.description ?? setError.type);
  }
}

/** RFC 8621 §2.5: one create, update or destroy; the per-item refusal becomes an error. */
export async function setMailbox(client: JmapClient, accountId: Id, change: MailboxChange): Promise<Id> {
  switch (change.kind) {
    case 'create': {
      const result = await client.call('Mailbox/set', {
        accountId,
        create: { new: { name: change.name, parentId: change.parentId } },
      });
      const refused = result.notCreated?.new;
      if (refused) throw new MailboxNotChangedError(refused);
      return result.created?.new?.id ?? '';
    }
    case 'rename':
    case 'move': {
      const patch = change.kind === 'rename' ? { name: change.name } : { parentId: change.parentId };
      const result = await client.call('Mailbox/set', { accountId, update: { [change.id]: patch } });
      const refused = result.notUpdated?.[change.id];
      if (refused) throw new MailboxNotChangedError(refused);
      return change.id;
    }
    case 'destroy': {
      // Never onDestroyRemoveEmails: a folder with mail in it is refused rather than emptied.
      const result = await client.call('Mailbox/set', { accountId, destroy: [change.id] });
      const refused = result.notDestroyed?.[change.id];
      if (refused) throw new MailboxNotChangedError(refused);
      return change.id;
    }
    default: {
      const never: never = change;
      throw new Error(`Unknown mailbox change ${JSON.stringify(never)}`);
    }
  }
}

/** Changes a folder; the tree refreshes from the server, a refusal is shown with its reason. */
export function useSetMailbox(accountId: Id) {
  const client = useJmapClient();
  const queryClient = useQueryClient();
  const { toastShown } = useToastActions();
  return useMutation({
    mutationFn: (change: MailboxChange) => setMailbox(client, accountId, change),
    onError: (error) =>
      toastShown({
        tone: 'error',
        message: mailMessages.folderFailed(error instanceof Error ? error.message : String(error)),
      }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: mailKeys.type(accountId, 'Mailbox') }),
  });
}
