import { useState } from 'react';
import { usePreferenceChanged, useNotificationsEnabled } from '../../../lib/device-preferences';
import { notificationState, requestNotificationPermission } from '../../../lib/desktop-notifications';
import type { NotificationState } from '../../../lib/desktop-notifications';
import { settingsMessages } from '../messages';
import { SettingsSection } from './settings-section';

const t = settingsMessages.notifications;

/** The line under the switch: what the browser allows, when it matters. */
function permissionText(state: NotificationState | 'asking', enabled: boolean): string {
  switch (state) {
    case 'denied':
      return t.blocked;
    case 'unsupported':
      return t.unsupported;
    case 'asking':
      return t.asking;
    case 'granted':
      return enabled ? t.granted : '';
    case 'default':
      return '';
    default: {
      const unknown: never = state;
      return String(unknown);
    }
  }
}

/**
 * Desktop notifications of new Inbox mail, per device. Turning them on asks the browser's
 * permission; a refusal leaves them off and says that the browser blocks them.
 */
export function NotificationsSection() {
  const enabled = useNotificationsEnabled();
  const preferenceChanged = usePreferenceChanged();
  const [state, setState] = useState<NotificationState | 'asking'>(notificationState);

  const toggle = async (on: boolean) => {
    if (!on) return preferenceChanged({ notifications: false });
    setState('asking');
    const answer = await requestNotificationPermission();
    setState(answer);
    preferenceChanged({ notifications: answer === 'granted' });
  };

  const text = permissionText(state, enabled);
  return (
    <SettingsSection heading={t.heading} intro={t.intro}>
      <label className="settings-check">
        <input
          type="checkbox"
          // Checked while the browser asks: the click's intent shows at once.
          checked={(enabled && state === 'granted') || state === 'asking'}
          disabled={state === 'unsupported' || state === 'asking'}
          onChange={(event) => void toggle(event.target.checked)}
          aria-describedby="settings-notifications-state"
        />
        {t.desktop}
      </label>
      <p
        id="settings-notifications-state"
        className={state === 'denied' ? 'settings-error' : 'settings-hint'}
        role="status"
      >
        {text}
      </p>
    </SettingsSection>
  );
}
