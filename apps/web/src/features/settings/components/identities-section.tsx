import { useState } from 'react';
import { Button } from '@colibri/ui';
import type { Id, Identity } from '@colibri/jmap-types';
import { useChangeIdentity, useIdentities } from '../api/identities';
import type { IdentityChange, IdentityFields } from '../api/identities';
import { refusalText } from '../lib/refusal-text';
import { settingsMessages } from '../messages';
import { IdentityForm } from './identity-form';
import { IdentityList } from './identity-list';
import { SectionStatus, SettingsSection } from './settings-section';

const t = settingsMessages.identities;

/** What the section shows under the list: nothing, the new-identity form, or one identity's. */
type Editing = { kind: 'none' } | { kind: 'new' } | { kind: 'edit'; id: Id };

/** Identities and signatures, on the server (RFC 8621 §6): Identity/get and /set. */
export function IdentitiesSection({ accountId }: { accountId: Id }) {
  const identities = useIdentities(accountId);
  const change = useChangeIdentity(accountId);
  const [editing, setEditing] = useState<Editing>({ kind: 'none' });
  const [deletingId, setDeletingId] = useState<Id | null>(null);

  const open = (next: Editing) => {
    change.reset();
    setEditing(next);
  };
  const save = (fields: IdentityFields) => {
    const { name, replyTo, textSignature, htmlSignature } = fields;
    // RFC 8621 §6.3: an identity's email cannot change, so an update sends the rest.
    const request: IdentityChange =
      editing.kind === 'edit'
        ? { kind: 'update', id: editing.id, fields: { name, replyTo, textSignature, htmlSignature } }
        : { kind: 'create', fields };
    change.mutate(request, { onSuccess: () => setEditing({ kind: 'none' }) });
  };
  const remove = (identity: Identity) => {
    if (!globalThis.confirm(t.confirmRemove(identity.name || identity.email))) return;
    change.reset();
    setDeletingId(identity.id);
    change.mutate({ kind: 'destroy', id: identity.id }, { onSettled: () => setDeletingId(null) });
  };

  const edited =
    editing.kind === 'edit' ? identities.data?.find((identity) => identity.id === editing.id) : undefined;
  const error = change.isError ? refusalText(change.error) : null;
  return (
    <SettingsSection heading={t.heading} intro={t.intro}>
      {identities.data ? (
        <>
          <IdentityList
            identities={identities.data}
            onEdit={(id) => open({ kind: 'edit', id })}
            onDelete={remove}
            deletingId={deletingId}
          />
          {editing.kind === 'none' ? (
            <>
              <Button onClick={() => open({ kind: 'new' })}>{t.add}</Button>
              {error && (
                <p className="settings-error" role="alert">
                  {error}
                </p>
              )}
            </>
          ) : (
            <IdentityForm
              key={editing.kind === 'edit' ? editing.id : 'new'}
              identity={edited}
              onSave={save}
              onCancel={() => open({ kind: 'none' })}
              saving={change.isPending}
              error={error}
            />
          )}
        </>
      ) : (
        <SectionStatus
          loading={settingsMessages.loading}
          error={identities.isError ? settingsMessages.loadError : null}
          retryLabel={settingsMessages.retry}
          onRetry={() => void identities.refetch()}
        />
      )}
    </SettingsSection>
  );
}
