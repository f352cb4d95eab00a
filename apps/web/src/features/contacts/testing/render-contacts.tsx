import { configure, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { vi } from 'vitest';
import type { Mock } from 'vitest';
import type { ReactNode } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ComposeLauncherProvider } from '../../../lib/compose-launcher';
import type { OpenComposer } from '../../../lib/compose-launcher';
import { JmapClientProvider } from '../../../lib/jmap';
import { useContactsUiStore } from '../stores/contacts-ui-store';
import { ContactsPage } from '../components/contacts-page';
import { addressBook, group, mockContactsServer, person } from './mock-contacts-server';
import type { MockContactsData } from './mock-contacts-server';

// The first answers wait on jsdom's start on a shared 2-core machine: a ceiling, not a timing.
configure({ asyncUtilTimeout: 5000 });

/**
 * The contacts page on the mock server (three people in two books, one group), with a composer
 * launcher to check; `wrap` adds the providers a test needs around the page (e.g. meeting rooms).
 */
export function renderContactsPage(
  data: Partial<MockContactsData> = {},
  wrap: (page: ReactNode) => ReactNode = (page) => page,
) {
  useContactsUiStore.setState({ scope: { kind: 'all' }, search: '', pane: { kind: 'none' } });
  const server = mockContactsServer({
    books: [addressBook('B1', 'Contacts', { isDefault: true }), addressBook('B2', 'Work')],
    cards: [
      person('C1', 'Ada Lovelace', 'ada@example.org', { titles: { t1: { name: 'Countess' } } }),
      person('C2', 'Grace Hopper', 'grace@example.org'),
      person('C3', 'Alan Turing', 'alan@example.org', { addressBookIds: { B2: true } }),
      group('G1', 'Pioneers', ['urn:uuid:C1', 'urn:uuid:C3']),
    ],
    ...data,
  });
  const openComposer: Mock<OpenComposer> = vi.fn();
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  render(
    <QueryClientProvider client={queryClient}>
      <JmapClientProvider client={server.client}>
        <ComposeLauncherProvider open={openComposer}>{wrap(<ContactsPage />)}</ComposeLauncherProvider>
      </JmapClientProvider>
    </QueryClientProvider>,
  );
  return { ...server, openComposer, user: userEvent.setup() };
}

export const cardList = () => screen.getByRole('list', { name: 'Contacts' });
export const listedNames = () =>
  within(cardList())
    .queryAllByRole('button')
    .map((b) => b.querySelector('.contacts-list__name')?.textContent);
export const lastCall = (calls: { name: string; args: Record<string, unknown> }[], name: string) =>
  calls.filter((c) => c.name === name).at(-1)?.args;
