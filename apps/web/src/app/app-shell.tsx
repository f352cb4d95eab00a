import { NavLink, Outlet } from 'react-router';
import { Avatar } from '@colibri/ui';
import { useMe } from '../features/auth/api/get-me';
import { LogoutButton } from '../features/auth/components/logout-button';
import { useOpenComposer } from '../features/compose';
// The hook alone, not the feature's entry: the contacts screen loads with its route.
import { useAddToContacts } from '../features/contacts/hooks/use-add-to-contacts';
import { SettingsIcon } from '../components/icons';
import { ComposeLauncherProvider } from '../lib/compose-launcher';
import { ContactsLauncherProvider } from '../lib/contacts-launcher';
import { FeatureBridges } from './feature-bridges';
import { shellMessages } from './messages';
import { ShellComposeSlot, ShellSearchSlot } from './shell-slots';
import { ToastRegion } from './toast-region';

/** The frame around every signed-in screen: the banner with the product and the account. */
export function AppShell() {
  const me = useMe();
  const username = me.data?.username ?? '';
  const openComposer = useOpenComposer();
  const addToContacts = useAddToContacts();
  return (
    <ComposeLauncherProvider open={openComposer}>
      <FeatureBridges>
        <ContactsLauncherProvider add={addToContacts}>
          <div className="app-shell">
            <header className="app-shell__banner">
              <a className="app-shell__brand" href="/mail">
                <img src="/favicon.svg" alt="" width={24} height={24} />
                <span>Colibri</span>
              </a>
              <nav className="app-shell__nav" aria-label={shellMessages.navLabel}>
                <NavLink className="app-shell__nav-link" to="/mail">
                  {shellMessages.mail}
                </NavLink>
                <NavLink className="app-shell__nav-link" to="/calendar">
                  {shellMessages.calendar}
                </NavLink>
                <NavLink className="app-shell__nav-link" to="/contacts">
                  {shellMessages.contacts}
                </NavLink>
              </nav>
              <ShellComposeSlot />
              <ShellSearchSlot />
              <div className="app-shell__account">
                <Avatar name="" email={username} size="sm" decorative />
                <span className="app-shell__username" title={username}>
                  {username}
                </span>
                <NavLink className="app-shell__settings" to="/settings">
                  <SettingsIcon />
                  <span>{shellMessages.settings}</span>
                </NavLink>
                <LogoutButton />
              </div>
            </header>
            <div className="app-shell__content">
              <Outlet />
            </div>
            <ToastRegion label={shellMessages.toastsLabel} dismissLabel={shellMessages.dismiss} />
          </div>
        </ContactsLauncherProvider>
      </FeatureBridges>
    </ComposeLauncherProvider>
  );
}
