import { Capability } from '@colibri/jmap-types';
import type { JmapResponse } from '@colibri/jmap-types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../src/principal.js';
import { openFixture } from './support/fixture.js';
import type { Fixture } from './support/fixture.js';

let f: Fixture;
let team: string;
let personal: string;
let shared: string;
let secret: string;
const USING = [Capability.Core, Capability.Contacts];
type Result = Record<string, unknown>;

/** One call made by `who` (in alice's account unless `accountId` is given); [name, arguments]. */
async function callAs(who: Principal, name: string, args: Result): Promise<[string, Result]> {
  const { status, body } = await f.engine.handleRequest(who, {
    using: USING,
    methodCalls: [[name, { accountId: f.alice.accountId, ...args }, 'c']],
  });
  if (status !== 200) throw new Error(`HTTP ${status}`);
  const [response] = (body as JmapResponse).methodResponses;
  return [response![0], response![1] as Result];
}
const asAlice = (name: string, args: Result) => callAs(f.alice, name, args);
const asBob = (name: string, args: Result) => callAs(f.bob, name, args);

const card = (given: string, bookId: string) => ({
  addressBookIds: { [bookId]: true },
  name: { components: [{ kind: 'given', value: given }] },
  emails: { e1: { address: `${given.toLowerCase()}@example.org` } },
});

/** Alice shares her team book with bob, through AddressBook/set (RFC 9670 §4). */
async function shareTeam(rights: Result | null): Promise<void> {
  const [, result] = await asAlice('AddressBook/set', {
    update: { [team]: { shareWith: rights === null ? null : { [f.bob.accountId]: rights } } },
  });
  expect(result.notUpdated).toBeNull();
}
const READ = { mayRead: true, mayWrite: false, mayShare: false, mayDelete: false };
const WRITE = { mayRead: true, mayWrite: true, mayShare: false, mayDelete: false };

beforeAll(async () => {
  f = await openFixture();
  const [, books] = await asAlice('AddressBook/set', {
    create: { team: { name: 'Team' }, personal: { name: 'Personal' } },
  });
  const created = books.created as Record<string, { id: string }>;
  team = created.team!.id;
  personal = created.personal!.id;
  const [, cards] = await asAlice('ContactCard/set', {
    create: { shared: card('Dana', team), secret: card('Eve', personal) },
  });
  const made = cards.created as Record<string, { id: string }>;
  shared = made.shared!.id;
  secret = made.secret!.id;
});
afterAll(() => f.close());

describe('AddressBook shareWith and myRights (RFC 9610 §2, RFC 9670 §4)', () => {
  it('shows the shared book only, with the sharee’s rights, in their session and AddressBook/get', async () => {
    await shareTeam(READ);
    const session = await f.engine.getSession(f.bob, 'http://x.test');
    const account = session.accounts[f.alice.accountId];
    expect(account).toMatchObject({ isPersonal: false, isReadOnly: true });
    expect(account!.accountCapabilities[Capability.Contacts]).toMatchObject({ mayCreateAddressBook: false });
    const [, books] = await asBob('AddressBook/get', { ids: null });
    expect(books.list).toEqual([expect.objectContaining({ id: team, myRights: READ, shareWith: null })]);
    const [, own] = await asAlice('AddressBook/get', { ids: [team] });
    expect((own.list as Result[])[0]!.shareWith).toEqual({ [f.bob.accountId]: READ });
  });

  it('lets a sharee change sharing only with mayShare and delete only with mayDelete', async () => {
    await shareTeam(READ);
    const [, refused] = await asBob('AddressBook/set', {
      create: { b: { name: 'Mine' } },
      update: { [team]: { [`shareWith/${f.bob.accountId}/mayWrite`]: true }, [personal]: { name: 'x' } },
      destroy: [team],
    });
    expect(refused.notCreated).toMatchObject({ b: { type: 'forbidden' } });
    expect(refused.notUpdated).toMatchObject({
      [team]: { type: 'forbidden' },
      [personal]: { type: 'notFound' },
    });
    expect(refused.notDestroyed).toMatchObject({ [team]: { type: 'forbidden' } });
    await shareTeam({ ...READ, mayShare: true });
    const [, allowed] = await asBob('AddressBook/set', {
      update: { [team]: { [`shareWith/${f.bob.accountId}/mayWrite`]: true } },
    });
    expect(allowed.updated).toEqual({ [team]: null });
    const [, books] = await asBob('AddressBook/get', { ids: [team] });
    expect((books.list as Result[])[0]!.myRights).toEqual({ ...READ, mayShare: true, mayWrite: true });
  });
});

describe('ContactCard methods in a shared address book (RFC 9610 §2 rights)', () => {
  it('shows the cards of shared books only, in get, query and changes', async () => {
    await shareTeam(READ);
    const [, got] = await asBob('ContactCard/get', { ids: [shared, secret] });
    expect((got.list as Result[]).map((c) => c.id)).toEqual([shared]);
    expect(got.notFound).toEqual([secret]);
    const [, query] = await asBob('ContactCard/query', {});
    expect(query.ids).toEqual([shared]);
    const [, before] = await asBob('ContactCard/get', { ids: [] });
    await asAlice('ContactCard/set', { update: { [shared]: { addressBookIds: { [personal]: true } } } });
    const [, changes] = await asBob('ContactCard/changes', { sinceState: before.state });
    expect(changes.destroyed).toContain(shared);
    await asAlice('ContactCard/set', { update: { [shared]: { addressBookIds: { [team]: true } } } });
  });

  it('refuses writes without mayWrite, and allows them with it', async () => {
    await shareTeam(READ);
    const [, refused] = await asBob('ContactCard/set', {
      create: { n: card('Frank', team) },
      update: { [shared]: { 'name/components': [{ kind: 'given', value: 'Dan' }] } },
      destroy: [shared, secret],
    });
    expect(refused.notCreated).toMatchObject({ n: { type: 'forbidden' } });
    expect(refused.notUpdated).toMatchObject({ [shared]: { type: 'forbidden' } });
    expect(refused.notDestroyed).toMatchObject({
      [shared]: { type: 'forbidden' },
      [secret]: { type: 'notFound' },
    });

    await shareTeam(WRITE);
    const [, written] = await asBob('ContactCard/set', {
      create: {
        n: card('Frank', team),
        elsewhere: card('Gina', personal),
        nowhere: { name: { full: 'No book' } },
      },
      update: { [shared]: { 'name/components': [{ kind: 'given', value: 'Dan' }] } },
    });
    const frank = (written.created as Record<string, { id: string }>).n!.id;
    expect(written.notCreated).toMatchObject({
      elsewhere: { type: 'forbidden' },
      nowhere: { type: 'forbidden' },
    });
    expect(written.updated).toEqual({ [shared]: null });
    // Not moved out of reach into a book he may not write.
    const [, moved] = await asBob('ContactCard/set', {
      update: { [frank]: { addressBookIds: { [personal]: true } } },
    });
    expect(moved.notUpdated).toMatchObject({ [frank]: { type: 'forbidden' } });
    const [, destroyed] = await asBob('ContactCard/set', { destroy: [frank] });
    expect(destroyed.destroyed).toEqual([frank]);
  });

  it('copies cards between accounts where the rights permit (RFC 9610 §3.5)', async () => {
    await shareTeam(READ);
    // From alice's shared book into bob's own account.
    const [name, copied] = await callAs(f.bob, 'ContactCard/copy', {
      fromAccountId: f.alice.accountId,
      accountId: f.bob.accountId,
      create: { c: { id: shared }, hidden: { id: secret } },
    });
    expect(name).toBe('ContactCard/copy');
    expect(copied.notCreated).toMatchObject({ hidden: { type: 'notFound' } });
    const copyId = (copied.created as Record<string, { id: string }>).c!.id;
    const [, own] = await callAs(f.bob, 'ContactCard/get', { accountId: f.bob.accountId, ids: [copyId] });
    expect((own.list as Result[])[0]).toMatchObject({ emails: { e1: { address: 'dana@example.org' } } });

    // Into alice's book: only with mayWrite there.
    const [, refused] = await callAs(f.bob, 'ContactCard/copy', {
      fromAccountId: f.bob.accountId,
      create: { back: { id: copyId, addressBookIds: { [team]: true } } },
    });
    expect(refused.notCreated).toMatchObject({ back: { type: 'forbidden' } });
    await shareTeam(WRITE);
    const [, allowed] = await callAs(f.bob, 'ContactCard/copy', {
      fromAccountId: f.bob.accountId,
      create: { back: { id: copyId, addressBookIds: { [team]: true } } },
    });
    expect(allowed.created).toMatchObject({ back: { id: expect.any(String) } });
  });

  it('takes the account away when the share is revoked', async () => {
    await shareTeam(null);
    for (const name of ['AddressBook/get', 'ContactCard/get', 'ContactCard/query', 'ContactCard/set']) {
      const [response, error] = await asBob(name, {});
      expect([response, error.type]).toEqual(['error', 'accountNotFound']);
    }
    const [response, error] = await callAs(f.bob, 'ContactCard/copy', {
      fromAccountId: f.alice.accountId,
      accountId: f.bob.accountId,
      create: { c: { id: shared } },
    });
    expect([response, error.type]).toEqual(['error', 'fromAccountNotFound']);
  });
});
