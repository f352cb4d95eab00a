import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ReactNode } from 'react';
import { cleanup, renderHook, waitFor } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { LANGUAGE_STORAGE_KEY } from '../../../lib/i18n';
import { fakeJmapClient } from '../../../testing/fake-jmap';

afterEach(() => {
  cleanup();
  localStorage.clear();
  vi.resetModules();
});

const serverMailboxes = [
  { id: 'm1', name: 'Inbox', parentId: null, role: 'inbox', sortOrder: 0, totalEmails: 0, unreadEmails: 0 },
  { id: 'm2', name: 'Trash', parentId: null, role: 'trash', sortOrder: 0, totalEmails: 0, unreadEmails: 0 },
  { id: 'm3', name: 'Projets', parentId: null, role: null, sortOrder: 0, totalEmails: 0, unreadEmails: 0 },
];

/** The language is picked when the catalogues are first imported: a fresh module graph per case. */
async function mailboxNamesIn(language: 'en' | 'fr') {
  localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  vi.resetModules();
  const { useMailboxes } = await import('./get-mailboxes');
  const { JmapClientProvider } = await import('../../../lib/jmap');
  const { client } = fakeJmapClient(() => ({
    accountId: 'A1',
    state: 's1',
    list: serverMailboxes,
    notFound: [],
  }));
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>
      <JmapClientProvider client={client}>{children}</JmapClientProvider>
    </QueryClientProvider>
  );
  const { result } = renderHook(() => useMailboxes('A1'), { wrapper });
  await waitFor(() => expect(result.current.data).toBeDefined());
  return { shown: result.current.data!.map((m) => m.name), queryClient };
}

describe('useMailboxes', () => {
  it('shows the special-use mailboxes under their French names in French, the cache keeps the server names', async () => {
    const { shown, queryClient } = await mailboxNamesIn('fr');
    expect(shown).toEqual(['Boîte de réception', 'Corbeille', 'Projets']);
    const { mailKeys } = await import('./keys');
    const cached = queryClient.getQueryData<{ name: string }[]>(mailKeys.mailboxes('A1'));
    expect(cached?.map((m) => m.name)).toEqual(['Inbox', 'Trash', 'Projets']);
  });

  it('and under the server names in English', async () => {
    expect((await mailboxNamesIn('en')).shown).toEqual(['Inbox', 'Trash', 'Projets']);
  });
});
