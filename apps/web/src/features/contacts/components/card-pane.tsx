import type { Id, ContactCard } from '@colibri/jmap-types';
import { PageStatus } from '../../../components/page-status';
import type { OpenComposer } from '../../../lib/compose-launcher';
import { useOptionalEventLauncher } from '../../../lib/event-launcher';
import { useCard } from '../api/query-cards';
import { useMeetNow } from '../hooks/use-meet-now';
import type { useCardMutations } from '../hooks/use-card-mutations';
import { draftToCardPatch, draftToNewCard } from '../lib/card-draft';
import { cardDisplayName, cardRecipient } from '../lib/card-format';
import { contactsMessages } from '../messages';
import { useContactsActions } from '../stores/contacts-ui-store';
import { CardDetail } from './card-detail';
import { CardEditor } from './card-editor';

export interface CardPaneProps {
  accountId: Id;
  pane: { kind: 'card'; id: Id } | { kind: 'edit'; id: Id | null };
  groups: readonly ContactCard[];
  /** A card of a book shared read-only with the user (RFC 9670 myRights): no edit, no delete. */
  readOnly?: boolean;
  /** The book a new card goes in (the side pane's), else the default book (RFC 9610 §3). */
  defaultBookId: Id | null;
  mutations: ReturnType<typeof useCardMutations>;
  openComposer: OpenComposer | null;
}

/** The right pane for one card: its details, or the editor (of it, or of a new card). */
export function CardPane({
  accountId,
  pane,
  groups,
  readOnly = false,
  defaultBookId,
  mutations,
  openComposer,
}: CardPaneProps) {
  const { editorOpened, cardOpened, paneClosed } = useContactsActions();
  const card = useCard(accountId, pane.id);
  const openNewEvent = useOptionalEventLauncher();
  const meetNow = useMeetNow();
  if (pane.kind === 'edit' && pane.id === null)
    return (
      <CardEditor
        card={null}
        saving={mutations.create.isPending}
        onCancel={paneClosed}
        onSave={(draft) =>
          mutations.create.mutate({
            ...draftToNewCard(draft),
            ...(defaultBookId ? { addressBookIds: { [defaultBookId]: true } } : {}),
          })
        }
      />
    );
  if (card.isPending) return <PageStatus>{contactsMessages.loading}</PageStatus>;
  if (card.isError || !card.data)
    return (
      <PageStatus tone="error">
        {card.isError ? contactsMessages.loadError : contactsMessages.cardNotFound}
      </PageStatus>
    );
  const current = card.data;
  if (pane.kind === 'edit')
    return (
      <CardEditor
        card={current}
        saving={mutations.save.isPending}
        onCancel={() => cardOpened(current.id)}
        onSave={(draft) => mutations.save.mutate({ id: current.id, patch: draftToCardPatch(draft, current) })}
      />
    );
  const recipient = cardRecipient(current);
  return (
    <CardDetail
      card={current}
      groups={groups}
      onEdit={readOnly ? undefined : () => editorOpened(current.id)}
      onDelete={readOnly ? undefined : () => mutations.remove.mutate(current)}
      onWriteMail={
        openComposer && recipient ? () => openComposer({ mode: 'new', to: [recipient] }) : undefined
      }
      onInvite={openNewEvent && recipient ? () => openNewEvent({ attendees: [recipient.email] }) : undefined}
      onMeetNow={
        meetNow ? () => meetNow.mutate(cardDisplayName(current) || contactsMessages.noName) : undefined
      }
      meetNowPending={meetNow?.isPending ?? false}
      onMembershipChange={(groupId, isMember) =>
        mutations.membership.mutate({ groupId, memberUid: current.uid, isMember })
      }
      onClose={paneClosed}
    />
  );
}
