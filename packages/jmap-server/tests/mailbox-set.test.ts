import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openFixture, resultOf } from './support/fixture.js';
import type { Fixture } from './support/fixture.js';

// Each test writes: a fresh store per test.
let f: Fixture;
beforeEach(async () => {
  f = await openFixture();
});
afterEach(() => f.close());

type Wire = Record<string, unknown>;
const account = () => f.alice.accountId;
const set = async (args: Wire) =>
  resultOf(await f.call([['Mailbox/set', { accountId: account(), ...args }, 's']]), 'Mailbox/set');
const mailboxes = async () =>
  resultOf(await f.call([['Mailbox/get', { accountId: account(), ids: null }, 'g']]), 'Mailbox/get')
    .list as Wire[];
const byName = async (name: string) => (await mailboxes()).find((m) => m.name === name);
const state = async (method: 'Email/get' | 'Mailbox/get') =>
  resultOf(await f.call([[method, { accountId: account(), ids: [] }, 'g']]), method).state as string;
const changes = async (method: 'Email/changes' | 'Mailbox/changes', sinceState: string) =>
  resultOf(await f.call([[method, { accountId: account(), sinceState }, 'c']]), method) as {
    created: string[];
    updated: string[];
    destroyed: string[];
  };
const OWNER_RIGHTS = {
  mayReadItems: true,
  mayAddItems: true,
  mayRemoveItems: true,
  maySetSeen: true,
  maySetKeywords: true,
  mayCreateChild: true,
  mayRename: true,
  mayDelete: true,
  maySubmit: true,
  mayShare: true,
};

describe('Mailbox/set create (RFC 8621 §2.5, RFC 8620 §5.3)', () => {
  it('creates a mailbox, answering the id, server-set and default values, and logs it', async () => {
    const before = await state('Mailbox/get');
    const result = await set({ create: { w: { name: 'Work', sortOrder: 4 } } });
    const created = (result.created as Record<string, Wire>).w;
    expect(created).toEqual({
      id: expect.any(String),
      parentId: null,
      role: null,
      isSubscribed: true,
      totalEmails: 0,
      unreadEmails: 0,
      totalThreads: 0,
      unreadThreads: 0,
      myRights: OWNER_RIGHTS,
      shareWith: null,
    });
    expect(result).toMatchObject({ oldState: before, notCreated: null, updated: null, destroyed: null });
    expect(result.newState).not.toBe(before);
    expect(await byName('Work')).toMatchObject({ id: created?.id, sortOrder: 4, parentId: null });
    expect((await changes('Mailbox/changes', before)).created).toEqual([created?.id]);
  });

  it('resolves #creationId parents within the call, whatever the order of the creates', async () => {
    const result = await set({
      create: {
        child: { name: 'Colibri', parentId: '#parent' },
        grandchild: { name: 'Specs', parentId: '#child' },
        parent: { name: 'Projects' },
      },
    });
    const created = result.created as Record<string, Wire>;
    expect(Object.keys(created).sort()).toEqual(['child', 'grandchild', 'parent']);
    expect(await byName('Colibri')).toMatchObject({ parentId: created.parent?.id });
    expect(await byName('Specs')).toMatchObject({ parentId: created.child?.id });
  });

  it('lets a later call of the request use the creation id (RFC 8620 §5.3 createdIds)', async () => {
    const response = await f.call([
      ['Mailbox/set', { accountId: account(), create: { n: { name: 'Notes' } } }, 'a'],
      ['Mailbox/set', { accountId: account(), update: { '#n': { sortOrder: 9 } } }, 'b'],
      ['Mailbox/set', { accountId: account(), create: { c: { name: 'Inner', parentId: '#n' } } }, 'c'],
    ]);
    const id = (resultOf(response, 'Mailbox/set', 0).created as Record<string, Wire>).n?.id;
    // The response names the mailbox by its id (`updated`'s keys are ids), not by `#n`.
    expect(resultOf(response, 'Mailbox/set', 1).updated).toEqual({ [id as string]: null });
    expect(resultOf(response, 'Mailbox/set', 2).notCreated).toBeNull();
    expect(await byName('Notes')).toMatchObject({ id, sortOrder: 9 });
    expect(await byName('Inner')).toMatchObject({ parentId: id });
  });

  it('refuses invalid creates with invalidProperties naming every bad property, storing nothing', async () => {
    const before = await state('Mailbox/get');
    const result = await set({
      create: {
        noName: { sortOrder: 1 },
        serverSet: { name: 'A', totalEmails: 0, myRights: OWNER_RIGHTS },
        withId: { name: 'B', id: 'Mxxxxxxxxxxxxxxxx' },
        unknown: { name: 'C', colour: 'red' },
        badValues: { name: 'D', sortOrder: -1, isSubscribed: 'yes', parentId: 'not an id!' },
        blank: { name: '   ' },
        control: { name: 'a\u0007b' },
        // 128 × "é" is 256 octets of UTF-8: over maxSizeMailboxName (255).
        tooLong: { name: 'é'.repeat(128) },
      },
    });
    expect(result.created).toBeNull();
    const notCreated = result.notCreated as Record<string, { type: string; properties: string[] }>;
    const properties = Object.fromEntries(
      Object.entries(notCreated).map(([id, error]) => [id, [error.type, ...error.properties.sort()]]),
    );
    expect(properties).toEqual({
      noName: ['invalidProperties', 'name'],
      serverSet: ['invalidProperties', 'myRights', 'totalEmails'],
      withId: ['invalidProperties', 'id'],
      unknown: ['invalidProperties', 'colour'],
      badValues: ['invalidProperties', 'isSubscribed', 'parentId', 'sortOrder'],
      blank: ['invalidProperties', 'name'],
      control: ['invalidProperties', 'name'],
      tooLong: ['invalidProperties', 'name'],
    });
    expect(result.newState).toBe(before);
    expect(await mailboxes()).toHaveLength(2);
  });

  it('refuses a sibling with the same name, a taken or unknown role, an unknown parent', async () => {
    const bobInbox = (await f.store.listMailboxes(f.bob.accountId as never))[0]?.id as string;
    const result = await set({
      create: {
        sameName: { name: 'Archive' },
        takenRole: { name: 'Inbox 2', role: 'inbox' },
        unknownRole: { name: 'Flagged', role: 'flagged' },
        unknownParent: { name: 'Orphan', parentId: 'Mnothere000000000' },
        unknownCreation: { name: 'Orphan 2', parentId: '#nothing' },
        othersParent: { name: 'Sneaky', parentId: bobInbox },
      },
    });
    const notCreated = result.notCreated as Record<string, { type: string; properties: string[] }>;
    expect(notCreated.sameName).toMatchObject({ type: 'invalidProperties', properties: ['name'] });
    expect(notCreated.takenRole).toMatchObject({ type: 'invalidProperties', properties: ['role'] });
    expect(notCreated.unknownRole).toMatchObject({ type: 'invalidProperties', properties: ['role'] });
    for (const id of ['unknownParent', 'unknownCreation', 'othersParent'])
      expect(notCreated[id]).toMatchObject({ type: 'invalidProperties', properties: ['parentId'] });
    // The same name under another parent is fine.
    const nested = await set({ create: { a: { name: 'Archive', parentId: f.archive.id } } });
    expect(nested.notCreated).toBeNull();
  });

  it('refuses a mailbox deeper than maxMailboxDepth (RFC 8621 §1.3.1)', async () => {
    const session = await f.engine.getSession(f.alice, 'http://localhost');
    const capability = session.accounts[account()]?.accountCapabilities['urn:ietf:params:jmap:mail'] as {
      maxMailboxDepth: number;
    };
    const depth = capability.maxMailboxDepth;
    const chain = Object.fromEntries(
      Array.from({ length: depth + 1 }, (_, n) => [
        `d${n}`,
        n === 0 ? { name: 'Level 0' } : { name: `Level ${n}`, parentId: `#d${n - 1}` },
      ]),
    );
    const result = await set({ create: chain });
    expect(Object.keys(result.created as object)).toHaveLength(depth);
    expect(result.notCreated).toEqual({
      [`d${depth}`]: expect.objectContaining({ type: 'invalidProperties', properties: ['parentId'] }),
    });
  });

  it('refuses creates that name each other as parents', async () => {
    const result = await set({
      create: { a: { name: 'A', parentId: '#b' }, b: { name: 'B', parentId: '#a' } },
    });
    expect(result.created).toBeNull();
    expect(Object.keys(result.notCreated as object).sort()).toEqual(['a', 'b']);
  });
});

describe('Mailbox/set update (RFC 8621 §2.5, RFC 8620 §5.3)', () => {
  it('renames, moves, reorders and unsubscribes, and logs the update', async () => {
    const { created } = await set({ create: { p: { name: 'Projects' }, w: { name: 'Work' } } });
    const ids = created as Record<string, Wire>;
    const [projects, work] = [ids.p?.id as string, ids.w?.id as string];
    const before = await state('Mailbox/get');
    const result = await set({
      update: { [work]: { name: 'Colibri', parentId: projects, sortOrder: 3, isSubscribed: false } },
    });
    expect(result).toMatchObject({ oldState: before, updated: { [work]: null }, notUpdated: null });
    expect(await byName('Colibri')).toMatchObject({
      id: work,
      parentId: projects,
      sortOrder: 3,
      isSubscribed: false,
    });
    expect((await changes('Mailbox/changes', before)).updated).toEqual([work]);
    // A name the server trims is reported back (§5.3: changed otherwise than asked).
    expect((await set({ update: { [work]: { name: ' Colibri 2 ' } } })).updated).toEqual({
      [work]: { name: 'Colibri 2' },
    });
  });

  it('accepts server-set properties repeated with their current value, refuses changed ones', async () => {
    const inbox = (await mailboxes()).find((m) => m.id === f.inbox.id) as Wire;
    const same = await set({
      update: { [f.archive.id]: { totalEmails: 1, myRights: OWNER_RIGHTS, id: f.archive.id, sortOrder: 5 } },
    });
    expect(same.updated).toEqual({ [f.archive.id]: null });
    const result = await set({
      update: {
        [f.inbox.id]: { totalEmails: (inbox.totalEmails as number) + 1 },
        [f.archive.id]: { 'myRights/mayDelete': false, unreadThreads: 7 },
      },
    });
    expect(result.notUpdated).toEqual({
      [f.inbox.id]: expect.objectContaining({ type: 'invalidProperties', properties: ['totalEmails'] }),
      [f.archive.id]: expect.objectContaining({
        type: 'invalidProperties',
        properties: ['myRights', 'unreadThreads'],
      }),
    });
    expect((await set({ update: { [f.archive.id]: { 'name/x': 'y' } } })).notUpdated).toEqual({
      [f.archive.id]: expect.objectContaining({ type: 'invalidPatch' }),
    });
  });

  it('refuses loops, sibling clashes, a taken role, unknown ids, and leaves the mailbox as it was', async () => {
    const { created } = await set({
      create: { p: { name: 'Projects' }, c: { name: 'Colibri', parentId: '#p' }, n: { name: 'Archive 2' } },
    });
    const ids = created as Record<string, Wire>;
    const [projects, colibri, other] = [ids.p?.id as string, ids.c?.id as string, ids.n?.id as string];
    const before = await state('Mailbox/get');
    const result = await set({
      update: {
        [projects]: { parentId: colibri },
        [other]: { name: 'Archive' },
        [colibri]: { role: 'archive' },
        Mnothere000000000: { name: 'X' },
        [f.inbox.id]: { role: null },
      },
    });
    expect(result.updated).toBeNull();
    expect(result.notUpdated).toEqual({
      [projects]: expect.objectContaining({ type: 'invalidProperties', properties: ['parentId'] }),
      [other]: expect.objectContaining({ type: 'invalidProperties', properties: ['name'] }),
      [colibri]: expect.objectContaining({ type: 'invalidProperties', properties: ['role'] }),
      Mnothere000000000: { type: 'notFound' },
      [f.inbox.id]: expect.objectContaining({ type: 'forbidden' }),
    });
    expect(result.newState).toBe(before);
    expect(await byName('Projects')).toMatchObject({ parentId: null });
    // bob's mailboxes are not found for alice.
    const bobInbox = (await f.store.listMailboxes(f.bob.accountId as never))[0]?.id as string;
    expect((await set({ update: { [bobInbox]: { name: 'Mine' } } })).notUpdated).toEqual({
      [bobInbox]: { type: 'notFound' },
    });
  });

  it('moves a role from one mailbox to another within one call (updates in order)', async () => {
    const { created } = await set({ create: { b: { name: 'Old stuff' } } });
    const other = (created as Record<string, Wire>).b?.id as string;
    const result = await set({ update: { [f.archive.id]: { role: null }, [other]: { role: 'archive' } } });
    expect(result.notUpdated).toBeNull();
    expect(await byName('Old stuff')).toMatchObject({ role: 'archive' });
  });
});

describe('Mailbox/set destroy (RFC 8621 §2.5)', () => {
  it('destroys an empty mailbox; refuses mailboxHasChild, mailboxHasEmail, the inbox, unknown ids', async () => {
    const { created } = await set({
      create: { e: { name: 'Empty' }, p: { name: 'Parent' }, c: { name: 'Child', parentId: '#p' } },
    });
    const ids = created as Record<string, Wire>;
    const before = await state('Mailbox/get');
    const emailState = await state('Email/get');
    const result = await set({
      destroy: [ids.e?.id, ids.p?.id, f.archive.id, f.inbox.id, 'Mnothere000000000'],
    });
    expect(result.destroyed).toEqual([ids.e?.id]);
    expect(result.notDestroyed).toEqual({
      [ids.p?.id as string]: expect.objectContaining({ type: 'mailboxHasChild' }),
      [f.archive.id]: expect.objectContaining({ type: 'mailboxHasEmail' }),
      [f.inbox.id]: expect.objectContaining({ type: 'forbidden' }),
      Mnothere000000000: { type: 'notFound' },
    });
    expect((await changes('Mailbox/changes', before)).destroyed).toEqual([ids.e?.id]);
    expect(await state('Email/get')).toBe(emailState);
    expect((await mailboxes()).find((m) => m.id === f.archive.id)).toMatchObject({ totalEmails: 1 });
  });

  it('destroys a parent with its child in one call, whatever their order', async () => {
    const { created } = await set({
      create: { p: { name: 'Parent' }, c: { name: 'Child', parentId: '#p' } },
    });
    const ids = created as Record<string, Wire>;
    const result = await set({ destroy: [ids.p?.id, ids.c?.id] });
    expect((result.destroyed as string[]).sort()).toEqual([ids.p?.id, ids.c?.id].sort());
    expect(result.notDestroyed).toBeNull();
  });

  it('with onDestroyRemoveEmails, destroys emails only in it and takes the others out', async () => {
    const { created } = await set({ create: { s: { name: 'Shared' } } });
    const shared = (created as Record<string, Wire>).s?.id as string;
    const invite = f.emails.lunchInvite.id;
    const invoice = f.emails.invoice.id;
    const moved = await f.call([
      ['Email/set', { accountId: account(), update: { [invite]: { [`mailboxIds/${shared}`]: true } } }, 'm'],
    ]);
    expect(resultOf(moved, 'Email/set').notUpdated).toBeNull();
    const inboxBefore = (await mailboxes()).find((m) => m.id === f.inbox.id);
    const emailBefore = await state('Email/get');

    const result = await set({ destroy: [shared, f.archive.id], onDestroyRemoveEmails: true });
    expect((result.destroyed as string[]).sort()).toEqual([shared, f.archive.id].sort());
    const email = await f.call([
      ['Email/get', { accountId: account(), ids: [invite, invoice], properties: ['mailboxIds'] }, 'g'],
    ]);
    expect(resultOf(email, 'Email/get')).toMatchObject({
      list: [{ id: invite, mailboxIds: { [f.inbox.id]: true } }],
      notFound: [invoice],
    });
    expect((await mailboxes()).find((m) => m.id === f.inbox.id)).toEqual(inboxBefore);
    expect(await changes('Email/changes', emailBefore)).toMatchObject({
      created: [],
      updated: [invite],
      destroyed: [invoice],
    });
    expect((await f.store.checkIntegrity()).problems).toEqual([]);
  });
});

describe('Mailbox/set arguments (RFC 8620 §5.3)', () => {
  it('answers stateMismatch for a stale ifInState and changes nothing', async () => {
    const current = await state('Mailbox/get');
    const stale = await f.call([
      ['Mailbox/set', { accountId: account(), ifInState: 'stale', create: { x: { name: 'X' } } }, 's'],
    ]);
    expect(stale.methodResponses[0]).toMatchObject(['error', { type: 'stateMismatch' }, 's']);
    expect(await byName('X')).toBeUndefined();
    const fresh = await set({ ifInState: current, create: { x: { name: 'X' } } });
    expect(fresh.notCreated).toBeNull();
  });

  it('refuses bad arguments with invalidArguments, and other accounts with accountNotFound', async () => {
    const bad = await f.call([
      ['Mailbox/set', { accountId: account(), destroy: [f.archive.id], onDestroyRemoveEmails: 'yes' }, 'a'],
      ['Mailbox/set', { accountId: account(), create: [] }, 'b'],
      ['Mailbox/set', { accountId: f.bob.accountId, create: { x: { name: 'X' } } }, 'c'],
    ]);
    expect(bad.methodResponses.map((r) => [r[0], (r[1] as { type?: string }).type])).toEqual([
      ['error', 'invalidArguments'],
      ['error', 'invalidArguments'],
      ['error', 'accountNotFound'],
    ]);
    expect(await mailboxes()).toHaveLength(2);
  });
});
