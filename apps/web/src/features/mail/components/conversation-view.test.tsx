import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ContactsLauncherProvider } from '../../../lib/contacts-launcher';
import type { AddToContacts } from '../../../lib/contacts-launcher';
import { JmapClientProvider } from '../../../lib/jmap';
import { fakeJmapClient, testSession } from '../../../testing/fake-jmap';
import { ConversationView } from './conversation-view';

afterEach(cleanup);

const part = {
  partId: '1',
  blobId: null,
  size: 10,
  name: null,
  type: 'text/plain',
  charset: null,
  disposition: null,
  cid: null,
  language: null,
  location: null,
};
const item = (id: string, from: string, receivedAt: string, seen: boolean) => ({
  id,
  threadId: 't1',
  mailboxIds: { inbox: true },
  keywords: seen ? { $seen: true } : {},
  from: [{ name: from, email: `${from.toLowerCase()}@x.test` }],
  to: [{ name: null, email: 'me@x.test' }],
  cc: null,
  subject: id === 'e1' ? 'Plan' : 'Re: Plan',
  sentAt: null,
  receivedAt,
  preview: `preview of ${id}`,
  hasAttachment: false,
});
const items = [
  item('e1', 'Ann', '2026-03-01T10:00:00Z', true),
  item('e2', 'Bob', '2026-03-02T10:00:00Z', true),
  item('e3', 'Ann', '2026-03-03T10:00:00Z', false),
];
/** A reply that arrives while the conversation is open (`thread.push(late)`). */
const late = item('e4', 'Cyd', '2026-03-04T10:00:00Z', false);
const thread = items.map((e) => e.id);

function renderConversation(emailId: string, onReply = vi.fn(), addToContacts?: AddToContacts) {
  const { client, calls } = fakeJmapClient((name, args) => {
    if (name === 'Mailbox/get')
      return { accountId: 'A1', state: 's', list: [{ id: 'inbox', role: 'inbox' }], notFound: [] };
    if (name === 'Email/set')
      return { accountId: 'A1', oldState: 's', newState: 't', updated: { [emailId]: null } };
    if (name === 'Thread/get')
      return {
        accountId: 'A1',
        state: 's',
        list: [{ id: 't1', emailIds: [...thread] }],
        notFound: [],
      };
    if (name === 'Email/get') {
      const ids = args.ids as string[] | undefined;
      // One message's body: the opened one, or one unfolded later.
      const wanted = ids?.length === 1 ? ids[0] : undefined;
      if (wanted !== undefined && !args['#ids']) {
        const found = [...items, late].find((e) => e.id === wanted);
        const list = found
          ? [
              {
                ...found,
                blobId: 'b',
                sender: null,
                replyTo: null,
                htmlBody: [],
                textBody: [part],
                attachments: [],
                bodyValues: {
                  '1': { value: `Body of ${wanted}`, isEncodingProblem: false, isTruncated: false },
                },
              },
            ]
          : [];
        return { accountId: 'A1', state: 's', list, notFound: found ? [] : [wanted] };
      }
      // Out of order on purpose: the conversation follows the Thread's order.
      const extra = thread.includes(late.id) ? [late] : [];
      return { accountId: 'A1', state: 's', list: [items[2], items[0], items[1], ...extra], notFound: [] };
    }
    throw new Error(`unexpected ${name}`);
  });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={queryClient}>
      <JmapClientProvider client={client}>
        {addToContacts ? (
          <ContactsLauncherProvider add={addToContacts}>
            <ConversationView session={testSession} accountId="A1" emailId={emailId} onReply={onReply} />
          </ContactsLauncherProvider>
        ) : (
          <ConversationView session={testSession} accountId="A1" emailId={emailId} onReply={onReply} />
        )}
      </JmapClientProvider>
    </QueryClientProvider>,
  );
  return Object.assign(calls, { queryClient });
}

describe('ConversationView', () => {
  it('gets the opened email, its thread and the thread emails in one request, by back-reference', async () => {
    const calls = renderConversation('e3');
    await screen.findByRole('region', { name: 'Conversation' });
    const [opened, thread, all] = calls;
    expect(opened?.[0]).toBe('Email/get');
    expect(thread?.[1]['#ids']).toEqual({
      resultOf: opened?.[2],
      name: 'Email/get',
      path: '/list/*/threadId',
    });
    expect(all?.[1]['#ids']).toEqual({ resultOf: thread?.[2], name: 'Thread/get', path: '/list/*/emailIds' });
  });

  it('lists the messages oldest first, the newest open and the older ones folded', async () => {
    renderConversation('e3');
    expect((await screen.findByRole('heading', { level: 2 })).textContent).toBe('Plan');
    const conversation = screen.getByRole('region', { name: 'Conversation' });
    const articles = within(conversation).getAllByRole('article');
    expect(articles.map((a) => a.getAttribute('aria-label')?.split(',')[0])).toEqual([
      'Message from Ann',
      'Message from Bob',
      'Message from Ann',
    ]);
    expect(within(articles[0]!).getByRole('button', { expanded: false }).textContent).toContain(
      'preview of e1',
    );
    expect(await within(articles[2]!).findByText('Body of e3')).toBeTruthy();
  });

  it('marks the unread message it opens as seen, and offers reply, reply all and forward', async () => {
    const onReply = vi.fn();
    const calls = renderConversation('e3', onReply);
    await screen.findByRole('heading', { level: 2 });
    const conversation = screen.getByRole('region', { name: 'Conversation' });
    await within(conversation).findByText('Body of e3');
    await waitFor(() =>
      expect(
        calls.some(
          ([name, args]) =>
            name === 'Email/set' && JSON.stringify(args.update) === '{"e3":{"keywords/$seen":true}}',
        ),
      ).toBe(true),
    );
    const user = userEvent.setup();
    await user.click(within(conversation).getByRole('button', { name: 'Reply all' }));
    expect(onReply).toHaveBeenCalledWith('e3', 'reply-all');
  });

  it('adds the sender of an open message to contacts in one click (issue 7), when contacts are there', async () => {
    const add = vi.fn(() => Promise.resolve());
    renderConversation('e3', vi.fn(), add);
    await screen.findByRole('heading', { level: 2 });
    const conversation = screen.getByRole('region', { name: 'Conversation' });
    await within(conversation).findByText('Body of e3');
    await userEvent
      .setup()
      .click(within(conversation).getByRole('button', { name: 'Add to contacts: ann@x.test' }));
    expect(add).toHaveBeenCalledWith({ name: 'Ann', email: 'ann@x.test' });
  });

  it('offers no "Add to contacts" without the contacts feature (a story, a test)', async () => {
    renderConversation('e3');
    await screen.findByRole('heading', { level: 2 });
    const conversation = screen.getByRole('region', { name: 'Conversation' });
    await within(conversation).findByText('Body of e3');
    expect(within(conversation).queryByRole('button', { name: /to contacts/ })).toBeNull();
  });

  it('shows a message that arrives in the open conversation (push) unfolded, as new and unread', async () => {
    const { queryClient } = renderConversation('e3');
    await screen.findByRole('heading', { level: 2 });
    const conversation = screen.getByRole('region', { name: 'Conversation' });
    expect(within(conversation).getAllByRole('article')).toHaveLength(3);
    thread.push(late.id);
    try {
      // What a push StateChange does to the cache (hooks/use-live-mail).
      await queryClient.invalidateQueries();
      await within(conversation).findByRole('article', { name: /^Message from Cyd/ });
      const articles = within(conversation).getAllByRole('article');
      expect(articles).toHaveLength(4);
      // Folded older messages still say so; the arrival has no folded header to open.
      expect(within(articles[3]!).queryByRole('button', { expanded: false })).toBeNull();
      expect(within(articles[0]!).getByRole('button', { expanded: false })).toBeTruthy();
      expect(await within(articles[3]!).findByText('Body of e4', {}, { timeout: 5_000 })).toBeTruthy();
    } finally {
      thread.pop();
    }
  });

  it('says so when the message no longer exists', async () => {
    renderConversation('gone');
    expect(await screen.findByText('This message does not exist any more.')).toBeTruthy();
  });
});
