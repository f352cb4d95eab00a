import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { Identity, VacationResponse } from '@colibri/jmap-types';
import { JmapClientProvider } from '../../../lib/jmap';
import { fakeJmapClient } from '../../../testing/fake-jmap';
import type { MethodHandler } from '../../../testing/fake-jmap';
import { SettingsPage } from './settings-page';

const vacation: VacationResponse = {
  id: 'singleton',
  isEnabled: false,
  fromDate: null,
  toDate: null,
  subject: null,
  textBody: null,
  htmlBody: null,
};
const alice: Identity = {
  id: 'I1',
  name: 'Alice',
  email: 'alice@colibri.test',
  replyTo: null,
  bcc: null,
  textSignature: 'Alice\nColibri',
  htmlSignature: '',
  mayDelete: false,
};

/** The server's answers, as RFC 8621 §6 and §8 say; `refuse` makes the next /set refuse its item. */
function server(refuse: Record<string, unknown> | null = null): MethodHandler {
  return (name, args) => {
    switch (name) {
      case 'VacationResponse/get':
        return { accountId: 'A1', state: 'v1', list: [vacation], notFound: [] };
      case 'VacationResponse/set':
        return refuse
          ? { accountId: 'A1', notUpdated: { singleton: refuse } }
          : { accountId: 'A1', updated: { singleton: null } };
      case 'Identity/get':
        return { accountId: 'A1', state: 'i1', list: [alice], notFound: [] };
      case 'Identity/set':
        if (refuse) return { accountId: 'A1', notCreated: { new: refuse }, notUpdated: null };
        return {
          accountId: 'A1',
          created: args.create ? { new: { id: 'I2', mayDelete: true } } : null,
          updated: {},
        };
      default:
        throw new Error(`unexpected ${name}`);
    }
  };
}

function renderPage(handler: MethodHandler) {
  const { client, calls } = fakeJmapClient(handler);
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  render(
    <QueryClientProvider client={queryClient}>
      <JmapClientProvider client={client}>
        <SettingsPage />
      </JmapClientProvider>
    </QueryClientProvider>,
  );
  return { calls, queryClient, user: userEvent.setup() };
}

const section = async (name: string) => within(await screen.findByRole('region', { name }));

beforeEach(() => localStorage.clear());
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  document.documentElement.removeAttribute('data-theme');
  document.documentElement.removeAttribute('data-density');
});

describe('vacation responder', () => {
  it('saves the period in UTC and the message with VacationResponse/set (RFC 8621 §8.2)', async () => {
    const { calls, user } = renderPage(server());
    const vacationSection = await section('Vacation responder');
    await user.click(await vacationSection.findByRole('checkbox', { name: 'Send an automatic reply' }));
    await user.type(vacationSection.getByLabelText('From (optional)'), '2030-07-01T09:00');
    await user.type(vacationSection.getByLabelText('Subject'), 'Away');
    await user.type(vacationSection.getByLabelText('Message'), 'Back on Monday.');
    await user.click(vacationSection.getByRole('button', { name: 'Save' }));
    await vacationSection.findByText('Saved.');
    const set = calls.find(([name]) => name === 'VacationResponse/set');
    expect(set?.[1]).toMatchObject({
      update: {
        singleton: {
          isEnabled: true,
          fromDate: new Date('2030-07-01T09:00').toISOString().replace('.000Z', 'Z'),
          toDate: null,
          subject: 'Away',
          textBody: 'Back on Monday.',
          htmlBody: null,
        },
      },
    });
  });

  it('refuses an end before the start without asking the server', async () => {
    const { calls, user } = renderPage(server());
    const vacationSection = await section('Vacation responder');
    await user.type(await vacationSection.findByLabelText('From (optional)'), '2030-07-10T09:00');
    await user.type(vacationSection.getByLabelText('Until (optional)'), '2030-07-01T09:00');
    await user.click(vacationSection.getByRole('button', { name: 'Save' }));
    expect(vacationSection.getByText('The end must come after the start.')).toBeTruthy();
    expect(calls.some(([name]) => name === 'VacationResponse/set')).toBe(false);
  });

  it('shows the server’s refusal', async () => {
    const { user } = renderPage(
      server({ type: 'invalidProperties', properties: ['subject'], description: 'too long' }),
    );
    const vacationSection = await section('Vacation responder');
    await user.click(await vacationSection.findByRole('button', { name: 'Save' }));
    expect((await vacationSection.findByRole('alert')).textContent).toBe(
      'The server refused the change: Invalid subject (too long).',
    );
  });
});

describe('identities', () => {
  it('lists them with their signature; the default one cannot be deleted', async () => {
    renderPage(server());
    const list = await screen.findByRole('list', { name: 'Identities' });
    expect(within(list).getByText('alice@colibri.test')).toBeTruthy();
    expect(within(list).getByText('Default')).toBeTruthy();
    expect(within(list).queryByRole('button', { name: 'Delete Alice' })).toBeNull();
  });

  it('shows forbiddenFrom when the address is not the user’s (RFC 8621 §6.3)', async () => {
    const { user, calls } = renderPage(server({ type: 'forbiddenFrom' }));
    const identities = await section('Identities and signatures');
    await user.click(await identities.findByRole('button', { name: 'Add an identity' }));
    await user.type(identities.getByLabelText('Name'), 'Boss');
    await user.type(identities.getByLabelText(/^Email address/), 'ceo@elsewhere.example');
    await user.type(identities.getByLabelText('Signature (plain text)'), 'The boss');
    await user.click(identities.getByRole('button', { name: 'Save' }));
    expect((await identities.findByRole('alert')).textContent).toBe(
      'The server refused the change: You may not send from this address: it is not one of your account’s.',
    );
    expect(calls.find(([name]) => name === 'Identity/set')?.[1]).toMatchObject({
      create: {
        new: { name: 'Boss', email: 'ceo@elsewhere.example', textSignature: 'The boss', replyTo: null },
      },
    });
  });

  it('sends an edit without the (immutable) address and refreshes the composer’s identities', async () => {
    const { user, calls, queryClient } = renderPage(server());
    const composerKey = ['compose', 'A1', 'Identity', 'list'];
    queryClient.setQueryData(composerKey, [alice]);
    const identities = await section('Identities and signatures');
    await user.click(await identities.findByRole('button', { name: 'Edit Alice' }));
    const signature = identities.getByLabelText('Signature (plain text)');
    await user.clear(signature);
    await user.type(signature, 'A.');
    await user.type(identities.getByLabelText('Reply-to (optional)'), 'not an address');
    await user.click(identities.getByRole('button', { name: 'Save' }));
    expect(identities.getByText('“not an address” is not an email address.')).toBeTruthy();
    await user.clear(identities.getByLabelText('Reply-to (optional)'));
    await user.type(identities.getByLabelText('Reply-to (optional)'), 'team@colibri.test');
    await user.click(identities.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(queryClient.getQueryState(composerKey)?.isInvalidated).toBe(true));
    const update = calls.find(([name]) => name === 'Identity/set')?.[1] as { update: Record<string, object> };
    expect(update.update.I1).toEqual({
      name: 'Alice',
      replyTo: [{ name: null, email: 'team@colibri.test' }],
      textSignature: 'A.',
      htmlSignature: '',
    });
  });
});

describe('appearance (this device)', () => {
  it('applies the theme on <html> and keeps it; "system" leaves it to prefers-color-scheme', async () => {
    const { user } = renderPage(server());
    await user.click(screen.getByRole('radio', { name: 'Dark' }));
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(JSON.parse(localStorage.getItem('colibri.preferences') ?? '{}')).toMatchObject({ theme: 'dark' });
    await user.click(screen.getByRole('radio', { name: 'Same as the system' }));
    expect(document.documentElement.hasAttribute('data-theme')).toBe(false);
    await user.click(screen.getByRole('radio', { name: 'Compact' }));
    expect(document.documentElement.dataset.density).toBe('compact');
  });
});

describe('desktop notifications (this device)', () => {
  function stubNotification(answer: NotificationPermission) {
    const requestPermission = vi.fn(async () => answer);
    vi.stubGlobal('Notification', Object.assign(vi.fn(), { permission: 'default', requestPermission }));
    return requestPermission;
  }

  it('asks the browser when turned on, and says so when the browser blocks them', async () => {
    const requestPermission = stubNotification('denied');
    const { user } = renderPage(server());
    const box = screen.getByRole('checkbox', { name: /Desktop notifications/ });
    await user.click(box);
    expect(requestPermission).toHaveBeenCalledOnce();
    expect(await screen.findByText(/Blocked by the browser/)).toBeTruthy();
    expect((box as HTMLInputElement).checked).toBe(false);
  });

  it('stays on once the browser allows them', async () => {
    stubNotification('granted');
    const { user } = renderPage(server());
    const box = screen.getByRole('checkbox', { name: /Desktop notifications/ });
    await user.click(box);
    await waitFor(() => expect((box as HTMLInputElement).checked).toBe(true));
    expect(screen.getByText('Allowed by the browser.')).toBeTruthy();
  });
});
