import { Capability } from '@colibri/jmap-types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callOne } from './support/call-using.js';
import { openFixture, resultOf } from './support/fixture.js';
import { aliceIdentityId, callSubmission, importDraft } from './support/submissions.js';
import type { Fixture } from './support/fixture.js';

let f: Fixture;
const USING = [Capability.Core, Capability.Contacts];
const call = (name: string, args: Record<string, unknown>, expected = name) =>
  callOne(f, USING, name, args, expected);
type Objects = Record<string, Record<string, unknown>>;

beforeAll(async () => {
  f = await openFixture();
});
afterAll(() => f.close());

async function books(): Promise<Record<string, unknown>[]> {
  return (await call('AddressBook/get', {})).list as Record<string, unknown>[];
}

async function query(filter: unknown): Promise<string[]> {
  return (await call('ContactCard/query', { filter })).ids as string[];
}

async function cards(ids: string[]): Promise<Record<string, unknown>[]> {
  return (await call('ContactCard/get', { ids })).list as Record<string, unknown>[];
}

/** Sends a draft from alice with these headers through EmailSubmission/set. */
async function send(headers: Record<string, string | null>): Promise<void> {
  const draft = await importDraft(f, headers);
  const response = await callSubmission(f, [
    [
      'EmailSubmission/set',
      {
        accountId: f.alice.accountId,
        create: { s: { identityId: await aliceIdentityId(f), emailId: draft.id } },
      },
      's',
    ],
  ]);
  expect(Object.keys(resultOf(response, 'EmailSubmission/set').created as Objects)).toEqual(['s']);
}

describe('the organisation directory (issue 7)', () => {
  it('is a read-only address book every account of the domain sees', async () => {
    const directory = (await books()).find((b) => b.name === 'Directory');
    expect(directory).toMatchObject({
      isDefault: false,
      shareWith: null,
      myRights: { mayRead: true, mayWrite: false, mayShare: false, mayDelete: false },
    });
    const ids = await query({ inAddressBook: directory!.id });
    expect(ids).toHaveLength(2);
    const people = await cards(ids);
    expect(people.map((c) => (c.emails as Objects).work!.address)).toEqual(
      expect.arrayContaining(['alice@colibri.test', 'bob@colibri.test']),
    );
    expect(people[0]).toMatchObject({
      '@type': 'Card',
      kind: 'individual',
      addressBookIds: { [directory!.id as string]: true },
    });
    // bob sees the same book and the same people.
    const asBob = await f.engine.handleRequest(f.bob, {
      using: USING,
      methodCalls: [
        ['ContactCard/query', { accountId: f.bob.accountId, filter: { inAddressBook: directory!.id } }, 'q'],
      ],
    });
    expect(asBob.status).toBe(200);
    expect(resultOf(asBob.body as never, 'ContactCard/query').ids).toEqual(ids);
  });

  it('answers text, email and prefix filters and /get with no ids', async () => {
    const directory = (await books()).find((b) => b.name === 'Directory')!.id as string;
    const all = await query({ inAddressBook: directory });
    const [bob] = await query({
      operator: 'AND',
      conditions: [{ email: 'BOB@colibri' }, { inAddressBook: directory }],
    });
    expect(all).toContain(bob);
    expect(await query({ prefix: 'bob@co' })).toContain(bob);
    expect(await query({ text: 'b@colibri.te' })).toEqual([bob]);
    expect(await query({ operator: 'NOT', conditions: [{ inAddressBook: directory }] })).not.toContain(bob);
    const listed = (await call('ContactCard/get', { ids: null })).list as Record<string, unknown>[];
    expect(listed.map((c) => c.id)).toEqual(expect.arrayContaining(all));
  });

  it('refuses every write to the directory with forbidden', async () => {
    const directory = (await books()).find((b) => b.name === 'Directory')!.id as string;
    const [someone] = await query({ inAddressBook: directory });
    const set = await call('ContactCard/set', {
      create: { x: { name: { full: 'Intruder' }, addressBookIds: { [directory]: true } } },
      update: { [someone!]: { name: { full: 'Renamed' } } },
      destroy: [someone],
    });
    expect((set.notCreated as Objects).x).toMatchObject({ type: 'forbidden' });
    expect((set.notUpdated as Objects)[someone!]).toMatchObject({ type: 'forbidden' });
    expect((set.notDestroyed as Objects)[someone!]).toMatchObject({ type: 'forbidden' });
    const books2 = await call('AddressBook/set', {
      update: { [directory]: { name: 'Mine now' } },
      destroy: [directory],
    });
    expect((books2.notUpdated as Objects)[directory]).toMatchObject({ type: 'forbidden' });
    expect((books2.notDestroyed as Objects)[directory]).toMatchObject({ type: 'forbidden' });
    // Moving one of the account's own cards into it is refused too.
    const own = await call('ContactCard/set', { create: { o: { name: { full: 'Own' } } } });
    const id = (own.created as Objects).o!.id as string;
    const move = await call('ContactCard/set', {
      update: { [id]: { addressBookIds: { [directory]: true } } },
    });
    expect((move.notUpdated as Objects)[id]).toMatchObject({ type: 'forbidden' });
    await call('ContactCard/set', { destroy: [id] });
  });

  it('a colleague who arrives or leaves shows in ContactCard/changes; another organisation does not', async () => {
    const since = (await call('ContactCard/get', { ids: [] })).state as string;
    const carol = await f.store.createAccount({
      email: 'carol@colibri.test',
      displayName: 'Carol Directory',
      passwordHash: 'h',
    });
    await f.store.createDomain('elsewhere.test');
    await f.store.createAccount({ email: 'dave@elsewhere.test', displayName: 'Dave', passwordHash: 'h' });
    const arrived = await call('ContactCard/changes', { sinceState: since });
    expect(arrived).toMatchObject({ updated: [], destroyed: [] });
    expect(arrived.created).toHaveLength(1);
    const [card] = await cards(arrived.created as string[]);
    expect(card).toMatchObject({ name: { full: 'Carol Directory' } });
    await f.store.deleteAccount(carol.id);
    const left = await call('ContactCard/changes', { sinceState: arrived.newState });
    expect(left).toMatchObject({ created: [], updated: [], destroyed: arrived.created });
    expect(await cards(arrived.created as string[])).toEqual([]);
  });
});

describe('recently used addresses (issue 7)', () => {
  it('collects recipients with no card into the Recent book, named as the headers name them', async () => {
    await call('ContactCard/set', {
      create: { k: { name: { full: 'Known Person' }, emails: { e: { address: 'known@remote.test' } } } },
    });
    await send({
      To: 'Carol Remote <carol@remote.test>, known@remote.test',
      Cc: 'Bob Martin <bob@colibri.test>',
    });
    const recent = (await books()).find((b) => b['colibri:collectRecent'] !== undefined);
    expect(recent).toMatchObject({ name: 'Recent', isDefault: false, 'colibri:collectRecent': true });
    const ids = await query({ inAddressBook: recent!.id });
    // known@ has a card and bob is in the directory: only carol is collected.
    expect(ids).toHaveLength(1);
    const [carol] = await cards(ids);
    expect(carol).toMatchObject({
      kind: 'individual',
      name: { full: 'Carol Remote' },
      emails: { e1: { address: 'carol@remote.test' } },
    });
    // Sending again does not duplicate her; she is found by autocomplete.
    await send({ To: 'carol@remote.test', Cc: null });
    expect(await query({ inAddressBook: recent!.id })).toEqual(ids);
    expect(await query({ prefix: 'caro' })).toEqual(ids);
  });

  it('stops collecting once colibri:collectRecent is false; the book cannot be destroyed', async () => {
    const recent = (await books()).find((b) => b['colibri:collectRecent'] !== undefined)!;
    const own = (await books()).find((b) => b.isDefault)!;
    const bad = await call('AddressBook/set', {
      update: { [own.id as string]: { 'colibri:collectRecent': false } },
    });
    expect((bad.notUpdated as Objects)[own.id as string]).toMatchObject({
      type: 'invalidProperties',
      properties: ['colibri:collectRecent'],
    });
    const { state } = await call('AddressBook/get', { ids: [] });
    const off = await call('AddressBook/set', {
      update: { [recent.id as string]: { 'colibri:collectRecent': false } },
    });
    expect(off.updated).toEqual({ [recent.id as string]: null });
    expect((await call('AddressBook/changes', { sinceState: state })).updated).toEqual([recent.id]);
    expect((await books()).find((b) => b.id === recent.id)).toMatchObject({ 'colibri:collectRecent': false });
    const before = await query({ inAddressBook: recent.id });
    await send({ To: 'Dave Remote <dave@remote.test>', Cc: null });
    expect(await query({ inAddressBook: recent.id })).toEqual(before);
    const destroy = await call('AddressBook/set', { destroy: [recent.id], onDestroyRemoveContents: true });
    expect((destroy.notDestroyed as Objects)[recent.id as string]).toMatchObject({ type: 'forbidden' });
  });
});
