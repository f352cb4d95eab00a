import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { useToastStore } from '../../../lib/toast-store';
import { addressBook, person } from '../testing/mock-contacts-server';
import { lastCall, listedNames, renderContactsPage } from '../testing/render-contacts';

const renderPage = renderContactsPage;
const names = listedNames;

beforeEach(() => useToastStore.setState({ toasts: [] }));
afterEach(cleanup);

// Many keystrokes per test on a shared machine: a generous limit, nothing timed.
describe('contacts page (mock server)', { timeout: 30_000 }, () => {
  it('lists the books, the groups with their sizes, and the cards (not the groups) with a count', async () => {
    const { calls } = renderPage();
    await screen.findByText('3 contacts');
    expect(names()).toEqual(['Ada Lovelace', 'Alan Turing', 'Grace Hopper']);
    const side = screen.getByRole('navigation', { name: 'Address books and groups' });
    expect(within(side).getByRole('button', { name: 'Work' })).toBeTruthy();
    expect(within(side).getByRole('button', { name: 'Pioneers 2' })).toBeTruthy();
    // One window: RFC 8620 §5.5 position/limit with the total, groups left out.
    expect(lastCall(calls, 'ContactCard/query')).toMatchObject({
      position: 0,
      limit: 100,
      calculateTotal: true,
      filter: { operator: 'AND', conditions: [{ operator: 'NOT', conditions: [{ kind: 'group' }] }] },
    });
  });

  it('search asks ContactCard/query with a text filter (RFC 9610 §3.3)', async () => {
    const { calls, user } = renderPage();
    await screen.findByText('3 contacts');
    await user.type(screen.getByRole('searchbox', { name: 'Search contacts' }), 'hop');
    await screen.findByText('1 contact');
    expect(names()).toEqual(['Grace Hopper']);
    const textFilters = calls
      .filter((c) => c.name === 'ContactCard/query')
      .map((c) => JSON.stringify(c.args.filter))
      .filter((f) => f.includes('"text"'));
    expect(textFilters.at(-1)).toContain('"text":"hop"');
  });

  it('a group in the side pane filters the list to its members; a book to its cards', async () => {
    const { user } = renderPage();
    await screen.findByText('3 contacts');
    await user.click(screen.getByRole('button', { name: 'Pioneers 2' }));
    await screen.findByText('2 contacts');
    expect(names()).toEqual(['Ada Lovelace', 'Alan Turing']);
    await user.click(screen.getByRole('button', { name: 'Work' }));
    await screen.findByText('1 contact');
    expect(names()).toEqual(['Alan Turing']);
  });

  it('"All contacts" leaves out the read-only directory, which lists its own cards', async () => {
    const { user } = renderPage({
      books: [
        addressBook('B1', 'Contacts', { isDefault: true }),
        addressBook('BD', 'Directory', {
          myRights: { mayRead: true, mayWrite: false, mayShare: false, mayDelete: false },
        }),
      ],
      cards: [
        person('C1', 'Ada Lovelace', 'ada@example.org'),
        person('D1', 'Bob Colleague', 'bob@colibri.test', { addressBookIds: { BD: true } }),
      ],
    });
    await screen.findByText('1 contact');
    expect(names()).toEqual(['Ada Lovelace']);
    await user.click(screen.getByRole('button', { name: 'Directory' }));
    await waitFor(() => expect(names()).toEqual(['Bob Colleague']));
  });

  it('a selected group can be deleted (its members stay), with Undo', async () => {
    const { calls, user } = renderPage();
    await screen.findByText('3 contacts');
    await user.click(screen.getByRole('button', { name: 'Pioneers 2' }));
    await screen.findByText('2 contacts');
    await user.click(screen.getByRole('button', { name: 'Delete the group Pioneers' }));
    await screen.findByText('3 contacts');
    expect(lastCall(calls, 'ContactCard/set')).toEqual({ accountId: 'A1', destroy: ['G1'] });
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Pioneers 2' })).toBeNull());
    useToastStore.getState().toasts.at(-1)?.action?.run();
    await screen.findByRole('button', { name: /^Pioneers 2/ });
  });

  it('creates a contact from the editor and shows it', async () => {
    const { calls, user } = renderPage();
    await screen.findByText('3 contacts');
    await user.click(screen.getByRole('button', { name: 'New contact' }));
    const form = screen.getByRole('form', { name: 'New contact' });
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(within(form).getByRole('alert').textContent).toBe('Give a name, an organisation or an email.');
    await user.type(within(form).getByLabelText('First name'), 'Katherine');
    await user.type(within(form).getByLabelText('Last name'), 'Johnson');
    await user.click(within(form).getByRole('button', { name: 'Add an email' }));
    await user.type(within(form).getByLabelText('Email 1'), 'kj@nasa.example');
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    await screen.findByRole('heading', { level: 2, name: 'Katherine Johnson' });
    const create = lastCall(calls, 'ContactCard/set')?.create as Record<string, Record<string, unknown>>;
    expect(create.new).toMatchObject({
      '@type': 'Card',
      kind: 'individual',
      name: { full: 'Katherine Johnson' },
      emails: { k1: { address: 'kj@nasa.example' } },
    });
    await screen.findByText('4 contacts');
  });

  it('an edit sends only what changed', async () => {
    const { calls, user } = renderPage();
    await user.click(await screen.findByRole('button', { name: /Ada Lovelace/ }));
    await user.click(await screen.findByRole('button', { name: 'Edit' }));
    const form = screen.getByRole('form', { name: 'Edit contact' });
    await user.type(within(form).getByLabelText('Organisation'), 'Analytical Society');
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    await screen.findByText('Countess · Analytical Society');
    expect(lastCall(calls, 'ContactCard/set')).toEqual({
      accountId: 'A1',
      update: { C1: { organizations: { o1: { '@type': 'Organization', name: 'Analytical Society' } } } },
    });
  });

  it('delete offers Undo, which creates the same card again (same uid, so its groups keep it)', async () => {
    const { calls, user } = renderPage();
    await user.click(await screen.findByRole('button', { name: /Ada Lovelace/ }));
    await user.click(await screen.findByRole('button', { name: 'Delete' }));
    await screen.findByText('2 contacts');
    expect(lastCall(calls, 'ContactCard/set')).toEqual({ accountId: 'A1', destroy: ['C1'] });
    const toast = useToastStore.getState().toasts.at(-1);
    expect(toast?.message).toBe('“Ada Lovelace” deleted.');
    toast?.action?.run();
    await screen.findByText('3 contacts');
    const create = lastCall(calls, 'ContactCard/set')?.create as Record<string, Record<string, unknown>>;
    expect(create.new).toMatchObject({ uid: 'urn:uuid:C1', name: { full: 'Ada Lovelace' } });
    expect(create.new).not.toHaveProperty('id');
  });

  it('"Write a mail" opens a composer addressed to the card; group boxes patch members', async () => {
    const { calls, openComposer, user } = renderPage();
    await user.click(await screen.findByRole('button', { name: /Grace Hopper/ }));
    await user.click(await screen.findByRole('button', { name: 'Write a mail' }));
    expect(openComposer).toHaveBeenCalledWith({
      mode: 'new',
      to: [{ name: 'Grace Hopper', email: 'grace@example.org' }],
    });
    await user.click(screen.getByRole('checkbox', { name: 'Pioneers' }));
    await waitFor(() =>
      expect(lastCall(calls, 'ContactCard/set')).toEqual({
        accountId: 'A1',
        update: { G1: { 'members/urn:uuid:C2': true } },
      }),
    );
  });

  it('imports a .vcf into the chosen book with ContactCard/set and counts the new cards', async () => {
    const { calls, user } = renderPage();
    await screen.findByText('3 contacts');
    await user.click(screen.getByRole('button', { name: 'Import…' }));
    const panel = screen.getByRole('region', { name: 'Import contacts' });
    const vcf = ['Katherine Johnson', 'Dorothy Vaughan']
      .map((fn) => `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:${fn}\r\nEND:VCARD\r\n`)
      .join('');
    await user.upload(
      within(panel).getByLabelText('vCard file'),
      new File([vcf], 'two.vcf', { type: 'text/vcard' }),
    );
    await user.selectOptions(within(panel).getByLabelText('Address book'), 'B2');
    await user.click(within(panel).getByRole('button', { name: 'Import' }));
    await within(panel).findByText('2 contacts imported.');
    const create = lastCall(calls, 'ContactCard/set')?.create as Record<string, Record<string, unknown>>;
    expect(Object.values(create).map((card) => [card.name, card.addressBookIds])).toEqual([
      [expect.objectContaining({ full: 'Katherine Johnson' }), { B2: true }],
      [expect.objectContaining({ full: 'Dorothy Vaughan' }), { B2: true }],
    ]);
    await screen.findByText('5 contacts');
  });

  it('a refused import names each card and the reason', async () => {
    const { user } = renderPage({
      refuseCreate: { type: 'overQuota', description: 'An account has at most 50000 cards' },
    });
    await screen.findByText('3 contacts');
    await user.click(screen.getByRole('button', { name: 'Import…' }));
    const panel = screen.getByRole('region', { name: 'Import contacts' });
    const vcf = 'BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Mary Jackson\r\nEND:VCARD\r\n';
    await user.upload(within(panel).getByLabelText('vCard file'), new File([vcf], 'one.vcf'));
    await user.click(within(panel).getByRole('button', { name: 'Import' }));
    await within(panel).findByText('0 contacts imported.');
    expect(within(panel).getByRole('list', { name: '1 card was not imported:' }).textContent).toBe(
      'Card 1 (Mary Jackson): An account has at most 50000 cards',
    );
  });
});
