import { Button } from '@colibri/ui';
import type { Id, Identity } from '@colibri/jmap-types';
import { settingsMessages } from '../messages';

const t = settingsMessages.identities;

export interface IdentityListProps {
  identities: Identity[];
  onEdit: (id: Id) => void;
  onDelete: (identity: Identity) => void;
  /** The identity being deleted, whose button waits. */
  deletingId?: Id | null;
}

/** The account's identities, each with its edit and (unless it is the default) delete button. */
export function IdentityList({ identities, onEdit, onDelete, deletingId = null }: IdentityListProps) {
  if (identities.length === 0) return <p>{t.empty}</p>;
  return (
    <ul className="settings-identities" aria-label={t.listLabel}>
      {identities.map((identity) => {
        const label = identity.name || identity.email;
        return (
          <li key={identity.id} className="settings-identity">
            <div className="settings-identity__text">
              <span className="settings-identity__name" dir="auto">
                {identity.name || t.noName}
              </span>
              <span className="settings-identity__email">{identity.email}</span>
              {!identity.mayDelete && <span className="settings-badge">{t.default}</span>}
              {identity.textSignature && (
                <span className="settings-identity__signature" dir="auto">
                  {identity.textSignature}
                </span>
              )}
            </div>
            <div className="settings-identity__actions">
              <Button variant="ghost" onClick={() => onEdit(identity.id)} aria-label={t.edit(label)}>
                {t.editShort}
              </Button>
              {identity.mayDelete && (
                <Button
                  variant="ghost"
                  onClick={() => onDelete(identity)}
                  disabled={deletingId === identity.id}
                  aria-label={t.remove(label)}
                >
                  {t.removeShort}
                </Button>
              )}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
