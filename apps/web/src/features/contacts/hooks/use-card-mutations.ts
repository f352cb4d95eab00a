import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ContactCard, Id } from '@colibri/jmap-types';
import { useJmapClient } from '../../../lib/jmap';
import { useToastActions } from '../../../lib/toast-store';
import { contactsKeys } from '../api/keys';
import {
  applyMerge,
  createCard,
  destroyCard,
  recreatable,
  setGroupMember,
  updateCard,
} from '../api/write-cards';
import type { NewCard } from '../api/write-cards';
import { cardDisplayName } from '../lib/card-format';
import { membershipMoves, mergeCards } from '../lib/merge-cards';
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

  const unmerge = useMutation({
    mutationFn: ({ other, update }: { other: ContactCard; update: Record<Id, Record<string, unknown>> }) =>
      applyMerge(client, accountId, { update, create: recreatable(other) }),
    onSuccess: async () => {
      await refresh();
      toastShown({ tone: 'info', message: contactsMessages.unmerged });
    },
    onError: fail,
  });

  // Merges `other` into `keep` (lib/merge-cards), moves its group memberships, destroys it; Undo
  // patches everything back and creates `other` again with its uid.
  const merge = useMutation({
    mutationFn: async ({
      keep,
      other,
      groups,
    }: {
      keep: ContactCard;
      other: ContactCard;
      groups: readonly ContactCard[];
    }) => {
      const { patch, undo } = mergeCards(keep, other);
      const moves = membershipMoves(groups, keep.uid, other.uid);
      await applyMerge(client, accountId, {
        update: { ...moves.patches, ...(Object.keys(patch).length > 0 ? { [keep.id]: patch } : {}) },
        destroy: [other.id],
      });
      return { ...moves.undo, ...(Object.keys(undo).length > 0 ? { [keep.id]: undo } : {}) };
    },
    onSuccess: async (update, { keep, other }) => {
      await refresh();
      toastShown({
        tone: 'info',
        message: contactsMessages.merged(cardDisplayName(keep) || contactsMessages.noName),
        action: { label: contactsMessages.undo, run: () => unmerge.mutate({ other, update }) },
      });
    },
    onError: fail,
  });

  return { create, save, remove, restore, membership, createGroup, merge };
}
