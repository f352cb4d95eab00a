import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { JmapClientProvider } from '../../../lib/jmap';
import { fakeJmapClient } from '../../../testing/fake-jmap';
import type { MethodHandler } from '../../../testing/fake-jmap';
import { presetRights } from '../lib/share-rights';
import { ShareDialog } from './share-dialog';

afterEach(cleanup);

const carol = { id: 'P3', name: 'Carol', email: 'carol@colibri.test' };
const bob = { id: 'P2', name: 'Bob', email: 'bob@colibri.test' };

/** RFC 9670 answers (fake JMAP): Projects is shared read-only with Carol; Bob is in the directory. */
const server: MethodHandler = (name, args) => {
  switch (name) {
    case 'Mailbox/get':
      return {
        accountId: 'A1',
        state: 'm1',
        list: [{ id: 'M1', shareWith: { P3: presetRights('read') } }],
        notFound: [],
      };
    case 'Principal/get': {
      const ids = Array.isArray(args.ids) ? (args.ids as string[]) : ['P2'];
      return {
        accountId: 'A1',
        state: 'p1',
        list: [bob, carol].filter((p) => ids.includes(p.id)),
        notFound: [],
      };
    }
    case 'Principal/query':
      return { accountId: 'A1', queryState: 'q1', canCalculateChanges: false, position: 0, ids: ['P2'] };
    case 'Mailbox/set':
      return { accountId: 'A1', oldState: 'm1', newState: 'm2', updated: { M1: null } };
    default:
      throw new Error(`unexpected ${name}`);
  }
};

function renderDialog() {
  const { client, calls } = fakeJmapClient(server);
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  render(
    <QueryClientProvider client={queryClient}>
      <JmapClientProvider client={client}>
        <ShareDialog accountId="A1" mailbox={{ id: 'M1', name: 'Projects' }} onClose={() => {}} />
      </JmapClientProvider>
    </QueryClientProvider>,
  );
  const updates = () =>
    calls
      .filter(([method]) => method === 'Mailbox/set')
      .map(([, args]) => (args.update as Record<string, unknown>).M1);
  return { updates };
}

describe('the Share dialog (fake JMAP server)', () => {
  it('lists who the folder is shared with, by name, with the preset their rights are', async () => {
    renderDialog();
    const dialog = screen.getByRole('dialog', { name: 'Share “Projects”' });
    const access = await within(dialog).findByRole('combobox', {
      name: 'Access of Carol <carol@colibri.test>',
    });
    expect((access as HTMLSelectElement).value).toBe('read');
  });

  it('shares with someone found by name, with the chosen preset as every RFC 8621 right', async () => {
    const { updates } = renderDialog();
    const user = userEvent.setup();
    await user.type(screen.getByRole('combobox', { name: 'Person' }), 'bob@colibri.test');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Access' }), 'full');
    expect(screen.getByRole('checkbox', { name: 'Delete the folder' })).toHaveProperty('checked', true);
    await user.click(screen.getByRole('button', { name: 'Share' }));
    await waitFor(() => expect(updates()).toHaveLength(1));
    expect(updates()[0]).toEqual({
      'shareWith/P2': {
        mayReadItems: true,
        mayAddItems: true,
        mayRemoveItems: true,
        maySetSeen: true,
        maySetKeywords: true,
        mayCreateChild: true,
        mayRename: true,
        mayDelete: true,
        maySubmit: true,
        mayShare: false,
      },
    });
  });

  it('a custom choice of rights is sent as chosen', async () => {
    const { updates } = renderDialog();
    const user = userEvent.setup();
    await user.type(screen.getByRole('combobox', { name: 'Person' }), 'Bob');
    await user.click(screen.getByRole('checkbox', { name: 'Mark read or unread' }));
    expect((screen.getByRole('combobox', { name: 'Access' }) as HTMLSelectElement).value).toBe('custom');
    await user.click(screen.getByRole('button', { name: 'Share' }));
    await waitFor(() => expect(updates()).toHaveLength(1));
    expect(updates()[0]).toEqual({
      'shareWith/P2': { ...presetRights('read'), maySetSeen: true },
    });
  });

  it('changes a sharee to another preset, and stops sharing with a null patch', async () => {
    const { updates } = renderDialog();
    const user = userEvent.setup();
    const access = await screen.findByRole('combobox', { name: 'Access of Carol <carol@colibri.test>' });
    await user.selectOptions(access, 'organise');
    await user.click(screen.getByRole('button', { name: 'Stop sharing with Carol <carol@colibri.test>' }));
    await waitFor(() => expect(updates()).toHaveLength(2));
    expect(updates()[0]).toEqual({ 'shareWith/P3': presetRights('organise') });
    expect(updates()[1]).toEqual({ 'shareWith/P3': null });
  });
});
