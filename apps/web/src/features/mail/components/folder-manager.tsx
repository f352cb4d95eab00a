import { useState } from 'react';
import type { FormEvent } from 'react';
import { Button, TextField } from '@colibri/ui';
import type { Id } from '@colibri/jmap-types';
import type { MailboxSummary } from '../api/get-mailboxes';
import { useSetMailbox } from '../api/set-mailbox';
import { mailMessages } from '../messages';
import { sharingMessages } from '../sharing-messages';
import { MailboxOptions } from './mailbox-options';
import { ShareDialog } from './share-dialog';

type Mode = { kind: 'idle' } | { kind: 'create' } | { kind: 'rename' } | { kind: 'share' };

/** Ids of a folder and everything under it: a folder cannot move inside itself. */
function subtree(mailboxes: readonly MailboxSummary[], id: Id): Set<Id> {
  const ids = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const m of mailboxes) {
      if (m.parentId !== null && ids.has(m.parentId) && !ids.has(m.id)) {
        ids.add(m.id);
        grew = true;
      }
    }
  }
  return ids;
}

/**
 * Folder management under the tree (RFC 8621 §2.5): a new folder anywhere, and for the open
 * folder (special-use mailboxes excepted) rename, move under another folder, delete; and
 * sharing the open folder with others of the organisation (RFC 9670 §4).
 */
export function FolderManager({
  accountId,
  mailboxes,
  current,
  onDeleted,
}: {
  accountId: Id;
  mailboxes: readonly MailboxSummary[];
  current: MailboxSummary | undefined;
  onDeleted: () => void;
}) {
  const [mode, setMode] = useState<Mode>({ kind: 'idle' });
  const [name, setName] = useState('');
  const [parentId, setParentId] = useState<Id>('');
  const setMailbox = useSetMailbox(accountId);
  const editable = current && current.role === null ? current : undefined;
  const excluded = editable ? subtree(mailboxes, editable.id) : new Set<Id>();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return;
    if (mode.kind === 'create')
      setMailbox.mutate({ kind: 'create', name: trimmed, parentId: parentId || null });
    if (mode.kind === 'rename' && editable)
      setMailbox.mutate({ kind: 'rename', id: editable.id, name: trimmed });
    setMode({ kind: 'idle' });
  };

  if (mode.kind !== 'idle' && mode.kind !== 'share') {
    return (
      <form className="folder-manager" onSubmit={submit}>
        <TextField
          label={mailMessages.folderName}
          value={name}
          required
          maxLength={255}
          autoFocus
          onChange={(event) => setName(event.target.value)}
        />
        {mode.kind === 'create' && (
          <label className="folder-manager__parent">
            {mailMessages.parentFolder}
            <select value={parentId} onChange={(event) => setParentId(event.target.value)}>
              <option value="">{mailMessages.topLevel}</option>
              <MailboxOptions mailboxes={mailboxes} exclude={new Set()} />
            </select>
          </label>
        )}
        <div className="folder-manager__buttons">
          <Button type="submit" variant="primary">
            {mode.kind === 'create' ? mailMessages.create : mailMessages.save}
          </Button>
          <Button onClick={() => setMode({ kind: 'idle' })}>{mailMessages.cancel}</Button>
        </div>
      </form>
    );
  }

  return (
    <div className="folder-manager">
      <Button
        variant="ghost"
        onClick={() => {
          setName('');
          setParentId('');
          setMode({ kind: 'create' });
        }}
      >
        + {mailMessages.newFolder}
      </Button>
      {current && (
        <Button variant="ghost" aria-haspopup="dialog" onClick={() => setMode({ kind: 'share' })}>
          {sharingMessages.share}
        </Button>
      )}
      {current && mode.kind === 'share' && (
        <ShareDialog accountId={accountId} mailbox={current} onClose={() => setMode({ kind: 'idle' })} />
      )}
      {editable && (
        <div
          className="folder-manager__current"
          role="group"
          aria-label={mailMessages.folderActions(editable.name)}
        >
          <Button
            variant="ghost"
            onClick={() => {
              setName(editable.name);
              setMode({ kind: 'rename' });
            }}
          >
            {mailMessages.rename}
          </Button>
          <select
            aria-label={`${mailMessages.moveTo} (${editable.name})`}
            value=""
            onChange={(event) => {
              const target = event.target.value;
              if (target)
                setMailbox.mutate({
                  kind: 'move',
                  id: editable.id,
                  parentId: target === '-' ? null : target,
                });
            }}
          >
            <option value="">{mailMessages.moveTo}</option>
            <option value="-">{mailMessages.topLevel}</option>
            <MailboxOptions mailboxes={mailboxes} exclude={excluded} />
          </select>
          <Button
            variant="ghost"
            onClick={() => {
              if (!window.confirm(mailMessages.confirmDeleteFolder(editable.name))) return;
              setMailbox.mutate({ kind: 'destroy', id: editable.id }, { onSuccess: onDeleted });
            }}
          >
            {mailMessages.deleteFolder}
          </Button>
        </div>
      )}
    </div>
  );
}
