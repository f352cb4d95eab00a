import type { ContactCard, Id } from '@colibri/jmap-types';
import { Button } from '@colibri/ui';
import { cardToDraft } from '../lib/card-draft';
import { cardDisplayName, primaryEmail } from '../lib/card-format';
import { contactsMessages } from '../messages';
import { AddToGroupMenu } from './add-to-group-menu';
import { ContactAvatar } from './contact-avatar';

export interface CardDetailProps {
  card: ContactCard;
  groups: readonly ContactCard[];
  /** Absent for a card the user may not change (a read-only shared book). */
  onEdit?: (() => void) | undefined;
  onDelete?: (() => void) | undefined;
  /** Absent when no composer can be opened here, or the card has no email. */
  onWriteMail?: (() => void) | undefined;
  /** "Invite to a meeting": the calendar's new-event editor with the card as attendee. */
  onInvite?: (() => void) | undefined;
  /** "Meet now": an instant video room titled with the card's name. */
  onMeetNow?: (() => void) | undefined;
  meetNowPending?: boolean;
  onMembershipChange: (groupId: Id, isMember: boolean) => void;
  onClose: () => void;
}

/** One card: its names, ways to reach it, organisation, birthday, notes, and its groups. */
export function CardDetail({
  card,
  groups,
  onEdit,
  onDelete,
  onWriteMail,
  onInvite,
  onMeetNow,
  meetNowPending = false,
  onMembershipChange,
  onClose,
}: CardDetailProps) {
  const draft = cardToDraft(card);
  const name = cardDisplayName(card) || contactsMessages.noName;
  const context = (value: '' | 'work' | 'private') => contactsMessages.contexts[value];
  const birthday = draft.birthday
    ? new Intl.DateTimeFormat(contactsMessages.locale, { dateStyle: 'long', timeZone: 'UTC' }).format(
        new Date(`${draft.birthday}T00:00:00Z`),
      )
    : null;
  return (
    <article className="contacts-detail" aria-labelledby="contacts-detail-name">
      <header className="contacts-detail__header">
        <ContactAvatar card={card} name={name} email={primaryEmail(card) ?? ''} size="lg" />
        <div>
          <h2 id="contacts-detail-name">
            <bdi>{name}</bdi>
          </h2>
          {draft.title || draft.organization ? (
            <p className="contacts-detail__org">
              {[draft.title, draft.organization].filter(Boolean).join(' · ')}
            </p>
          ) : null}
        </div>
        <Button variant="ghost" onClick={onClose} aria-label={contactsMessages.close}>
          ×
        </Button>
      </header>
      <div className="contacts-detail__actions">
        {onWriteMail ? (
          <Button variant="primary" onClick={onWriteMail}>
            {contactsMessages.writeMail}
          </Button>
        ) : null}
        {onInvite ? <Button onClick={onInvite}>{contactsMessages.invite}</Button> : null}
        {onMeetNow ? (
          <Button onClick={onMeetNow} disabled={meetNowPending} aria-busy={meetNowPending || undefined}>
            {meetNowPending ? contactsMessages.meetNowCreating : contactsMessages.meetNow}
          </Button>
        ) : null}
        <AddToGroupMenu
          groups={groups}
          memberUid={card.uid}
          onAdd={(groupId) => onMembershipChange(groupId, true)}
        />
        {onEdit ? <Button onClick={onEdit}>{contactsMessages.edit}</Button> : null}
        {onDelete ? <Button onClick={onDelete}>{contactsMessages.delete}</Button> : null}
      </div>
      <dl className="contacts-detail__fields">
        {draft.emails.map((email) => (
          <div key={email.key}>
            <dt>
              {contactsMessages.emails} · {context(email.context)}
            </dt>
            <dd>
              <a href={`mailto:${email.address}`}>{email.address}</a>
            </dd>
          </div>
        ))}
        {draft.phones.map((phone) => (
          <div key={phone.key}>
            <dt>
              {contactsMessages.phones} · {context(phone.context)}
            </dt>
            <dd>
              <a href={`tel:${phone.number.replace(/\s+/g, '')}`}>{phone.number}</a>
            </dd>
          </div>
        ))}
        {Object.entries(card.addresses ?? {}).map(([key, address]) => (
          <div key={key}>
            <dt>
              {contactsMessages.addresses} ·{' '}
              {context(draft.addresses.find((a) => a.key === key)?.context ?? '')}
            </dt>
            <dd className="contacts-detail__address">
              {address.full ??
                (address.components ?? [])
                  .filter((c) => c.kind !== 'separator')
                  .map((c) => c.value)
                  .join(', ')}
            </dd>
          </div>
        ))}
        {birthday ? (
          <div>
            <dt>{contactsMessages.birthday}</dt>
            <dd>{birthday}</dd>
          </div>
        ) : null}
        {draft.note ? (
          <div>
            <dt>{contactsMessages.note}</dt>
            <dd className="contacts-detail__note">{draft.note}</dd>
          </div>
        ) : null}
      </dl>
      {groups.length > 0 ? (
        <fieldset className="contacts-detail__groups">
          <legend>{contactsMessages.memberOf}</legend>
          {groups.map((group) => (
            <label key={group.id}>
              <input
                type="checkbox"
                checked={group.members?.[card.uid] === true}
                onChange={(event) => onMembershipChange(group.id, event.target.checked)}
              />
              <bdi>{cardDisplayName(group) || contactsMessages.noName}</bdi>
            </label>
          ))}
        </fieldset>
      ) : null}
    </article>
  );
}
