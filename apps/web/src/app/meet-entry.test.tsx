import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { RouterProvider, createMemoryRouter } from 'react-router';
import { meetMessages } from '../features/meet/messages';
import { AppProvider } from './provider';
import { routes } from './router';

/** The BFF's /auth/me (a mock server): 401 for a guest, the user and CSRF token otherwise. */
function stubSession(user: object | null) {
  const fetch = vi.fn((input: RequestInfo | URL) =>
    Promise.resolve(
      String(input) === '/auth/me'
        ? new Response(JSON.stringify(user ?? { error: 'unauthorized' }), { status: user ? 200 : 401 })
        : new Response(null, { status: 404 }),
    ),
  );
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

function openAt(url: string) {
  const router = createMemoryRouter(routes, { initialEntries: [url] });
  render(
    <AppProvider>
      <RouterProvider router={router} />
    </AppProvider>,
  );
  return router;
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('/meet/:roomId (mock server)', () => {
  it('opens the pre-join screen for a guest, without the login page or the mail shell', async () => {
    stubSession(null);
    const router = openAt('/meet/r-42');
    expect(await screen.findByRole('heading', { level: 1, name: meetMessages.prejoin.heading })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: new RegExp(meetMessages.prejoin.name) })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/meet/r-42');
    expect(screen.queryByRole('navigation')).toBeNull();
  });

  it('asks no name of a signed-in user', async () => {
    stubSession({ username: 'alice@colibri.test', accountId: 'A1', csrfToken: 'tok' });
    openAt('/meet/r-42');
    expect(await screen.findByRole('heading', { level: 1, name: meetMessages.prejoin.heading })).toBeTruthy();
    expect(screen.queryByRole('textbox', { name: new RegExp(meetMessages.prejoin.name) })).toBeNull();
  });
});
