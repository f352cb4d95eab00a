import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { Invocation } from '@colibri/jmap-types';
import { JmapClientProvider } from '../../../lib/jmap';
import { fakeJmapClient } from '../../../testing/fake-jmap';
import { useComposerStore } from '../stores/composer-store';
import { useSendToastStore } from '../stores/send-toast-store';
import { ComposeEntry } from './compose-entry';

// The composer in jsdom against answers given in memory: that a reply is addressed, subjected,
// threaded and quoted from the email it answers, and that Send makes the JMAP calls the server
// expects. The real round trip (delivery, undo, send later) is in e2e/tests/compose-journey.

const original = {
  id: 'E1',
  messageId: ['m1@colibri.test'],
  inReplyTo: null,
  references: null,
  from: [{ name: 'Bob', email: 'bob@colibri.test' }],
  to: [{ name: 'Alice', email: 'alice@colibri.test' }],
  cc: [{ name: 'Carol', email: 'carol@colibri.test' }],
  bcc: null,
  replyTo: null,
  subject: 'Lunch',
  sentAt: '2026-11-28T12:00:00Z',
  receivedAt: '2026-11-28T12:00:01Z',
  textBody: [{ partId: '1', type: 'text/plain' }],
  htmlBody: [{ partId: '1', type: 'text/plain' }],
  attachments: [],
  bodyValues: { '1': { value: 'Shall we meet at noon?', isTruncated: false, isEncodingProblem: false } },
};

/** An email in a mailbox shared with the user (account A2), with two files. */
const sharedWithFiles = {
  ...original,
  id: 'E9',
  subject: 'Quarterly report',
  attachments: [
    {
      partId: '2',
      blobId: 'Bshared1',
      size: 1200,
      name: 'report.pdf',
      type: 'application/pdf',
      disposition: 'attachment',
      cid: null,
    },
    {
      partId: '3',
      blobId: 'Bshared2',
      size: 30,
      name: 'notes.txt',
      type: 'text/plain',
      disposition: 'attachment',
      cid: null,
    },
  ],
};

function answer(name: string, args: Record<string, unknown>): Record<string, unknown> {
  const base = { accountId: 'A1', state: 's1', notFound: [] };
  switch (name) {
    case 'Identity/get':
      return {
        ...base,
        list: [
          {
            id: 'I1',
            name: 'Alice',
            email: 'alice@colibri.test',
            replyTo: null,
            bcc: null,
            textSignature: '',
            htmlSignature: '',
            mayDelete: false,
          },
        ],
      };
    case 'Mailbox/get':
      return {
        ...base,
        list: [
          { id: 'drafts', role: 'drafts' },
          { id: 'sent', role: 'sent' },
        ],
      };
    case 'Email/get':
      if (args.accountId === 'A2' && (args.ids as string[] | undefined)?.includes('E9'))
        return { ...base, accountId: 'A2', list: [sharedWithFiles] };
      return { ...base, list: (args.ids as string[] | undefined)?.includes('E1') ? [original] : [] };
    case 'Blob/copy': {
      // The shared account's report.pdf copies; its notes.txt is refused.
      const blobIds = args.blobIds as string[];
      return {
        fromAccountId: args.fromAccountId,
        accountId: args.accountId,
        copied: blobIds.includes('Bshared1') ? { Bshared1: 'Bown1' } : null,
        notCopied: blobIds.includes('Bshared2') ? { Bshared2: { type: 'notFound' } } : null,
      };
    }
    case 'Email/query':
      return { accountId: 'A1', queryState: 'q', canCalculateChanges: false, position: 0, ids: [] };
    case 'Email/set':
      return {
        accountId: 'A1',
        oldState: 's1',
        newState: 's2',
        created: { message: { id: 'E2' } },
        updated: null,
        destroyed: null,
        notCreated: null,
        notUpdated: null,
        notDestroyed: null,
      };
    case 'EmailSubmission/set':
      return {
        accountId: 'A1',
        oldState: 's1',
        newState: 's2',
        created: { send: { id: 'S1', sendAt: '2099-01-01T10:00:10Z', undoStatus: 'pending' } },
        updated: null,
        destroyed: null,
        notCreated: null,
        notUpdated: null,
        notDestroyed: null,
      };
    default:
      throw new Error(`unexpected ${name}`);
  }
}

function renderEntry(): Invocation[] {
  const { client, calls } = fakeJmapClient(answer);
  render(
    <QueryClientProvider client={new QueryClient()}>
      <JmapClientProvider client={client}>
        <ComposeEntry />
      </JmapClientProvider>
    </QueryClientProvider>,
  );
  return calls;
}

describe('ComposeEntry', () => {
  beforeEach(() => {
    localStorage.clear();
    useComposerStore.setState({ composers: [] });
    useSendToastStore.setState({ toasts: [] });
  });
  afterEach(cleanup);

  it('reply-all: addressed to everyone but oneself, "Re:", quoted; Send creates and submits it', async () => {
    const calls = renderEntry();
    act(() => {
      useComposerStore.getState().actions.composerOpened({ mode: 'replyAll', emailId: 'E1' });
    });
    const composer = await screen.findByRole('dialog', { name: 'Re: Lunch' }, { timeout: 5000 });
    expect(within(composer).getByRole('list', { name: 'To recipients' })?.textContent).toContain('Bob');
    expect(within(composer).getByRole('list', { name: 'Cc recipients' })?.textContent).toContain('Carol');
    expect(within(composer).queryByText('Alice', { selector: '.composer__chip span' })).toBeNull();
    const body = within(composer).getByRole('textbox', { name: 'Message body' });
    expect(body?.textContent).toContain('Bob wrote:');
    expect(body.querySelector('blockquote')?.textContent).toContain('Shall we meet at noon?');

    await userEvent.click(within(composer).getByRole('button', { name: 'Send' }));
    await screen.findByText('Sending…', { selector: '.send-toast span' });
    const [emailSet, submissionSet] = calls.filter(
      ([name]) => name === 'Email/set' || name === 'EmailSubmission/set',
    );
    const created = (emailSet?.[1].create as Record<string, Record<string, unknown>>).message!;
    expect(created).toMatchObject({
      mailboxIds: { drafts: true },
      keywords: { $draft: true, $seen: true },
      subject: 'Re: Lunch',
      to: [{ name: 'Bob', email: 'bob@colibri.test' }],
      cc: [{ name: 'Carol', email: 'carol@colibri.test' }],
      inReplyTo: ['m1@colibri.test'],
      references: ['m1@colibri.test'],
    });
    expect(submissionSet?.[1]).toMatchObject({
      create: { send: { identityId: 'I1', emailId: '#message' } },
      onSuccessUpdateEmail: {
        '#send': { 'mailboxIds/drafts': null, 'mailboxIds/sent': true, 'keywords/$draft': null },
      },
    });
    expect((submissionSet?.[1].create as Record<string, { sendAt: string }>).send?.sendAt).toMatch(
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/,
    );
  }, 20_000);

  it('a reply to mail of a shared account reads the original from that account (RFC 9670)', async () => {
    const calls = renderEntry();
    act(() => {
      useComposerStore
        .getState()
        .actions.composerOpened({ mode: 'reply', emailId: 'E1', sourceAccountId: 'A2' });
    });
    await screen.findByRole('dialog', { name: 'Re: Lunch' }, { timeout: 5000 });
    const read = calls.filter(
      ([name, args]) => name === 'Email/get' && Array.isArray(args.ids) && args.ids.includes('E1'),
    );
    expect(read.map(([, args]) => args.accountId)).toEqual(['A2']);
  }, 20_000);

  it('a forward from a shared account takes its files along, copied into the own account (RFC 8620 §6.3)', async () => {
    const calls = renderEntry();
    act(() => {
      useComposerStore
        .getState()
        .actions.composerOpened({ mode: 'forward', emailId: 'E9', sourceAccountId: 'A2' });
    });
    const composer = await screen.findByRole('dialog', { name: 'Fwd: Quarterly report' }, { timeout: 5000 });
    const copy = calls.find(([name]) => name === 'Blob/copy');
    expect(copy?.[1]).toEqual({ fromAccountId: 'A2', accountId: 'A1', blobIds: ['Bshared1', 'Bshared2'] });
    // The file the server would not copy is shown failed; it must be removed before sending.
    expect(composer.textContent).toContain('report.pdf');
    expect(composer.textContent).toContain('notes.txt');
    expect(within(composer).getByText(/could not be copied from the shared folder/)).toBeTruthy();

    await userEvent.click(within(composer).getByRole('button', { name: 'Remove notes.txt' }));
    await userEvent.type(within(composer).getByRole('combobox', { name: 'To' }), 'dave@example.org');
    await userEvent.click(within(composer).getByRole('button', { name: 'Send' }));
    await screen.findByText('Sending…', { selector: '.send-toast span' });
    const emailSet = calls.find(([name]) => name === 'Email/set');
    expect(emailSet?.[1].accountId).toBe('A1');
    const [created] = Object.values(emailSet?.[1].create as Record<string, Record<string, unknown>>);
    expect(created?.attachments).toEqual([
      { blobId: 'Bown1', type: 'application/pdf', name: 'report.pdf', disposition: 'attachment' },
    ]);
  }, 20_000);

  it('Ctrl+Enter sends, taking the address still being typed as a recipient', async () => {
    const calls = renderEntry();
    await userEvent.click(screen.getByRole('button', { name: 'Compose' }));
    const composer = await screen.findByRole('dialog', { name: 'New message' }, { timeout: 5000 });
    const to = within(composer).getByRole('combobox', { name: 'To' });
    await userEvent.type(to, 'dave@example.org');
    await userEvent.keyboard('{Control>}{Enter}{/Control}');
    await screen.findByText('Sending…', { selector: '.send-toast span' });
    const emailSet = calls.find(([name]) => name === 'Email/set');
    const created = (emailSet?.[1].create as Record<string, Record<string, unknown>>).message!;
    expect(created.to).toEqual([{ name: null, email: 'dave@example.org' }]);
    expect(created.subject).toBe('');
  }, 20_000);
});
