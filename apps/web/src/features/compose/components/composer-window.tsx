import { useId, useState } from 'react';
import type { DragEvent, KeyboardEvent } from 'react';
import { Button } from '@colibri/ui';
import type { ComposeAccount } from '../api/get-compose-account';
import { contactsAccountOf, useAddressSuggestions } from '../api/contact-suggestions';
import { useRecentAddresses } from '../api/recent-addresses';
import { useAttachments } from '../hooks/use-attachments';
import { useSendComposer } from '../hooks/use-send';
import { signatureBlock, swapSignature } from '../lib/signature';
import { composeMessages } from '../messages';
import { useComposerActions } from '../stores/composer-store';
import type { Composer } from '../stores/composer-store';
import { AttachmentChips } from './attachment-chips';
import { AddressSuggestions, RecipientField } from './recipient-field';
import { RichEditor } from './rich-editor';
import { ComposerFooter } from './composer-footer';

export interface ComposerWindowProps {
  composer: Composer;
  account: ComposeAccount;
}

const hasFiles = (event: DragEvent) => event.dataTransfer.types.includes('Files');

/** One open composer: recipients, subject, body, files, and the ways to send it. */
export function ComposerWindow({ composer, account }: ComposerWindowProps) {
  const titleId = useId();
  const label = composeMessages.composerLabel(composer.content.subject);

  const actions = useComposerActions();
  const header = (
    <header className="composer__header">
      <h2 id={titleId} className="composer__title">
        {label}
      </h2>
      <button
        type="button"
        className="composer__icon-button"
        aria-label={composeMessages.minimise}
        title={composeMessages.minimise}
        onClick={() => actions.composerMinimised(composer.id, true)}
      >
        ▁
      </button>
    </header>
  );
  if (composer.status !== 'ready') {
    return (
      <section
        className="composer"
        role="dialog"
        aria-labelledby={titleId}
        aria-busy={composer.status === 'loading'}
      >
        {header}
        <p className={composer.status === 'error' ? 'composer__error' : 'composer__status'} role="status">
          {composer.status === 'error' ? composer.error : composeMessages.loading}
        </p>
        {composer.status === 'error' && (
          <Button onClick={() => actions.composerClosed(composer.id)}>{composeMessages.closeList}</Button>
        )}
      </section>
    );
  }
  return (
    <section className="composer" role="dialog" aria-labelledby={titleId}>
      {header}
      <ComposerForm composer={composer} account={account} />
    </section>
  );
}

function ComposerForm({ composer, account }: ComposerWindowProps) {
  const { content, id } = composer;
  const actions = useComposerActions();
  const { addFile, removeFile } = useAttachments(id, account);
  const send = useSendComposer(account);
  const recent = useRecentAddresses(account.accountId, account.mailboxes.sent);
  const [showCcBcc, setShowCcBcc] = useState(content.cc.length + content.bcc.length > 0);
  const [dragging, setDragging] = useState(false);
  const suggestionsId = useId();
  // What is being typed in any recipient field: the shared datalist follows it.
  const [typed, setTyped] = useState('');
  const suggestions = useAddressSuggestions(contactsAccountOf(account.session), recent.data ?? [], typed);
  const subjectId = useId();
  const fromId = useId();

  const edit = (patch: Partial<typeof content>, replaceBody = false) =>
    actions.contentEdited(id, patch, { replaceBody });

  const chooseIdentity = (identityId: string) => {
    const before = account.identities.find((i) => i.id === content.identityId);
    const after = account.identities.find((i) => i.id === identityId);
    const format = content.format;
    const swap = (body: string) =>
      swapSignature(body, signatureBlock(before, format), signatureBlock(after, format), format);
    edit(
      format === 'rich' ? { identityId, html: swap(content.html) } : { identityId, text: swap(content.text) },
      true,
    );
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      // Leaving the field first turns an address still being typed into a recipient.
      if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
      void send(id);
    } else if (event.key === 'Escape') {
      actions.composerMinimised(id, true);
    }
  };

  const onDrop = (event: DragEvent) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    setDragging(false);
    for (const file of event.dataTransfer.files) addFile(file);
  };

  return (
    <div
      className={`composer__body${dragging ? ' composer__body--dragging' : ''}`}
      onKeyDown={onKeyDown}
      onDragOver={(event) => {
        if (!hasFiles(event)) return;
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
      }}
      onDrop={onDrop}
    >
      {account.identities.length > 0 && (
        <div className="composer__field">
          <label htmlFor={fromId} className="composer__label">
            {composeMessages.from}
          </label>
          <select
            id={fromId}
            value={content.identityId ?? ''}
            onChange={(event) => chooseIdentity(event.target.value)}
          >
            {account.identities.map((identity) => (
              <option key={identity.id} value={identity.id}>
                {identity.name ? `${identity.name} <${identity.email}>` : identity.email}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="composer__to-row">
        <RecipientField
          label={composeMessages.to}
          addresses={content.to}
          onChange={(to) => edit({ to })}
          suggestionsId={suggestionsId}
          onTextChange={setTyped}
          // A new message starts with its recipients; an answer (already addressed) with its text.
          autoFocus={composer.revision === 0 && content.to.length === 0}
        />
        {!showCcBcc && (
          <button type="button" className="composer__link-button" onClick={() => setShowCcBcc(true)}>
            {composeMessages.showCcBcc}
          </button>
        )}
      </div>
      {showCcBcc && (
        <>
          <RecipientField
            label={composeMessages.cc}
            addresses={content.cc}
            onChange={(cc) => edit({ cc })}
            suggestionsId={suggestionsId}
            onTextChange={setTyped}
          />
          <RecipientField
            label={composeMessages.bcc}
            addresses={content.bcc}
            onChange={(bcc) => edit({ bcc })}
            suggestionsId={suggestionsId}
            onTextChange={setTyped}
          />
        </>
      )}
      <AddressSuggestions id={suggestionsId} addresses={suggestions} />
      <div className="composer__field">
        <label htmlFor={subjectId} className="composer__label">
          {composeMessages.subject}
        </label>
        <input
          id={subjectId}
          type="text"
          value={content.subject}
          onChange={(event) => edit({ subject: event.target.value })}
        />
      </div>
      {content.format === 'rich' ? (
        <RichEditor
          key={composer.bodyKey}
          label={composeMessages.body}
          initialHtml={content.html}
          autoFocus={composer.revision === 0 && content.to.length > 0}
          onChange={(html) => edit({ html })}
          onFile={(file, inline) => addFile(file, { inline })}
        />
      ) : (
        <textarea
          key={composer.bodyKey}
          className="composer__plain"
          aria-label={composeMessages.body}
          defaultValue={content.text}
          onChange={(event) => edit({ text: event.target.value })}
        />
      )}
      <AttachmentChips attachments={content.attachments} onRemove={removeFile} />
      {dragging && <p className="composer__drop-hint">{composeMessages.dropFiles}</p>}
      {composer.error && (
        <p role="alert" className="composer__error">
          {composer.error}
        </p>
      )}
      <ComposerFooter
        composer={composer}
        account={account}
        onSend={(later) => void send(id, later)}
        onFile={addFile}
      />
    </div>
  );
}
