import type { ReactNode } from 'react';
import { Button } from '@colibri/ui';
import { settingsMessages } from '../messages';

/** The Save button (busy while saving), the form's other actions, and the server's refusal. */
export function FormFooter({
  saving,
  error,
  children,
}: {
  saving: boolean;
  error: string | null;
  children?: ReactNode;
}) {
  return (
    <>
      <div className="settings-form__actions">
        <Button type="submit" variant="primary" disabled={saving} aria-busy={saving || undefined}>
          {saving ? settingsMessages.saving : settingsMessages.save}
        </Button>
        {children}
      </div>
      {error && (
        <p className="settings-error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
