import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, screen, within } from '@testing-library/react';
import { useToastStore } from '../../../lib/toast-store';
import { group, person } from '../testing/mock-contacts-server';
import { lastCall, listedNames, renderContactsPage } from '../testing/render-contacts';

beforeEach(() => useToastStore.setState({ toasts: [] }));
afterEach(cleanup);

const cards = () => [
  person('C1', 'Ada Lovelace', 'ada@example.org'),
  person('C4', 'Ada King', 'ADA@example.org', {
    name: {
      full: 'Ada King',
      components: [
        { kind: 'given', value: 'Ada' },
        { kind: 'surname', value: 'King' },
      ],
    },
    phones: { p1: { number: '+44 20 7946 0000' } },
  }),
  person('C2', 'Grace Hopper', 'grace@example.org'),
  group('G1', 'Pioneers', ['urn:uuid:C1']),
];

describe('merge duplicates (mock server)', { timeout: 30_000 }, () => {
  it('shows a pair side by side, merges into one card with Undo', async () => {
    const { calls, user } = renderContactsPage({ cards: cards() });
    await screen.findByText('3 contacts');
    await user.click(screen.getByRole('button', { name: 'Merge duplicates…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Merge duplicates' });
    await within(dialog).findByText('1 possible duplicate. They share an email address.');
    // The richer name (given and surname) stays.
    const kept = within(dialog).getByRole('article', { name: 'Kept' });
    const removed = within(dialog).getByRole('article', { name: 'Merged into it, then deleted' });
    expect(kept.querySelector('.contacts-merge__name')?.textContent).toBe('Ada King');
    expect(removed.querySelector('.contacts-merge__name')?.textContent).toBe('Ada Lovelace');
    expect(within(kept).getByText('+44 20 7946 0000')).toBeTruthy();

    await user.click(within(dialog).getByRole('button', { name: 'Merge' }));
    await screen.findByText('2 contacts');
    // One ContactCard/set: the group moved to the kept uid, the other card destroyed; the
    // emails are the same address (case aside), so nothing is added to them.
    expect(lastCall(calls, 'ContactCard/set')).toEqual({
      accountId: 'A1',
      update: { G1: { 'members/urn:uuid:C1': null, 'members/urn:uuid:C4': true } },
      destroy: ['C1'],
    });
    expect(listedNames()).toEqual(['Ada King', 'Grace Hopper']);
    await within(dialog).findByText('No duplicates found.');

    const toast = useToastStore.getState().toasts.at(-1);
    expect(toast?.message).toBe('Contacts merged into “Ada King”.');
    toast?.action?.run();
    await screen.findByText('3 contacts');
    const undo = lastCall(calls, 'ContactCard/set') as Record<
      string,
      Record<string, Record<string, unknown>>
    >;
    expect(undo.update).toEqual({ G1: { 'members/urn:uuid:C1': true, 'members/urn:uuid:C4': null } });
    expect(undo.create?.again).toMatchObject({ uid: 'urn:uuid:C1', name: { full: 'Ada Lovelace' } });
  });

  it('"Keep the other one" merges the other way, adding what the kept card lacks', async () => {
    const { calls, user } = renderContactsPage({ cards: cards().slice(0, 3) });
    await screen.findByText('3 contacts');
    await user.click(screen.getByRole('button', { name: 'Merge duplicates…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Merge duplicates' });
    await user.click(await within(dialog).findByRole('button', { name: 'Keep the other one' }));
    expect(
      within(dialog).getByRole('article', { name: 'Kept' }).querySelector('.contacts-merge__name')
        ?.textContent,
    ).toBe('Ada Lovelace');
    await user.click(within(dialog).getByRole('button', { name: 'Merge' }));
    await screen.findByText('2 contacts');
    const set = lastCall(calls, 'ContactCard/set') as {
      update: Record<string, Record<string, unknown>>;
      destroy: string[];
    };
    expect(set.destroy).toEqual(['C4']);
    expect(set.update.C1).toMatchObject({
      phones: { p1: { number: '+44 20 7946 0000' } },
      name: { full: 'Ada King' },
    });
  });

  it('"Not duplicates" skips a pair and nothing is written', async () => {
    const { calls, user } = renderContactsPage({ cards: cards() });
    await screen.findByText('3 contacts');
    await user.click(screen.getByRole('button', { name: 'Merge duplicates…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Merge duplicates' });
    await user.click(await within(dialog).findByRole('button', { name: 'Not duplicates' }));
    await within(dialog).findByText('No duplicates found.');
    expect(calls.filter((c) => c.name === 'ContactCard/set')).toEqual([]);
  });
});
