import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { JmapClientProvider } from '../../../lib/jmap';
import { fakeJmapClient } from '../../../testing/fake-jmap';
import { SearchBox } from './search-box';
import { SearchPage } from './search-page';

afterEach(cleanup);

const mailboxes = [
  { id: 'mb-inbox', name: 'Inbox', role: 'inbox', parentId: null },
  { id: 'mb-work', name: 'Work', role: null, parentId: null },
];

function Where() {
  const location = useLocation();
  return <output aria-label="location">{`${location.pathname}${location.search}`}</output>;
}

function renderAt(url: string) {
  const { client, calls } = fakeJmapClient((name) => {
    if (name === 'Mailbox/get') return { accountId: 'A1', state: 's', list: mailboxes, notFound: [] };
    if (name === 'Email/query')
      return {
        accountId: 'A1',
        queryState: 'q',
        canCalculateChanges: false,
        position: 0,
        ids: ['e1'],
        total: 1,
      };
    if (name === 'Email/get')
      return {
        accountId: 'A1',
        state: 's',
        notFound: [],
        list: [
          {
            id: 'e1',
            threadId: 't1',
            mailboxIds: { 'mb-work': true },
            keywords: {},
            from: [{ name: 'Ann', email: 'ann@x.test' }],
            subject: 'Budget <b>review</b>',
            preview: 'numbers',
            receivedAt: '2026-03-01T10:00:00Z',
            hasAttachment: false,
          },
        ],
      };
    if (name === 'SearchSnippet/get')
      return {
        accountId: 'A1',
        notFound: null,
        list: [
          {
            emailId: 'e1',
            subject: '<mark>Budget</mark> &lt;b&gt;review&lt;/b&gt;',
            preview: 'the <mark>budget</mark> numbers',
          },
        ],
      };
    throw new Error(`unexpected ${name}`);
  });
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <JmapClientProvider client={client}>
        <MemoryRouter initialEntries={[url]}>
          <SearchBox />
          <Where />
          <Routes>
            <Route path="/mail/:mailboxId?" element={null} />
            <Route
              path="/search/:emailId?"
              element={<SearchPage renderReader={(id) => <p>reader {id ?? 'none'}</p>} />}
            />
          </Routes>
        </MemoryRouter>
      </JmapClientProvider>
    </QueryClientProvider>,
  );
  return calls;
}

describe('SearchBox', () => {
  it('searches every folder, or only the open one when asked', async () => {
    const user = userEvent.setup();
    renderAt('/mail/mb-work');
    const box = screen.getByRole('searchbox', { name: 'Search mail' });
    await user.selectOptions(
      await screen.findByRole('combobox', { name: 'Where to search' }),
      'Only in Work',
    );
    await user.type(box, 'budget from:ann{Enter}');
    expect(screen.getByLabelText('location').textContent).toBe('/search?q=budget+from%3Aann&in=mb-work');
    // On that search's page, the folder is still the one searched, and can be widened.
    await user.selectOptions(screen.getByRole('combobox', { name: 'Where to search' }), 'All folders');
    await user.type(box, '{Enter}');
    expect(screen.getByLabelText('location').textContent).toBe('/search?q=budget+from%3Aann');
  });
});

describe('SearchPage', () => {
  it('asks Email/query, Email/get and SearchSnippet/get in one request, highlights with <mark> only', async () => {
    const calls = renderAt('/search?q=budget%20in%3Awork');
    const list = await screen.findByRole('list', { name: 'Search results' });
    const result = within(list).getByRole('button');
    expect(result.textContent).toContain('Budget <b>review</b>');
    expect([...result.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['Budget', 'budget']);
    expect(result.querySelector('b')).toBeNull();
    expect(result.textContent).toContain('In Work');
    const [query, get, snippets] = calls.slice(-3);
    expect(query?.[0]).toBe('Email/query');
    expect(query?.[1].filter).toEqual({
      operator: 'AND',
      conditions: [{ inMailbox: 'mb-work' }, { text: 'budget' }],
    });
    expect(get?.[1]['#ids']).toEqual({ resultOf: query?.[2], name: 'Email/query', path: '/ids' });
    expect(snippets?.[0]).toBe('SearchSnippet/get');
    expect(snippets?.[1].filter).toEqual(query?.[1].filter);
    expect(snippets?.[1]['#emailIds']).toEqual({ resultOf: query?.[2], name: 'Email/query', path: '/ids' });
  });

  it('says when in: names no folder, and does not search', async () => {
    const calls = renderAt('/search?q=in%3Anowhere%20budget');
    expect(await screen.findByText('There is no folder named “nowhere”.')).toBeTruthy();
    expect(calls.some(([name]) => name === 'Email/query')).toBe(false);
    expect(screen.queryByRole('list', { name: 'Search results' })).toBeNull();
  });

  it('opens a result beside the list, keeping the search in the URL', async () => {
    const user = userEvent.setup();
    renderAt('/search?q=budget');
    await user.click(within(await screen.findByRole('list', { name: 'Search results' })).getByRole('button'));
    expect(screen.getByLabelText('location').textContent).toBe('/search/e1?q=budget');
    expect(screen.getByText('reader e1')).toBeTruthy();
  });
});
