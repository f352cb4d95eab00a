import type { Id } from '@colibri/jmap-types';
import { useSaveVacation, useVacation } from '../api/vacation';
import { refusalText } from '../lib/refusal-text';
import { settingsMessages } from '../messages';
import { SectionStatus, SettingsSection } from './settings-section';
import { VacationForm } from './vacation-form';

/** The vacation responder, on the server (RFC 8621 §8): VacationResponse/get and /set. */
export function VacationSection({ accountId }: { accountId: Id }) {
  const vacation = useVacation(accountId);
  const save = useSaveVacation(accountId);
  return (
    <SettingsSection heading={settingsMessages.vacation.heading} intro={settingsMessages.vacation.intro}>
      {vacation.data ? (
        <VacationForm
          // A new server version (another device, push) resets the form to it.
          key={JSON.stringify(vacation.data)}
          vacation={vacation.data}
          onSave={(fields) => save.mutate(fields)}
          saving={save.isPending}
          error={save.isError ? refusalText(save.error) : null}
          saved={save.isSuccess}
        />
      ) : (
        <SectionStatus
          loading={settingsMessages.loading}
          error={vacation.isError ? settingsMessages.loadError : null}
          retryLabel={settingsMessages.retry}
          onRetry={() => void vacation.refetch()}
        />
      )}
    </SettingsSection>
  );
}
