import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { addressBook, person } from '../testing/mock-contacts-server';
import { lastCall, listedNames, renderContactsPage } from '../testing/render-contacts';

afterEach(cleanup);

const readOnly = { mayRead: true, mayWrite: false, mayShare: false, mayDelete: false };

function renderWithShares() {
  return renderContactsPage({
    shared: {
      A2: {
        name: 'bob@colibri.test',
        books: [addressBook('BB', 'Team', { myRights: readOnly })],
        cards: [person('X1', 'Xavier Team', 'xavier@example.org', { addressBookIds: { BB: true } })],
      },
      A3: {
        name: 'carol@colibri.test',
        books: [addressBook('BC', 'Suppliers')],
        cards: [person('Y1', 'Yolanda Supplier', 'yolanda@example.org', { addressBookIds: { BC: true } })],
      },
    },
  });
}

describe('address books shared with me (RFC 9670, mock server)', { timeout: 30_000 }, () => {
  it('lists the books of other accounts under "Shared with me" with their owner and rights', async () => {
    const { calls } = renderWithShares();
    const side = await screen.findByRole('navigation', { name: 'Address books and groups' });
    const list = await within(side).findByRole('list', { name: 'Shared with me' });
    await waitFor(() =>
      expect(
        within(list)
          .getAllByRole('button')
          .map((b) => b.textContent),
      ).toEqual(['Teamby bob@colibri.test, read-only', 'Suppliersby carol@colibri.test']),
    );
    const asked = calls.filter((c) => c.name === 'AddressBook/get').map((c) => c.args.accountId);
    expect(new Set(asked)).toEqual(new Set(['A1', 'A2', 'A3']));
  });

  it('a read-only shared book lists its cards from its account, with no way to change them', async () => {
    const { calls, user } = renderWithShares();
    await screen.findByText('3 contacts');
    await user.click(await screen.findByRole('button', { name: /^Team/ }));
    await waitFor(() => expect(listedNames()).toEqual(['Xavier Team']));
    expect(lastCall(calls, 'ContactCard/query')).toMatchObject({ accountId: 'A2' });
    expect(screen.queryByRole('button', { name: 'New contact' })).toBeNull();
    expect(screen.getByText('Read-only: shared with you without the right to change it.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: /Xavier Team/ }));
    const detail = await screen.findByRole('article', { name: 'Xavier Team' });
    expect(lastCall(calls, 'ContactCard/get')).toMatchObject({ accountId: 'A2', ids: ['X1'] });
    expect(within(detail).queryByRole('button', { name: 'Edit' })).toBeNull();
    expect(within(detail).queryByRole('button', { name: 'Delete' })).toBeNull();
    expect(within(detail).getByRole('button', { name: 'Write a mail' })).toBeTruthy();
  });

  it("an editable shared book is edited in its owner's account", async () => {
    const { calls, user } = renderWithShares();
    await screen.findByText('3 contacts');
    await user.click(await screen.findByRole('button', { name: /^Suppliers/ }));
    await user.click(await screen.findByRole('button', { name: /Yolanda Supplier/ }));
    await user.click(await screen.findByRole('button', { name: 'Edit' }));
    const form = screen.getByRole('form', { name: 'Edit contact' });
    await user.type(within(form).getByLabelText('Organisation'), 'Acme');
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    await screen.findByRole('article', { name: 'Yolanda Supplier' });
    expect(lastCall(calls, 'ContactCard/set')).toEqual({
      accountId: 'A3',
      update: { Y1: { organizations: { o1: { '@type': 'Organization', name: 'Acme' } } } },
    });
  });
});
