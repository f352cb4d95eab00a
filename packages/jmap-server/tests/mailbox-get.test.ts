import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFixture, resultOf } from './support/fixture.js';
import type { Fixture } from './support/fixture.js';

let f: Fixture;
beforeAll(async () => {
  f = await openFixture();
});
afterAll(() => f.close());

const ALL_RIGHTS = {
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

describe('Mailbox/get (RFC 8621 §2.1)', () => {
  it('returns every property of every mailbox for ids: null, with counts from the store', async () => {
    const result = resultOf(
      await f.call([['Mailbox/get', { accountId: f.alice.accountId, ids: null }, 'm']]),
      'Mailbox/get',
    );
    expect(result.accountId).toBe(f.alice.accountId);
    expect(result.notFound).toEqual([]);
    expect(typeof result.state).toBe('string');
    const list = result.list as Record<string, unknown>[];
    expect(list).toHaveLength(2);
    const inbox = list.find((mailbox) => mailbox.id === f.inbox.id);
    // Inbox: 4 emails, 2 unread (the invite and the Latin-1 note), 3 threads of which 2 unread.
    expect(inbox).toEqual({
      id: f.inbox.id,
      name: 'Inbox',
      parentId: null,
      role: 'inbox',
      sortOrder: 1,
      totalEmails: 4,
      unreadEmails: 2,
      totalThreads: 3,
      unreadThreads: 2,
      // §2.4: the inbox cannot be destroyed here (Mailbox/set answers forbidden).
      myRights: { ...ALL_RIGHTS, mayDelete: false },
      isSubscribed: f.inbox.isSubscribed,
      // RFC 9670 §4: not shared with anyone.
      shareWith: null,
    });
    expect(list.find((mailbox) => mailbox.id === f.archive.id)).toMatchObject({
      myRights: ALL_RIGHTS,
      role: 'archive',
      totalEmails: 1,
      unreadEmails: 0,
    });
  });

  it('filters properties (id always returned) and reports unknown ids in notFound', async () => {
    const result = resultOf(
      await f.call([
        [
          'Mailbox/get',
          {
            accountId: f.alice.accountId,
            ids: [f.archive.id, 'Mnope'],
            properties: ['name', 'unreadEmails'],
          },
          'm',
        ],
      ]),
      'Mailbox/get',
    );
    expect(result.list).toEqual([{ id: f.archive.id, name: 'Archive', unreadEmails: 0 }]);
    expect(result.notFound).toEqual(['Mnope']);
  });

  it('changes its state when a mailbox is created', async () => {
    const get = () => f.call([['Mailbox/get', { accountId: f.alice.accountId, ids: [] }, 'm']]);
    const before = resultOf(await get(), 'Mailbox/get').state;
    const created = await f.store.createMailbox(f.alice.accountId, { name: 'Receipts' });
    const after = resultOf(await get(), 'Mailbox/get').state;
    expect(after).not.toBe(before);
    const changes = resultOf(
      await f.call([['Mailbox/changes', { accountId: f.alice.accountId, sinceState: before }, 'c']]),
      'Mailbox/changes',
    );
    expect(changes).toMatchObject({
      oldState: before,
      newState: after,
      created: [created.id],
      hasMoreChanges: false,
      updatedProperties: null,
    });
  });
});
