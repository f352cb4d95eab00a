import { describe, expect, it } from 'vitest';
import { ForbiddenError, InvalidInputError, NotFoundError, StoreError, TooLargeError } from '../errors.js';
import type { AccountId } from '../model.js';
import type { AddressBookId, ContactCardInput } from '../contacts-model.js';
import type { MailStore } from '../mail-store.js';
import { AddressBookNotEmptyError } from '../sqlite/contacts/address-books.js';
import { contactLimits } from '../sqlite/contacts/limits.js';
import { useFixture, type MailStoreFactory } from './fixture.js';

/** A card as a caller would hand it over: some JSON and the index it derived from it. */
function card(
  name: string,
  emails: string[],
  books: AddressBookId[] = [],
  extra: Partial<ContactCardInput['index']> = {},
): ContactCardInput {
  return {
    addressBookIds: books,
    json: JSON.stringify({ '@type': 'Card', name: { full: name } }),
    index: {
      uid: `urn:uuid:${name}`,
      kind: 'individual',
      sortName: name.toLowerCase(),
      emails,
      phones: [],
      text: name,
      ...extra,
    },
  };
}

async function defaultBook(store: MailStore, accountId: AccountId): Promise<AddressBookId> {
  const book = (await store.listAddressBooks(accountId)).find((b) => b.isDefault);
  if (!book) throw new Error('no default book');
  return book.id;
}

export function describeContacts(factory: MailStoreFactory): void {
  describe('address books and contact cards', () => {
    const f = useFixture(factory);

    it('gives every account one default book on first need, logged as AddressBook', async () => {
      const { store, account } = f();
      const state = await store.getState(account.id, 'AddressBook');
      const books = await store.listAddressBooks(account.id);
      expect(books).toHaveLength(1);
      expect(books[0]).toMatchObject({ name: 'Contacts', isDefault: true, isSubscribed: true });
      expect(await store.listAddressBooks(account.id)).toEqual(books);
      expect((await store.getChanges(account.id, 'AddressBook', state)).created).toEqual([books[0]?.id]);
    });

    it('creates, renames, re-defaults and destroys books; the default cannot go', async () => {
      const { store, account } = f();
      const first = await defaultBook(store, account.id);
      const work = await store.createAddressBook(account.id, { name: 'Work', sortOrder: 2 });
      expect(
        await store.updateAddressBook(account.id, work.id, { name: 'Office', description: 'x' }),
      ).toMatchObject({ name: 'Office', description: 'x', sortOrder: 2, isDefault: false });
      expect((await store.setDefaultAddressBook(account.id, work.id)).sort()).toEqual(
        [first, work.id].sort(),
      );
      await expect(store.destroyAddressBook(account.id, work.id)).rejects.toBeInstanceOf(ForbiddenError);
      await store.destroyAddressBook(account.id, first);
      expect((await store.listAddressBooks(account.id)).map((b) => b.id)).toEqual([work.id]);
      await expect(store.createAddressBook(account.id, { name: ' ' })).rejects.toBeInstanceOf(
        InvalidInputError,
      );
      await expect(store.updateAddressBook(account.id, first, { name: 'x' })).rejects.toBeInstanceOf(
        NotFoundError,
      );
    });

    it('stores a card in several books, changes and destroys it, logging ContactCard', async () => {
      const { store, account } = f();
      const home = await defaultBook(store, account.id);
      const work = (await store.createAddressBook(account.id, { name: 'Work' })).id;
      const state = await store.getState(account.id, 'ContactCard');
      const created = await store.createContactCard(account.id, card('Ada Lovelace', ['ada@example.com']));
      expect(created.addressBookIds).toEqual([home]);
      expect(JSON.parse(created.json)).toEqual({ '@type': 'Card', name: { full: 'Ada Lovelace' } });
      const updated = await store.updateContactCard(
        account.id,
        created.id,
        card('Ada King', ['ada@example.com'], [home, work]),
      );
      expect(updated.addressBookIds).toEqual([home, work].sort());
      expect(updated.createdAt).toEqual(created.createdAt);
      expect((await store.getContactCards(account.id, [created.id]))[0]?.json).toContain('Ada King');
      expect((await store.getChanges(account.id, 'ContactCard', state)).created).toEqual([created.id]);
      await store.destroyContactCard(account.id, created.id);
      expect(await store.getContactCards(account.id)).toEqual([]);
      await expect(store.destroyContactCard(account.id, created.id)).rejects.toBeInstanceOf(NotFoundError);
      expect(await store.searchContactCards(account.id, { prefix: 'ada', limit: 10 })).toEqual([]);
    });

    it('destroys a book with its cards only when asked; cards in other books just leave it', async () => {
      const { store, account } = f();
      const home = await defaultBook(store, account.id);
      const work = (await store.createAddressBook(account.id, { name: 'Work' })).id;
      const both = await store.createContactCard(account.id, card('Both', [], [home, work]));
      const only = await store.createContactCard(account.id, card('Only', [], [work]));
      await expect(store.destroyAddressBook(account.id, work)).rejects.toBeInstanceOf(
        AddressBookNotEmptyError,
      );
      // RFC 9610 §2.3: any card in the book stops it, even one that is in another book too.
      const extra = (await store.createAddressBook(account.id, { name: 'Extra' })).id;
      await store.updateContactCard(account.id, both.id, card('Both', [], [home, work, extra]));
      await expect(store.destroyAddressBook(account.id, extra)).rejects.toBeInstanceOf(
        AddressBookNotEmptyError,
      );
      await store.destroyAddressBook(account.id, extra, { removeContents: true });
      const state = await store.getState(account.id, 'ContactCard');
      await store.destroyAddressBook(account.id, work, { removeContents: true });
      const changes = await store.getChanges(account.id, 'ContactCard', state);
      expect(changes).toMatchObject({ updated: [both.id], destroyed: [only.id] });
      expect((await store.getContactCards(account.id)).map((c) => [c.id, c.addressBookIds])).toEqual([
        [both.id, [home]],
      ]);
    });

    it('keeps accounts apart: books and cards of another account are not found', async () => {
      const { store, account, addAccount } = f();
      const bob = (await addAccount('bob')).account;
      const bobsBook = await defaultBook(store, bob.id);
      await expect(store.createContactCard(account.id, card('X', [], [bobsBook]))).rejects.toBeInstanceOf(
        NotFoundError,
      );
      const bobsCard = await store.createContactCard(bob.id, card('Bob Card', ['b@example.com']));
      expect(await store.getContactCards(account.id, [bobsCard.id])).toEqual([]);
      expect(await store.searchContactCards(account.id, { prefix: 'bob', limit: 10 })).toEqual([]);
      await expect(store.destroyContactCard(account.id, bobsCard.id)).rejects.toBeInstanceOf(NotFoundError);
    });

    it('finds cards by word or email prefix, most recently used first', async () => {
      const { store, account } = f();
      const ada = await store.createContactCard(account.id, card('Ada Lovelace', ['ada@analytical.org']));
      const alan = await store.createContactCard(account.id, card('Alan Turing', ['alan@bletchley.uk']));
      await store.createContactCard(account.id, card('Grace Hopper', ['grace@navy.mil']));
      expect(await store.searchContactCards(account.id, { prefix: 'a', limit: 10 })).toEqual([
        ada.id,
        alan.id,
      ]);
      expect(await store.searchContactCards(account.id, { prefix: 'love', limit: 10 })).toEqual([ada.id]);
      expect(await store.searchContactCards(account.id, { prefix: 'alan@bl', limit: 10 })).toEqual([alan.id]);
      expect(await store.searchContactCards(account.id, { prefix: 'Ada Lo', limit: 10 })).toEqual([ada.id]);
      expect(await store.markContactsUsed(account.id, ['ALAN@bletchley.uk'])).toBe(1);
      expect(await store.searchContactCards(account.id, { prefix: 'a', limit: 10 })).toEqual([
        alan.id,
        ada.id,
      ]);
      expect(await store.searchContactCards(account.id, { prefix: 'a', limit: 1 })).toEqual([alan.id]);
    });

    it('refuses a card too large, with too many books, or with none of the account', async () => {
      const { store, account } = f();
      const big = card('Big', []);
      big.json = JSON.stringify({ note: 'x'.repeat(contactLimits.maxCardJsonBytes) });
      await expect(store.createContactCard(account.id, big)).rejects.toBeInstanceOf(TooLargeError);
      const created = await store.createContactCard(account.id, card('A', []));
      await expect(store.updateContactCard(account.id, created.id, card('A', [], []))).rejects.toBeInstanceOf(
        InvalidInputError,
      );
    });

    it('bounds the books of an account', async () => {
      const { store, account } = f();
      await defaultBook(store, account.id);
      for (let i = 1; i < contactLimits.maxAddressBooksPerAccount; i += 1)
        await store.createAddressBook(account.id, { name: `Book ${i}` });
      const error = await store
        .createAddressBook(account.id, { name: 'One too many' })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StoreError);
      expect((error as StoreError).code).toBe('overQuota');
    });

    it('forgets an account\u2019s contacts with the account', async () => {
      const { store, addAccount } = f();
      const bob = (await addAccount('bob')).account;
      await store.createContactCard(bob.id, card('Someone', ['s@example.com']));
      await store.deleteAccount(bob.id);
      await expect(store.listAddressBooks(bob.id)).rejects.toBeInstanceOf(NotFoundError);
    });
  });
}
