import { Navigate, createBrowserRouter } from 'react-router';
import type { RouteObject } from 'react-router';
import { LoginPage } from '../features/auth/components/login-page';
import { MailPage } from '../features/mail/components/mail-page';
import { AppShell } from './app-shell';
import { MeetEntry } from './meet-entry';
import { RequireAuth } from './require-auth';
import { RouteError } from './route-error';
import { SearchRoute } from './search-route';

export const routes: RouteObject[] = [
  { path: '/login', element: <LoginPage />, errorElement: <RouteError /> },
  // Guests too: outside the login guard and the shell; loaded on demand (livekit-client is large).
  { path: '/meet/:roomId', element: <MeetEntry />, errorElement: <RouteError /> },
  {
    element: <RequireAuth />,
    errorElement: <RouteError />,
    children: [
      {
        element: <AppShell />,
        children: [
          { path: '/mail/:mailboxId?/:emailId?', element: <MailPage /> },
          // A mail account shared with the user (RFC 9670): the same screen on that account.
          { path: '/mail/shared/:accountId/:mailboxId?/:emailId?', element: <MailPage /> },
          { path: '/search/:emailId?', element: <SearchRoute /> },
          // Loaded when first opened (FullCalendar is large): not part of the first screen.
          {
            path: '/calendar',
            lazy: () => import('./calendar-route').then((m) => ({ Component: m.CalendarRoute })),
          },
          // Loaded when first opened (packages/vcard comes with it): not part of the first screen.
          {
            path: '/contacts',
            lazy: () => import('./contacts-route').then((m) => ({ Component: m.ContactsRoute })),
          },
          // Loaded when first opened: settings are not part of the first screen.
          {
            path: '/settings',
            lazy: () => import('./settings-route').then((m) => ({ Component: m.SettingsRoute })),
          },
        ],
      },
    ],
  },
  { path: '*', element: <Navigate to="/mail" replace /> },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
