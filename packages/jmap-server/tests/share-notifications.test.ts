import { Capability } from '@colibri/jmap-types';
import type { JmapResponse } from '@colibri/jmap-types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../src/principal.js';
import { openFixture } from './support/fixture.js';
import type { Fixture } from './support/fixture.js';

let f: Fixture;
let work: string;
let team: string;
const USING = [Capability.Core, Capability.Calendars, Capability.Contacts, Capability.Principals];
type Result = Record<string, unknown>;
type Notice = {
  id: string;
  created: string;
  changedBy: Result;
  objectType: string;
  objectAccountId: string;
  objectId: string;
  name: string;
  oldRights: Result | null;
  newRights: Result | null;
};

/** One call made by `who`, in their own account unless `accountId` is given; [name, arguments]. */
async function callAs(who: Principal, name: string, args: Result): Promise<[string, Result]> {
  const { status, body } = await f.engine.handleRequest(who, {
    using: USING,
    methodCalls: [[name, { accountId: who.accountId, ...args }, 'c']],
  });
  if (status !== 200) throw new Error(`HTTP ${status}`);
  const [response] = (body as JmapResponse).methodResponses;
  return [response![0], response![1] as Result];
}
const asAlice = (name: string, args: Result) => callAs(f.alice, name, args);
const asBob = (name: string, args: Result) => callAs(f.bob, name, args);

const CALENDAR_RIGHTS = [
  'mayReadFreeBusy',
  'mayReadItems',
  'mayWriteAll',
  'mayWriteOwn',
  'mayUpdatePrivate',
  'mayRSVP',
  'mayAdmin',
  'mayDelete',
] as const;
const calendarRights = (...granted: string[]) =>
  Object.fromEntries(CALENDAR_RIGHTS.map((r) => [r, granted.includes(r)]));
const BOOK_READ = { mayRead: true, mayWrite: false, mayShare: false, mayDelete: false };

async function shareWork(rights: Result | null): Promise<void> {
  const [, result] = await asAlice('Calendar/set', {
    update: { [work]: { shareWith: rights === null ? null : { [f.bob.accountId]: rights } } },
  });
  expect(result.notUpdated).toBeNull();
}

async function bobsNotices(): Promise<Notice[]> {
  const [, result] = await asBob('ShareNotification/get', { ids: null });
  return result.list as Notice[];
}

beforeAll(async () => {
  f = await openFixture();
  const [, calendars] = await asAlice('Calendar/set', { create: { work: { name: 'Work' } } });
  work = (calendars.created as Record<string, { id: string }>).work!.id;
  const [, books] = await asAlice('AddressBook/set', { create: { team: { name: 'Team' } } });
  team = (books.created as Record<string, { id: string }>).team!.id;
});
afterAll(() => f.close());

describe('ShareNotification for calendars and address books (RFC 9670 §5)', () => {
  it('tells the sharee when a calendar is shared, their rights change and the share is removed', async () => {
    const [, before] = await asBob('ShareNotification/get', { ids: [] });
    const since = before.state as string;

    await shareWork(calendarRights('mayReadFreeBusy'));
    await shareWork(calendarRights('mayReadFreeBusy', 'mayReadItems'));
    await shareWork(calendarRights('mayReadFreeBusy', 'mayReadItems')); // no change: no notice
    await shareWork(null);

    const notices = await bobsNotices();
    expect(notices).toHaveLength(3);
    const alice = { name: 'Alice Durand', email: 'alice@colibri.test', principalId: f.alice.accountId };
    expect(notices[0]).toMatchObject({
      changedBy: alice,
      objectType: 'Calendar',
      objectAccountId: f.alice.accountId,
      objectId: work,
      name: 'Work',
      oldRights: null,
      newRights: calendarRights('mayReadFreeBusy'),
    });
    expect(notices[1]).toMatchObject({
      oldRights: calendarRights('mayReadFreeBusy'),
      newRights: calendarRights('mayReadFreeBusy', 'mayReadItems'),
    });
    expect(notices[2]).toMatchObject({
      oldRights: calendarRights('mayReadFreeBusy', 'mayReadItems'),
      newRights: null,
    });
    expect(notices[0]!.created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);

    // RFC 8620 §5.2: the three notices are created since the earlier state; the owner got none.
    const [, changes] = await asBob('ShareNotification/changes', { sinceState: since });
    expect(new Set(changes.created as string[])).toEqual(new Set(notices.map((n) => n.id)));
    expect(changes.updated).toEqual([]);
    const [, own] = await asAlice('ShareNotification/get', { ids: null });
    expect(own.list).toEqual([]);
  });

  it('tells the sharee of an address book, and /query filters by objectType (RFC 9670 §5.6)', async () => {
    const [, start] = await asBob('ShareNotification/query', {
      filter: { objectType: 'AddressBook' },
      sort: [{ property: 'created', isAscending: false }],
    });
    expect(start.ids).toEqual([]);
    const [, shared] = await asAlice('AddressBook/set', {
      update: { [team]: { shareWith: { [f.bob.accountId]: BOOK_READ } } },
    });
    expect(shared.notUpdated).toBeNull();

    const [, books] = await asBob('ShareNotification/query', { filter: { objectType: 'AddressBook' } });
    expect(books.ids).toHaveLength(1);
    const [, got] = await asBob('ShareNotification/get', { ids: books.ids });
    expect((got.list as Notice[])[0]).toMatchObject({
      objectType: 'AddressBook',
      objectId: team,
      name: 'Team',
      oldRights: null,
      newRights: BOOK_READ,
    });

    // RFC 8620 §5.6: the new notice is added at its place in the filtered results.
    const [, delta] = await asBob('ShareNotification/queryChanges', {
      filter: { objectType: 'AddressBook' },
      sort: [{ property: 'created', isAscending: false }],
      sinceQueryState: start.queryState,
    });
    expect(delta.added).toEqual([{ id: (books.ids as string[])[0], index: 0 }]);

    const [, calendars] = await asBob('ShareNotification/query', {
      filter: { objectType: 'Calendar', objectAccountId: f.alice.accountId },
    });
    expect(calendars.ids).toHaveLength(3);
  });

  it('lets the user dismiss notifications (destroy) but never create or change one', async () => {
    const [id] = (await bobsNotices()).map((n) => n.id);
    const [, result] = await asBob('ShareNotification/set', {
      create: { n: { objectType: 'Calendar' } },
      update: { [id!]: { name: 'Renamed' } },
      destroy: [id!, 'Nunknown'],
    });
    expect(result.destroyed).toEqual([id]);
    expect((result.notCreated as Record<string, Result>).n!.type).toBe('forbidden');
    expect((result.notUpdated as Record<string, Result>)[id!]!.type).toBe('forbidden');
    expect((result.notDestroyed as Record<string, Result>).Nunknown!.type).toBe('notFound');
    expect((await bobsNotices()).map((n) => n.id)).not.toContain(id);
  });

  it('does not tell a sharee with mayAdmin about the change they made themselves', async () => {
    await shareWork(calendarRights('mayReadFreeBusy', 'mayReadItems', 'mayAdmin'));
    const count = (await bobsNotices()).length;
    const [, result] = await callAs(f.bob, 'Calendar/set', {
      accountId: f.alice.accountId,
      update: {
        [work]: {
          shareWith: {
            [f.bob.accountId]: calendarRights('mayReadFreeBusy', 'mayReadItems', 'mayAdmin', 'mayRSVP'),
          },
        },
      },
    });
    expect(result.notUpdated).toBeNull();
    expect(await bobsNotices()).toHaveLength(count);
  });
});
