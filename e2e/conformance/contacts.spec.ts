import { Capability } from '@colibri/jmap-types';
import type { ChangesResult, QueryResult } from '@colibri/jmap-types';
import { openEventSource, until } from './support/event-source.js';
import { expectMethodError } from './support/expect-jmap.js';
import { expect, test } from './support/fixtures.js';
import type { JmapAccount } from './support/jmap-raw.js';
import { createdId } from './support/set.js';
import type { SetResponse } from './support/set.js';

const USING = [Capability.Core, Capability.Contacts];

const ok = <T = Record<string, unknown>>(account: JmapAccount, name: string, args: Record<string, unknown>) =>
  account.ok<T>(name, { accountId: account.accountId, ...args }, USING);

async function stateOf(account: JmapAccount, type: 'AddressBook' | 'ContactCard'): Promise<string> {
  return (await ok<{ state: string }>(account, `${type}/get`, { ids: [] })).state;
}

/** RFC 9553 cards with a name, an email address and (for one) an organisation. */
const person = (given: string, surname: string, email: string, extra: Record<string, unknown> = {}) => ({
  '@type': 'Card',
  version: '1.0',
  name: {
    components: [
      { kind: 'given', value: given },
      { kind: 'surname', value: surname },
    ],
  },
  emails: { e1: { address: email } },
  ...extra,
});

test.describe('RFC 9610 JMAP Contacts over HTTP', () => {
  test('RFC 9610 §1.4.1: the Session announces urn:ietf:params:jmap:contacts', async ({ account }) => {
    expect(account.session.capabilities[Capability.Contacts]).toEqual({});
    expect(account.session.primaryAccounts[Capability.Contacts]).toBe(account.accountId);
    expect(
      account.session.accounts[account.accountId]?.accountCapabilities[Capability.Contacts],
    ).toMatchObject({
      mayCreateAddressBook: true,
    });
  });

  test('RFC 9610 §2-3: a book and cards, query by email prefix and name, changes, destroy', async ({
    account,
  }) => {
    const bookState = await stateOf(account, 'AddressBook');
    const books = await ok<SetResponse>(account, 'AddressBook/set', { create: { b: { name: 'Friends' } } });
    const bookId = createdId(books, 'b');
    const bookChanges = await ok<ChangesResult>(account, 'AddressBook/changes', { sinceState: bookState });
    // The default book may be made by this first call too: it is created, never updated.
    expect(bookChanges.created).toContain(bookId);

    const cardState = await stateOf(account, 'ContactCard');
    const cards = await ok<SetResponse>(account, 'ContactCard/set', {
      create: {
        ada: { ...person('Ada', 'Lovelace', 'ada@analytical.example'), addressBookIds: { [bookId]: true } },
        alan: person('Alan', 'Turing', 'alan@bletchley.example', { organizations: { o: { name: 'GC&CS' } } }),
        bad: { emails: { e1: { address: 'nope' } } },
      },
    });
    const ada = createdId(cards, 'ada');
    const alan = createdId(cards, 'alan');
    expect(cards.notCreated?.bad).toMatchObject({
      type: 'invalidProperties',
      properties: ['emails/e1/address'],
    });

    const query = async (filter: Record<string, unknown>, sort?: Record<string, unknown>[]) =>
      (await ok<QueryResult>(account, 'ContactCard/query', { filter, ...(sort ? { sort } : {}) })).ids;
    // The organisation directory (a read-only book of the domain's users) is in every query: leave it out.
    const { list: allBooks } = await ok<{ list: { id: string; myRights: { mayWrite: boolean } }[] }>(
      account,
      'AddressBook/get',
      {},
    );
    const directory = allBooks.find((b) => !b.myRights.mayWrite)?.id;
    const own = { operator: 'NOT', conditions: [{ inAddressBook: directory }] };
    expect(await query({ email: 'ada@anal' })).toEqual([ada]);
    expect(await query({ prefix: 'alan@bl' })).toEqual([alan]);
    expect(await query({ name: 'turing' })).toEqual([alan]);
    expect(await query({ inAddressBook: bookId })).toEqual([ada]);
    expect(await query({ organization: 'gc&cs' })).toEqual([alan]);
    expect(await query(own, [{ property: 'name/surname' }])).toEqual([ada, alan]);

    const changes = await ok<ChangesResult>(account, 'ContactCard/changes', { sinceState: cardState });
    expect([...changes.created].sort()).toEqual([ada, alan].sort());

    const [got] = (
      await ok<{ list: Record<string, unknown>[] }>(account, 'ContactCard/get', {
        ids: [ada],
        properties: ['name', 'addressBookIds'],
      })
    ).list;
    expect(got).toEqual({
      id: ada,
      name: person('Ada', 'Lovelace', '').name,
      addressBookIds: { [bookId]: true },
    });

    // Destroying a book whose cards are only in it needs onDestroyRemoveContents (RFC 9610 §2.3).
    const refused = await ok<SetResponse>(account, 'AddressBook/set', { destroy: [bookId] });
    expect(refused.notDestroyed?.[bookId]).toMatchObject({ type: 'addressBookHasContents' });
    const destroyed = await ok<SetResponse>(account, 'AddressBook/set', {
      destroy: [bookId],
      onDestroyRemoveContents: true,
    });
    expect(destroyed.destroyed).toEqual([bookId]);
    const after = await ok<ChangesResult>(account, 'ContactCard/changes', { sinceState: changes.newState });
    expect(after.destroyed).toEqual([ada]);
    const gone = await ok<SetResponse>(account, 'ContactCard/set', { destroy: [alan] });
    expect(gone.destroyed).toEqual([alan]);
    expect(await query(own)).toEqual([]);
  });

  test('RFC 8620 §7.3: a card change is pushed as a ContactCard StateChange', async ({ account }) => {
    const stream = await openEventSource(account, { types: 'ContactCard', closeafter: 'state', ping: '0' });
    const set = await ok<SetResponse>(account, 'ContactCard/set', {
      create: { p: person('Pushed', 'Person', 'pushed@example.com') },
    });
    const state = await until(stream, 'state');
    const changed = state.data.changed as Record<string, Record<string, string>>;
    expect(changed[account.accountId]).toEqual({ ContactCard: set.newState });
    await stream.ended;
    await ok(account, 'ContactCard/set', { destroy: [createdId(set, 'p')] });
  });

  test("RFC 8620 §5.4: ContactCard/copy never reads another user's cards", async ({
    account,
    newAccount,
  }) => {
    const other = await newAccount();
    const theirs = createdId(
      await ok<SetResponse>(other, 'ContactCard/set', {
        create: { c: person('Grace', 'Hopper', 'g@navy.example') },
      }),
      'c',
    );
    // Address books are not shared yet, so another user's account is not one this user may read.
    expectMethodError(
      await account.invoke(
        'ContactCard/copy',
        { fromAccountId: other.accountId, accountId: account.accountId, create: { x: { id: theirs } } },
        USING,
      ),
      'fromAccountNotFound',
    );
    expectMethodError(
      await account.invoke('ContactCard/get', { accountId: other.accountId, ids: [theirs] }, USING),
      'accountNotFound',
    );
  });
});
