import { useState } from 'react';
import type { ReactNode } from 'react';
import type { ContactCard } from '@colibri/jmap-types';
import { Button, TextField } from '@colibri/ui';
import { cardToDraft, draftProblems, emptyDraft, hasProblems } from '../lib/card-draft';
import type { CardDraft, Context, DraftAddress, DraftEmail, DraftPhone } from '../lib/card-draft';
import { contactsMessages } from '../messages';
import { PhotoField } from './photo-field';

export interface CardEditorProps {
  /** The card edited, or null for a new one. */
  card: ContactCard | null;
  saving: boolean;
  onSave: (draft: CardDraft) => void;
  onCancel: () => void;
}

const CONTEXTS: Context[] = ['', 'work', 'private'];

function ContextSelect({
  value,
  onChange,
  label,
}: {
  value: Context;
  onChange: (c: Context) => void;
  label: string;
}) {
  return (
    <label className="contacts-editor__context">
      <span className="visually-hidden">{label}</span>
      <select value={value} onChange={(event) => onChange(event.target.value as Context)}>
        {CONTEXTS.map((context) => (
          <option key={context} value={context}>
            {contactsMessages.contexts[context]}
          </option>
        ))}
      </select>
    </label>
  );
}

function Section({
  title,
  children,
  onAdd,
  addLabel,
}: {
  title: string;
  children: ReactNode;
  onAdd: () => void;
  addLabel: string;
}) {
  return (
    <fieldset className="contacts-editor__section">
      <legend>{title}</legend>
      {children}
      <Button variant="ghost" onClick={onAdd}>
        {addLabel}
      </Button>
    </fieldset>
  );
}

/**
 * The edit form of a card (issue 7): names, emails, phones, addresses, organisation and title,
 * birthday, notes, photo. Saving writes only what changed (lib/card-draft), so nothing else is lost.
 */
export function CardEditor({ card, saving, onSave, onCancel }: CardEditorProps) {
  const [draft, setDraft] = useState<CardDraft>(() => (card ? cardToDraft(card) : emptyDraft()));
  const [tried, setTried] = useState(false);
  const problems = tried ? draftProblems(draft) : {};
  const set = <K extends keyof CardDraft>(key: K, value: CardDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const change = <T,>(list: T[], index: number, patch: Partial<T>) =>
    list.map((entry, i) => (i === index ? { ...entry, ...patch } : entry));
  const title = card ? contactsMessages.editorEdit : contactsMessages.editorNew;

  return (
    <form
      className="contacts-editor"
      aria-label={title}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setTried(true);
        if (!hasProblems(draftProblems(draft))) onSave(draft);
      }}
    >
      <h2>{title}</h2>
      {problems.name ? (
        <p role="alert" className="contacts-editor__error">
          {contactsMessages.needsName}
        </p>
      ) : null}
      <PhotoField value={draft.photo} onChange={(uri) => set('photo', uri)} />
      <div className="contacts-editor__row">
        <TextField
          label={contactsMessages.given}
          value={draft.given}
          autoFocus
          onChange={(event) => set('given', event.target.value)}
        />
        <TextField
          label={contactsMessages.surname}
          value={draft.surname}
          onChange={(event) => set('surname', event.target.value)}
        />
      </div>
      <Section
        title={contactsMessages.emails}
        addLabel={contactsMessages.addEmail}
        onAdd={() => set('emails', [...draft.emails, { address: '', context: '' } satisfies DraftEmail])}
      >
        {draft.emails.map((email, index) => (
          <div key={index} className="contacts-editor__entry">
            <TextField
              label={`${contactsMessages.emails} ${index + 1}`}
              type="email"
              value={email.address}
              error={problems.emails?.includes(index) ? contactsMessages.badEmail : undefined}
              onChange={(event) =>
                set('emails', change(draft.emails, index, { address: event.target.value }))
              }
            />
            <ContextSelect
              label={contactsMessages.contextLabel}
              value={email.context}
              onChange={(context) => set('emails', change(draft.emails, index, { context }))}
            />
            <Button
              variant="ghost"
              onClick={() =>
                set(
                  'emails',
                  draft.emails.filter((_, i) => i !== index),
                )
              }
            >
              {contactsMessages.remove}
            </Button>
          </div>
        ))}
      </Section>
      <Section
        title={contactsMessages.phones}
        addLabel={contactsMessages.addPhone}
        onAdd={() => set('phones', [...draft.phones, { number: '', context: '' } satisfies DraftPhone])}
      >
        {draft.phones.map((phone, index) => (
          <div key={index} className="contacts-editor__entry">
            <TextField
              label={`${contactsMessages.phones} ${index + 1}`}
              type="tel"
              value={phone.number}
              onChange={(event) => set('phones', change(draft.phones, index, { number: event.target.value }))}
            />
            <ContextSelect
              label={contactsMessages.contextLabel}
              value={phone.context}
              onChange={(context) => set('phones', change(draft.phones, index, { context }))}
            />
            <Button
              variant="ghost"
              onClick={() =>
                set(
                  'phones',
                  draft.phones.filter((_, i) => i !== index),
                )
              }
            >
              {contactsMessages.remove}
            </Button>
          </div>
        ))}
      </Section>
      <Section
        title={contactsMessages.addresses}
        addLabel={contactsMessages.addAddress}
        onAdd={() =>
          set('addresses', [
            ...draft.addresses,
            {
              street: '',
              locality: '',
              region: '',
              postcode: '',
              country: '',
              context: '',
            } satisfies DraftAddress,
          ])
        }
      >
        {draft.addresses.map((address, index) => (
          <div key={index} className="contacts-editor__address">
            {(['street', 'postcode', 'locality', 'region', 'country'] as const).map((field) => (
              <TextField
                key={field}
                label={contactsMessages[field]}
                value={address[field]}
                onChange={(event) =>
                  set('addresses', change(draft.addresses, index, { [field]: event.target.value }))
                }
              />
            ))}
            <ContextSelect
              label={contactsMessages.contextLabel}
              value={address.context}
              onChange={(context) => set('addresses', change(draft.addresses, index, { context }))}
            />
            <Button
              variant="ghost"
              onClick={() =>
                set(
                  'addresses',
                  draft.addresses.filter((_, i) => i !== index),
                )
              }
            >
              {contactsMessages.remove}
            </Button>
          </div>
        ))}
      </Section>
      <div className="contacts-editor__row">
        <TextField
          label={contactsMessages.organization}
          value={draft.organization}
          onChange={(event) => set('organization', event.target.value)}
        />
        <TextField
          label={contactsMessages.title}
          value={draft.title}
          onChange={(event) => set('title', event.target.value)}
        />
      </div>
      <TextField
        label={contactsMessages.birthday}
        type="date"
        value={draft.birthday}
        error={problems.birthday ? contactsMessages.badBirthday : undefined}
        onChange={(event) => set('birthday', event.target.value)}
      />
      <label className="contacts-editor__note">
        <span>{contactsMessages.note}</span>
        <textarea rows={4} value={draft.note} onChange={(event) => set('note', event.target.value)} />
      </label>
      <div className="contacts-editor__buttons">
        <Button type="submit" variant="primary" disabled={saving} aria-busy={saving || undefined}>
          {saving ? contactsMessages.saving : contactsMessages.save}
        </Button>
        <Button onClick={onCancel}>{contactsMessages.cancel}</Button>
      </div>
    </form>
  );
}
