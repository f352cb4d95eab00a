import { useSettingsSession } from '../api/get-session';
import { settingsMessages } from '../messages';
import { ApiTokensSection } from './api-tokens-section';
import { AppearanceSection } from './appearance-section';
import { IdentitiesSection } from './identities-section';
import { NotificationsSection } from './notifications-section';
import { VacationSection } from './vacation-section';
import './settings.css';

/** `/settings`: the account's settings on the server, then this device's preferences. */
export function SettingsPage() {
  const { accountId, error } = useSettingsSession();
  return (
    <main className="settings-page" aria-labelledby="settings-title">
      <h1 id="settings-title">{settingsMessages.title}</h1>
      {accountId ? (
        <>
          <VacationSection accountId={accountId} />
          <IdentitiesSection accountId={accountId} />
          <ApiTokensSection />
        </>
      ) : (
        <p role={error ? 'alert' : 'status'}>
          {error ? settingsMessages.loadError : settingsMessages.loading}
        </p>
      )}
      <AppearanceSection />
      <NotificationsSection />
    </main>
  );
}
