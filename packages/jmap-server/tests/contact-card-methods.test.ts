import { Capability } from '@colibri/jmap-types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callOne } from './support/call-using.js';
import { openFixture } from './support/fixture.js';
import { aliceIdentityId, callSubmission, importDraft } from './support/submissions.js';
import type { Fixture } from './support/fixture.js';

let f: Fixture;
const USING = [Capability.Core, Capability.Contacts];
const call = (name: string, args: Record<string, unknown>, expected = name) =>
  callOne(f, USING, name, args, expected);
type Objects = Record<string, Record<string, unknown>>;

/** RFC 9553 §1.3's example card (John Doe), with an email and phone. */
const john = {
  '@type': 'Card',
  version: '1.0',
  uid: '22B2C7DF-9120-4969-8460-05956FE6B065',
  kind: 'individual',
  name: {
    components: [
      { kind: 'given', value: 'John' },
      { kind: 'surname', value: 'Doe' },
    ],
    isOrdered: true,
  },
  emails: { e1: { address: 'john.doe@example.com', contexts: { work: true } } },
  phones: { p1: { number: '+1-555-555-5555', features: { voice: true } } },
  organizations: { o1: { name: 'ABC, Inc.' } },
  addresses: { a1: { components: [{ kind: 'locality', value: 'Anytown' }], countryCode: 'US' } },
  notes: { n1: { note: 'Met at the conference' } },
  nicknames: { k1: { name: 'Johnny' } },
};

/** RFC 9553 §2.1.6's group example. */
const family = {
  '@type': 'Card',
  version: '1.0',
  kind: 'group',
  uid: 'urn:uuid:ab4310aa-fa43-11e9-8f0b-362b9e155667',
  name: { full: 'The Doe family' },
  members: {
    'urn:uuid:03a0e51f-d1aa-4385-8a53-e29025acd8af': true,
    'urn:uuid:b8767877-b4a1-4c70-9acc-505d3819e519': true,
  },
};

const jane = {
  name: {
    components: [
      { kind: 'given', value: 'Jane' },
      { kind: 'surname', value: 'Austen' },
    ],
  },
  emails: { e: { address: 'jane@austen.example' } },
};

const ids: Record<string, string> = {};

beforeAll(async () => {
  f = await openFixture();
  const set = await call('ContactCard/set', { create: { john, family, jane } });
  for (const [key, value] of Object.entries(set.created as Objects)) ids[key] = value.id as string;
  if (Object.keys(ids).length !== 3) throw new Error(JSON.stringify(set.notCreated));
});
afterAll(() => f.close());

/** The cards of the organisation directory (the read-only book), by name. */
async function directoryIds(): Promise<string[]> {
  const books = (await call('AddressBook/get', {})).list as Record<string, unknown>[];
  const directory = books.find((b) => b.name === 'Directory')!.id as string;
  return query({ inAddressBook: directory });
}

async function query(filter: unknown, sort?: unknown): Promise<string[]> {
  return (await call('ContactCard/query', { filter, ...(sort ? { sort } : {}) })).ids as string[];
}

describe('ContactCard/set and /get (RFC 9610 §3.1, §3.4)', () => {
  it('returns the card as created, with its id and the default book', async () => {
    const [card] = (await call('ContactCard/get', { ids: [ids.john] })).list as Record<string, unknown>[];
    const books = (await call('AddressBook/get', {})).list as Record<string, unknown>[];
    const def = books.find((b) => b.isDefault)!.id as string;
    expect(card).toEqual({ ...john, id: ids.john, addressBookIds: { [def]: true } });
  });

  it('fills in @type, version and uid on create, and reports the server-set ones', async () => {
    const set = await call('ContactCard/set', { create: { x: { name: { full: 'Minimal' } } } });
    const created = (set.created as Objects).x!;
    expect(created).toMatchObject({ id: expect.any(String), uid: expect.stringMatching(/^urn:uuid:/) });
    const [card] = (
      await call('ContactCard/get', { ids: [created.id], properties: ['@type', 'version', 'uid'] })
    ).list as Record<string, unknown>[];
    expect(card).toEqual({ id: created.id, '@type': 'Card', version: '1.0', uid: created.uid });
    await call('ContactCard/set', { destroy: [created.id] });
  });

  it('refuses invalid cards with invalidProperties naming each property', async () => {
    const set = await call('ContactCard/set', {
      create: {
        type: { '@type': 'Group' },
        email: { emails: { e1: { address: 'not an address' } } },
        phone: { phones: { p1: {} } },
        name: { name: { components: [{ kind: 'given' }] } },
        members: { members: { x: true } },
        kind: { kind: 'Person!' },
        address: { addresses: { a: { countryCode: 'USA' } } },
        books: { addressBookIds: { nope: true } },
        id: { id: 'x' },
      },
    });
    const props = Object.fromEntries(
      Object.entries(set.notCreated as Objects).map(([k, v]) => [k, v.properties]),
    );
    expect(props).toEqual({
      type: ['@type'],
      email: ['emails/e1/address'],
      phone: ['phones/p1/number'],
      name: ['name/components'],
      members: ['members'],
      kind: ['kind'],
      address: ['addresses/a/countryCode'],
      books: ['addressBookIds'],
      id: ['id'],
    });
  });

  it('applies a PatchObject to nested properties; uid is immutable', async () => {
    const { state } = await call('ContactCard/get', { ids: [] });
    const ok = await call('ContactCard/set', {
      update: { [ids.jane!]: { 'emails/e/address': 'jane@bath.example', nicknames: { n: { name: 'JA' } } } },
    });
    expect(ok.updated).toEqual({ [ids.jane!]: null });
    const [card] = (await call('ContactCard/get', { ids: [ids.jane], properties: ['emails', 'nicknames'] }))
      .list as Record<string, unknown>[];
    expect(card).toMatchObject({
      emails: { e: { address: 'jane@bath.example' } },
      nicknames: { n: { name: 'JA' } },
    });
    expect((await call('ContactCard/changes', { sinceState: state })).updated).toEqual([ids.jane]);
    const bad = await call('ContactCard/set', {
      update: { [ids.jane!]: { uid: 'other' }, [ids.john!]: { 'phones/p1/number': 5 } },
    });
    expect((bad.notUpdated as Objects)[ids.jane!]).toMatchObject({ properties: ['uid'] });
    expect((bad.notUpdated as Objects)[ids.john!]).toMatchObject({ properties: ['phones/p1/number'] });
  });
});

describe('ContactCard/query (RFC 9610 §3.3)', () => {
  it('filters by each condition', async () => {
    expect(await query({ kind: 'group' })).toEqual([ids.family]);
    expect(await query({ hasMember: 'urn:uuid:03a0e51f-d1aa-4385-8a53-e29025acd8af' })).toEqual([ids.family]);
    expect(await query({ uid: john.uid })).toEqual([ids.john]);
    expect(await query({ 'name/given': 'joh' })).toEqual([ids.john]);
    expect(await query({ 'name/surname': 'austen' })).toEqual([ids.jane]);
    expect(await query({ name: 'doe family' })).toEqual([ids.family]);
    expect(await query({ email: 'john.doe@' })).toEqual([ids.john]);
    expect(await query({ phone: '555-5555' })).toEqual([ids.john]);
    expect(await query({ organization: 'abc' })).toEqual([ids.john]);
    expect(await query({ address: 'anytown' })).toEqual([ids.john]);
    expect(await query({ note: 'conference' })).toEqual([ids.john]);
    expect(await query({ nickname: 'johnny' })).toEqual([ids.john]);
    expect(await query({ text: 'bath.example' })).toEqual([ids.jane]);
    expect(await query({ createdBefore: '2000-01-01T00:00:00Z' })).toEqual([]);
    // The organisation directory's two people (alice and bob) come after the account's own cards.
    expect(await query({ updatedAfter: '2000-01-01T00:00:00Z' })).toEqual([
      ids.jane,
      ids.john,
      ids.family,
      ...(await directoryIds()),
    ]);
    expect(await query({ operator: 'NOT', conditions: [{ kind: 'individual' }] })).toEqual([ids.family]);
  });

  it('combines nested AND, OR and NOT (RFC 8620 §5.5); text is a case-insensitive substring', async () => {
    const either = { operator: 'OR', conditions: [{ 'name/surname': 'AUST' }, { nickname: 'ohnn' }] };
    expect(await query(either)).toEqual([ids.jane, ids.john]);
    expect(
      await query({
        operator: 'AND',
        conditions: [either, { operator: 'NOT', conditions: [{ phone: '555' }] }],
      }),
    ).toEqual([ids.jane]);
    // Shorter than a trigram, and a substring spanning two values, which is not in either.
    expect(await query({ 'name/given': 'oh' })).toEqual([ids.john]);
    expect(await query({ text: 'johndoe' })).toEqual([]);
    expect(await query({ text: 'US' })).toEqual([ids.jane, ids.john]); // Austen, and countryCode US
    const tooMany = { operator: 'AND', conditions: Array.from({ length: 200 }, () => ({ kind: 'x' })) };
    const error = await call('ContactCard/query', { filter: tooMany }, 'error');
    expect(error.type).toBe('invalidArguments');
  });

  it('sorts by name/surname and name/given', async () => {
    const books = (await call('AddressBook/get', {})).list as Record<string, unknown>[];
    const own = books.find((b) => b.isDefault)!.id as string;
    const people = { operator: 'AND', conditions: [{ kind: 'individual' }, { inAddressBook: own }] };
    expect(await query(people, [{ property: 'name/surname' }])).toEqual([ids.jane, ids.john]);
    expect(await query(people, [{ property: 'name/given', isAscending: false }])).toEqual([
      ids.john,
      ids.jane,
    ]);
    const error = await call('ContactCard/query', { sort: [{ property: 'nope' }] }, 'error');
    expect(error.type).toBe('unsupportedSort');
  });

  it('autocompletes by word or email prefix, most recently used first', async () => {
    expect(await query({ prefix: 'ja' })).toEqual([ids.jane]);
    expect(await query({ prefix: 'john.d' })).toEqual([ids.john]);
    await f.store.markContactsUsed(f.alice.accountId, ['john.doe@example.com']);
    expect(await query({ prefix: 'j' }, [{ property: 'recentlyUsed' }])).toEqual([ids.john, ids.jane]);
  });

  it('reports query changes since a query state (RFC 8620 §5.6)', async () => {
    const before = await call('ContactCard/query', { filter: { kind: 'individual' } });
    const set = await call('ContactCard/set', { create: { n: { name: { full: 'Newcomer' } } } });
    const id = (set.created as Objects).n!.id as string;
    const changes = await call('ContactCard/queryChanges', {
      filter: { kind: 'individual' },
      sinceQueryState: before.queryState,
    });
    expect(changes.removed).toEqual([id]);
    expect(changes.added).toEqual([{ id, index: expect.any(Number) }]);
    await call('ContactCard/set', { destroy: [id] });
  });
});

describe('ranking by use', () => {
  it('a contact written to through EmailSubmission/set comes first in autocomplete', async () => {
    const set = await call('ContactCard/set', {
      create: { bob: { name: { full: 'Bob Martin' }, emails: { e: { address: 'bob@colibri.test' } } } },
    });
    const bob = (set.created as Objects).bob!.id as string;
    const recent = [{ property: 'recentlyUsed' }];
    expect((await query({ prefix: 'b' }, recent))[0]).not.toBe(bob);
    const draft = await importDraft(f, { Cc: null });
    await callSubmission(f, [
      [
        'EmailSubmission/set',
        {
          accountId: f.alice.accountId,
          create: { s: { identityId: await aliceIdentityId(f), emailId: draft.id } },
        },
        's',
      ],
    ]);
    expect((await query({ prefix: 'b' }, recent))[0]).toBe(bob);
  });
});

describe('ContactCard/copy (RFC 9610 §3.5)', () => {
  it('refuses a source account the principal cannot read and a copy into the same account', async () => {
    const foreign = await call('ContactCard/copy', { fromAccountId: f.bob.accountId, create: {} }, 'error');
    expect(foreign.type).toBe('fromAccountNotFound');
    const same = await call('ContactCard/copy', { fromAccountId: f.alice.accountId, create: {} }, 'error');
    expect(same.type).toBe('invalidArguments');
  });
});
