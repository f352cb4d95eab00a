import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ContactCard, Id } from '@colibri/jmap-types';
import { useJmapClient } from '../../../lib/jmap';
import { useToastActions } from '../../../lib/toast-store';
import { contactsKeys } from '../api/keys';
import { createCard, destroyCard, recreatable, setGroupMember, updateCard } from '../api/write-cards';
import type { NewCard } from '../api/write-cards';
import { cardDisplayName } from '../lib/card-format';
import { contactsMessages } from '../messages';
import { useContactsActions } from '../stores/contacts-ui-store';

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Every write of the contacts screen: create, save an edit, delete (with Undo, as mail's moves),
 * group membership. A write refetches the account's ContactCard queries (push does the same for
 * other tabs); a refusal is shown as an error toast.
 */
export function useCardMutations(accountId: Id) {
  const client = useJmapClient();
  const queryClient = useQueryClient();
  const { toastShown } = useToastActions();
  const { cardOpened, paneClosed } = useContactsActions();
  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: contactsKeys.type(accountId, 'ContactCard') });
  const fail = (error: unknown) =>
    toastShown({ tone: 'error', message: contactsMessages.failed(reasonOf(error)) });

  const create = useMutation({
    mutationFn: (card: NewCard) => createCard(client, accountId, card),
    onSuccess: async (id) => {
      await refresh();
      cardOpened(id);
      toastShown({ tone: 'info', message: contactsMessages.created });
    },
    onError: fail,
  });

  const save = useMutation({
    mutationFn: ({ id, patch }: { id: Id; patch: Record<string, unknown> }) =>
      updateCard(client, accountId, id, patch),
    onSuccess: async (_, { id }) => {
      await refresh();
      cardOpened(id);
      toastShown({ tone: 'info', message: contactsMessages.saved });
    },
    onError: fail,
  });

  const restore = useMutation({
    mutationFn: (card: ContactCard) => createCard(client, accountId, recreatable(card)),
    onSuccess: async (id) => {
      await refresh();
      cardOpened(id);
      toastShown({ tone: 'info', message: contactsMessages.restored });
    },
    onError: fail,
  });

  const remove = useMutation({
    mutationFn: (card: ContactCard) => destroyCard(client, accountId, card.id),
    onSuccess: async (_, card) => {
      paneClosed();
      await refresh();
      toastShown({
        tone: 'info',
        message: contactsMessages.deleted(cardDisplayName(card) || contactsMessages.noName),
        // Undo creates the same card again (same uid, so groups still list it).
        action: { label: contactsMessages.undo, run: () => restore.mutate(card) },
      });
    },
    onError: fail,
  });

  const membership = useMutation({
    mutationFn: (change: { groupId: Id; memberUid: string; isMember: boolean }) =>
      setGroupMember(client, accountId, change.groupId, change.memberUid, change.isMember),
    onSettled: refresh,
    onError: fail,
  });

  const createGroup = useMutation({
    mutationFn: (name: string) =>
      createCard(client, accountId, {
        '@type': 'Card',
        version: '1.0',
        kind: 'group',
        name: { '@type': 'Name', full: name },
        members: {},
      }),
    onSuccess: refresh,
    onError: fail,
  });

  return { create, save, remove, restore, membership, createGroup };
}
