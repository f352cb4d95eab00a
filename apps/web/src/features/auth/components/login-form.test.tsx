import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { JmapClientProvider, createWebJmapClient } from '../../../lib/jmap';
import { LoginForm } from './login-form';

// The BFF is replaced by a stubbed fetch that answers as the contract says (apps/bff API).
function answer(status: number, body: unknown, headers: Record<string, string> = {}) {
  return vi.fn(
    async () =>
      new Response(JSON.stringify(body), {
        status,
        headers: { 'Content-Type': 'application/json', ...headers },
      }),
  );
}

function renderForm(onLoggedIn = vi.fn()) {
  const queryClient = new QueryClient({ defaultOptions: { mutations: { retry: false } } });
  render(
    <QueryClientProvider client={queryClient}>
      <JmapClientProvider client={createWebJmapClient(() => null)}>
        <LoginForm onLoggedIn={onLoggedIn} />
      </JmapClientProvider>
    </QueryClientProvider>,
  );
  return { onLoggedIn, queryClient };
}

async function submit(password: string) {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText('Email address'), 'alice@colibri.test');
  await user.type(screen.getByLabelText('Password'), password);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('LoginForm', () => {
  it("shows the BFF's message after a wrong password", async () => {
    vi.stubGlobal(
      'fetch',
      answer(401, { error: 'invalidCredentials', message: 'Wrong email address or password.' }),
    );
    renderForm();
    await submit('nope');
    expect(await screen.findByRole('alert')).toHaveProperty(
      'textContent',
      'Wrong email address or password.',
    );
  });

  it('tells how long to wait after too many attempts and keeps the button disabled meanwhile', async () => {
    vi.stubGlobal(
      'fetch',
      answer(
        429,
        { error: 'tooManyAttempts', message: 'Too many failed attempts.', retryAfter: 30 },
        { 'Retry-After': '30' },
      ),
    );
    renderForm();
    await submit('nope');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Too many failed attempts.');
    expect(alert.textContent).toContain('You can try again in 30 seconds.');
    expect(screen.getByRole('button', { name: 'Sign in' })).toHaveProperty('disabled', true);
  });

  it('posts the credentials as JSON and hands the user over on success', async () => {
    const fetch = answer(200, { username: 'alice@colibri.test', accountId: 'A1', csrfToken: 'tok' });
    vi.stubGlobal('fetch', fetch);
    const { onLoggedIn } = renderForm();
    await submit('right');
    await vi.waitFor(() => expect(onLoggedIn).toHaveBeenCalled());
    expect(onLoggedIn.mock.calls[0]?.[0]).toEqual({
      username: 'alice@colibri.test',
      accountId: 'A1',
      csrfToken: 'tok',
    });
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/auth/login');
    expect(init.method).toBe('POST');
    expect(JSON.parse(String(init.body))).toEqual({ username: 'alice@colibri.test', password: 'right' });
  });
});
