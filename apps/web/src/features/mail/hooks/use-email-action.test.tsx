import { afterEach, describe, expect, it } from 'vitest';
import type { ReactNode } from 'react';
import { cleanup, renderHook, waitFor } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { JmapClientProvider } from '../../../lib/jmap';
import { useToastStore } from '../../../lib/toast-store';
import { fakeJmapClient } from '../../../testing/fake-jmap';
import type { MethodHandler } from '../../../testing/fake-jmap';
import { mailKeys } from '../api/keys';
import { flag } from '../lib/email-action';
import { mergeWindow } from '../lib/email-window';
import type { EmailListData, EmailListItem } from '../lib/email-window';
import { useEmailAction } from './use-email-action';

const row = (id: string): EmailListItem => ({
  id,
  threadId: id,
  mailboxIds: { inbox: true },
  from: null,
  subject: id,
  preview: '',
  receivedAt: '2026-01-01T00:00:00Z',
  keywords: {},
  hasAttachment: false,
});
const inboxKey = mailKeys.emailList('A1', { mailboxId: 'inbox', collapseThreads: false });
const initial = mergeWindow(undefined, {
  position: 0,
  ids: ['e1', 'e2', 'e3'],
  emails: ['e1', 'e2', 'e3'].map(row),
  total: 3,
  queryState: 'q1',
});

/** Email/set answers are held until `release` is called, so the optimistic state can be seen. */
function setup(answerSet: (args: Record<string, unknown>) => Record<string, unknown>) {
  let release: () => void = () => {};
  const gate = new Promise<void>((resolve) => (release = resolve));
  const handler: MethodHandler = (name, args) => {
    if (name === 'Email/set') return answerSet(args);
    throw new Error(`unexpected ${name}`);
  };
  const { client, calls } = fakeJmapClient(handler);
  const call = client.call.bind(client);
  client.call = (async (...args: Parameters<typeof call>) => {
    await gate;
    return call(...args);
  }) as typeof client.call;
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  queryClient.setQueryData(inboxKey, initial);
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>
      <JmapClientProvider client={client}>{children}</JmapClientProvider>
    </QueryClientProvider>
  );
  const { result } = renderHook(() => useEmailAction('A1'), { wrapper });
  return { run: result.current, queryClient, calls, release };
}

/** An Email/set answer that updated every email asked for. */
const agreeToAll = (args: Record<string, unknown>) => ({
  accountId: 'A1',
  oldState: 's1',
  newState: 's2',
  updated: Object.fromEntries(Object.keys(args.update as object).map((id) => [id, null])),
});

const inbox = (queryClient: QueryClient) => queryClient.getQueryData<EmailListData>(inboxKey);

afterEach(() => {
  cleanup();
  useToastStore.setState({ toasts: [] });
});

describe('useEmailAction', () => {
  it('moves rows out of the list at once and offers Undo once the server agreed', async () => {
    const { run, queryClient, calls, release } = setup(agreeToAll);
    run({
      rowIds: ['e2'],
      action: { kind: 'move', from: 'inbox', to: 'archive' },
      conversations: false,
      what: 'archive the messages',
      done: (n) => `${n} archived`,
    });
    await waitFor(() => expect(inbox(queryClient)?.total).toBe(2));
    expect([inbox(queryClient)?.ids.get(0), inbox(queryClient)?.ids.get(1)]).toEqual(['e1', 'e3']);
    release();
    await waitFor(() => expect(useToastStore.getState().toasts).toHaveLength(1));
    const toast = useToastStore.getState().toasts[0];
    expect(toast?.message).toBe('1 archived');
    expect(toast?.action?.label).toBe('Undo');
    // RFC 8620 §5.3 patch: out of the one mailbox, into the other, others untouched.
    expect(calls.find(([name]) => name === 'Email/set')?.[1]).toMatchObject({
      update: { e2: { 'mailboxIds/inbox': null, 'mailboxIds/archive': true } },
    });

    toast?.action?.run();
    await waitFor(() => expect(calls.filter(([name]) => name === 'Email/set')).toHaveLength(2));
    expect(calls.filter(([name]) => name === 'Email/set')[1]?.[1]).toMatchObject({
      update: { e2: { 'mailboxIds/archive': null, 'mailboxIds/inbox': true } },
    });
  });

  it('puts every row back and says what failed when the server refuses', async () => {
    const { run, queryClient, release } = setup(() => ({
      accountId: 'A1',
      oldState: 's1',
      newState: 's1',
      notUpdated: { e1: { type: 'forbidden', description: 'read-only mailbox' } },
    }));
    run({ rowIds: ['e1', 'e3'], action: flag(true), conversations: false, what: 'flag the messages' });
    await waitFor(() => expect(inbox(queryClient)?.emails.e1?.keywords).toEqual({ $flagged: true }));
    expect(inbox(queryClient)?.emails.e3?.keywords).toEqual({ $flagged: true });
    release();
    await waitFor(() => expect(useToastStore.getState().toasts).toHaveLength(1));
    expect(inbox(queryClient)?.emails.e1?.keywords).toEqual({});
    expect(inbox(queryClient)?.emails.e3?.keywords).toEqual({});
    const toast = useToastStore.getState().toasts[0];
    expect(toast?.tone).toBe('error');
    expect(toast?.message).toContain('Could not flag the messages');
    expect(toast?.message).toContain('read-only mailbox');
  });

  it('snoozes: the rows leave the list at once, rollback on refusal, Undo wakes them now', async () => {
    const refused = setup(() => ({
      accountId: 'A1',
      oldState: 's1',
      newState: 's1',
      notUpdated: { e1: { type: 'invalidProperties', description: 'snoozed/until must be in the future.' } },
    }));
    const snooze = { kind: 'snooze', from: 'inbox', until: '2026-01-02T08:00:00Z', leaves: true } as const;
    refused.run({ rowIds: ['e1'], action: snooze, conversations: false, what: 'snooze the messages' });
    await waitFor(() => expect(inbox(refused.queryClient)?.total).toBe(2));
    refused.release();
    await waitFor(() => expect(inbox(refused.queryClient)?.total).toBe(3));
    expect(useToastStore.getState().toasts[0]?.message).toContain('Could not snooze the messages');
    useToastStore.setState({ toasts: [] });

    const { run, queryClient, calls, release } = setup(agreeToAll);
    run({
      rowIds: ['e2'],
      action: snooze,
      conversations: false,
      what: 'snooze the messages',
      done: (n) => `${n} snoozed`,
    });
    await waitFor(() => expect(inbox(queryClient)?.total).toBe(2));
    release();
    await waitFor(() => expect(useToastStore.getState().toasts).toHaveLength(1));
    // Colibri's snooze extension: the Email `snoozed` property, Cyrus's shape.
    expect(calls.find(([name]) => name === 'Email/set')?.[1]).toMatchObject({
      update: { e2: { snoozed: { until: '2026-01-02T08:00:00Z' } } },
    });
    useToastStore.getState().toasts[0]?.action?.run();
    await waitFor(() => expect(calls.filter(([name]) => name === 'Email/set')).toHaveLength(2));
    expect(calls.filter(([name]) => name === 'Email/set')[1]?.[1]).toMatchObject({
      update: { e2: { snoozed: null } },
    });
  });
});
