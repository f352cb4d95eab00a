import { Capability } from '@colibri/jmap-types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callOne, callUsing } from './support/call-using.js';
import { openFixture, resultOf } from './support/fixture.js';
import type { Fixture } from './support/fixture.js';

let f: Fixture;
beforeAll(async () => {
  f = await openFixture();
});
afterAll(() => f.close());

const USING = [Capability.Core, Capability.Contacts];
const call = (name: string, args: Record<string, unknown>, expected = name) =>
  callOne(f, USING, name, args, expected);
type Objects = Record<string, Record<string, unknown>>;

async function books(): Promise<Record<string, unknown>[]> {
  return (await call('AddressBook/get', { ids: null })).list as Record<string, unknown>[];
}

describe('the contacts capability (RFC 9610 §1.4.1)', () => {
  it('is an empty object in the Session, with the account limits and a primary account', async () => {
    const session = await f.engine.getSession(f.alice, 'http://localhost');
    expect(session.capabilities[Capability.Contacts]).toEqual({});
    expect(session.accounts[f.alice.accountId]?.accountCapabilities[Capability.Contacts]).toEqual({
      maxAddressBooksPerCard: expect.any(Number),
      mayCreateAddressBook: true,
    });
    expect(session.primaryAccounts[Capability.Contacts]).toBe(f.alice.accountId);
  });

  it('AddressBook methods are unknownMethod without the contacts capability', async () => {
    const response = await callUsing(
      f,
      [Capability.Core],
      [['AddressBook/get', { accountId: f.alice.accountId }, 'g']],
    );
    expect(resultOf(response, 'error').type).toBe('unknownMethod');
  });

  it("never reaches another account's address books (accountNotFound)", async () => {
    for (const [name, args] of [
      ['AddressBook/get', {}],
      ['AddressBook/changes', { sinceState: '0' }],
      ['AddressBook/set', { create: { x: { name: 'x' } } }],
      ['ContactCard/get', {}],
      ['ContactCard/query', {}],
      ['ContactCard/set', { create: { x: {} } }],
    ] as const) {
      const error = await call(name, { ...args, accountId: f.bob.accountId }, 'error');
      expect(error.type, name).toBe('accountNotFound');
    }
  });
});

describe('AddressBook/get, /set, /changes (RFC 9610 §2)', () => {
  it('every account has a default book with full rights for its owner', async () => {
    const [book] = await books();
    expect(book).toMatchObject({
      name: expect.any(String),
      isDefault: true,
      isSubscribed: true,
      sortOrder: 0,
      description: null,
      shareWith: null,
      myRights: { mayRead: true, mayWrite: true, mayShare: true, mayDelete: true },
    });
  });

  it('creates a book (server-set properties back), updates it, reports changes', async () => {
    const { state } = await call('AddressBook/get', { ids: [] });
    const set = await call('AddressBook/set', {
      create: { b1: { name: 'Work', description: 'Colleagues', sortOrder: 3 } },
    });
    const created = (set.created as Objects).b1!;
    expect(created).toMatchObject({ id: expect.any(String), isDefault: false, shareWith: null });
    const updated = await call('AddressBook/set', { update: { [created.id as string]: { name: 'Office' } } });
    expect(updated.updated).toEqual({ [created.id as string]: null });
    const changes = await call('AddressBook/changes', { sinceState: state });
    expect(changes).toMatchObject({ created: [created.id], updated: [], destroyed: [] });
    const [got] = (await call('AddressBook/get', { ids: [created.id], properties: ['name', 'sortOrder'] }))
      .list as Record<string, unknown>[];
    expect(got).toEqual({ id: created.id, name: 'Office', sortOrder: 3 });
  });

  it('refuses a bad name or a server-set property with invalidProperties naming it', async () => {
    const set = await call('AddressBook/set', {
      create: {
        a: { name: '' },
        b: { name: 'ok', isDefault: true },
        c: { name: 'x', shareWith: { bob: {} } },
      },
    });
    const notCreated = set.notCreated as Objects;
    expect(notCreated.a).toMatchObject({ type: 'invalidProperties', properties: ['name'] });
    expect(notCreated.b).toMatchObject({ type: 'invalidProperties', properties: ['isDefault'] });
    expect(notCreated.c).toMatchObject({ type: 'invalidProperties', properties: ['shareWith'] });
  });

  it('onSuccessSetIsDefault moves the default (RFC 9610 §2.3), reported as isDefault', async () => {
    const before = (await books()).find((b) => b.isDefault)!;
    const set = await call('AddressBook/set', {
      create: { n: { name: 'New default' } },
      onSuccessSetIsDefault: '#n',
    });
    const created = (set.created as Objects).n!;
    expect(created.isDefault).toBe(true);
    expect(set.updated).toEqual({ [before.id as string]: { isDefault: false } });
    // Put the first one back for the other tests.
    await call('AddressBook/set', { onSuccessSetIsDefault: before.id });
    expect((await books()).find((b) => b.isDefault)?.id).toBe(before.id);
  });

  it('destroys a book with cards only with onDestroyRemoveContents (addressBookHasContents else)', async () => {
    const set = await call('AddressBook/set', { create: { t: { name: 'Temporary' } } });
    const bookId = (set.created as Objects).t!.id as string;
    const cards = await call('ContactCard/set', {
      create: { c: { addressBookIds: { [bookId]: true }, name: { full: 'Temp Person' } } },
    });
    const cardId = (cards.created as Objects).c!.id as string;
    const refused = await call('AddressBook/set', { destroy: [bookId] });
    expect((refused.notDestroyed as Objects)[bookId]).toMatchObject({ type: 'addressBookHasContents' });
    const { state } = await call('ContactCard/get', { ids: [] });
    const done = await call('AddressBook/set', { destroy: [bookId], onDestroyRemoveContents: true });
    expect(done.destroyed).toEqual([bookId]);
    expect((await call('ContactCard/changes', { sinceState: state })).destroyed).toEqual([cardId]);
  });

  it('refuses to destroy the default book (forbidden)', async () => {
    const def = (await books()).find((b) => b.isDefault)!.id as string;
    const set = await call('AddressBook/set', { destroy: [def] });
    expect((set.notDestroyed as Objects)[def]).toMatchObject({ type: 'forbidden' });
  });
});
