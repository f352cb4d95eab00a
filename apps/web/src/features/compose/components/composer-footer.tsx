import { useId, useRef } from 'react';
import { Button } from '@colibri/ui';
import { PaperclipIcon } from '../../../components/icons';
import { useJmapClient } from '../../../lib/jmap';
import type { ComposeAccount } from '../api/get-compose-account';
import { destroyDraft } from '../api/save-draft';
import { cancelUploads } from '../hooks/use-attachments';
import type { AddedFile } from '../hooks/use-attachments';
import { saveComposerNow } from '../hooks/use-autosave';
import { htmlToText, textToHtml } from '../lib/html-text';
import { composeMessages } from '../messages';
import { useComposerActions } from '../stores/composer-store';
import type { Composer } from '../stores/composer-store';
import { UNDO_DELAYS, useSendSettingsActions, useUndoDelay } from '../stores/send-settings-store';
import { SendLater } from './send-later';

export interface ComposerFooterProps {
  composer: Composer;
  account: ComposeAccount;
  /** Send now (null) or at a chosen time. */
  onSend: (later: Date | null) => void;
  onFile: (file: File) => AddedFile;
}

/** The composer's actions: send, send later, attach, format, undo delay, close and discard. */
export function ComposerFooter({ composer, account, onSend, onFile }: ComposerFooterProps) {
  const client = useJmapClient();
  const actions = useComposerActions();
  const undoDelay = useUndoDelay();
  const { undoDelayChosen } = useSendSettingsActions();
  const fileInput = useRef<HTMLInputElement>(null);
  const undoId = useId();
  const formatId = useId();
  const { id, content } = composer;

  const chooseFormat = (format: 'rich' | 'plain') => {
    if (format === content.format) return;
    const replace = { replaceBody: true };
    if (format === 'rich')
      return actions.contentEdited(id, { format, html: textToHtml(content.text) }, replace);
    if (window.confirm(composeMessages.toPlainConfirm))
      actions.contentEdited(id, { format, text: htmlToText(content.html) }, replace);
  };

  const close = () => {
    // The latest edits are saved before the composer goes (the draft stays in Drafts).
    void saveComposerNow(client, account, id).finally(() => actions.composerClosed(id));
  };

  const discard = () => {
    if (!window.confirm(composeMessages.discardConfirm)) return;
    cancelUploads(content.attachments);
    actions.composerClosed(id);
    if (composer.draftEmailId)
      void destroyDraft(client, account.accountId, composer.draftEmailId).catch(() => undefined);
  };

  const saved =
    composer.draftEmailId !== null && composer.revision > 0 && composer.savedRevision === composer.revision;
  return (
    <footer className="composer__footer">
      <Button
        variant="primary"
        onClick={() => onSend(null)}
        disabled={composer.sending}
        aria-busy={composer.sending}
      >
        {composer.sending ? composeMessages.sending : composeMessages.send}
      </Button>
      <SendLater
        maxDelayedSendSeconds={account.maxDelayedSend}
        disabled={composer.sending}
        onSchedule={onSend}
      />
      <Button variant="ghost" onClick={() => fileInput.current?.click()}>
        <PaperclipIcon /> {composeMessages.attach}
      </Button>
      <input
        ref={fileInput}
        type="file"
        multiple
        hidden
        aria-label={composeMessages.attach}
        onChange={(event) => {
          for (const file of event.target.files ?? []) onFile(file);
          event.target.value = '';
        }}
      />
      <span className="composer__option">
        <label htmlFor={formatId}>{composeMessages.formatLabel}</label>
        <select
          id={formatId}
          value={content.format}
          onChange={(event) => chooseFormat(event.target.value as 'rich' | 'plain')}
        >
          <option value="rich">{composeMessages.richText}</option>
          <option value="plain">{composeMessages.plainText}</option>
        </select>
      </span>
      <span className="composer__option">
        <label htmlFor={undoId}>{composeMessages.undoDelay}</label>
        <select
          id={undoId}
          value={undoDelay}
          onChange={(event) => undoDelayChosen(Number(event.target.value))}
        >
          {UNDO_DELAYS.map((seconds) => (
            <option key={seconds} value={seconds}>
              {composeMessages.undoDelayOption(seconds)}
            </option>
          ))}
        </select>
      </span>
      <span className="composer__save-status" role="status">
        {composer.saving ? composeMessages.saving : saved ? composeMessages.saved : ''}
      </span>
      <span className="composer__spacer" />
      <Button variant="ghost" onClick={close}>
        {composeMessages.close}
      </Button>
      <Button variant="ghost" onClick={discard}>
        {composeMessages.discard}
      </Button>
    </footer>
  );
}
