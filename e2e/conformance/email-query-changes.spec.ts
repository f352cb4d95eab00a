import type { Id, QueryChangesResult, QueryResult } from '@colibri/jmap-types';
import { expect, test } from './support/fixtures.js';
import type { JmapAccount } from './support/jmap-raw.js';
import { applyQueryChanges, expectMethodError } from './support/expect-jmap.js';
import { importMessage, rfc822 } from './support/mail.js';
import type { SetResponse } from './support/set.js';
import { createdId } from './support/set.js';

const ascending = [{ property: 'receivedAt', isAscending: true }];

/** A mailbox of its own per test, so that each query sees only that test's mail. */
async function freshMailbox(account: JmapAccount, name: string): Promise<Id> {
  return createdId(
    await account.ok<SetResponse>('Mailbox/set', { accountId: account.accountId, create: { b: { name } } }),
    'b',
  );
}

const at = (box: Id, day: number, subject: string, account: JmapAccount) =>
  importMessage(account, rfc822({ subject }), [box], {
    receivedAt: `2026-02-${String(day).padStart(2, '0')}T12:00:00Z`,
  });

test.describe('RFC 8621 §4.5 Email/queryChanges', () => {
  test('RFC 8620 §5.6: removed and added turn the old results into the new ones', async ({ account }) => {
    const accountId = account.accountId;
    const box = await freshMailbox(account, 'QC mail');
    const query = { accountId, filter: { inMailbox: box }, sort: ascending };
    const a = await at(box, 1, 'a', account);
    const c = await at(box, 3, 'c', account);
    const before = await account.ok<QueryResult>('Email/query', query);
    const b = await at(box, 2, 'b', account);
    await account.ok('Email/set', { accountId, destroy: [c.id] });
    const after = await account.ok<QueryResult>('Email/query', query);
    expect(after.ids).toEqual([a.id, b.id]);

    const changes = await account.ok<QueryChangesResult>('Email/queryChanges', {
      ...query,
      sinceQueryState: before.queryState,
      calculateTotal: true,
    });
    expect(changes.oldQueryState).toBe(before.queryState);
    expect(changes.newQueryState).toBe(after.queryState);
    expect(changes.total).toBe(2);
    expect(changes.removed).toContain(c.id);
    expect(changes.added).toContainEqual({ id: b.id, index: 1 });
    expect(applyQueryChanges(before.ids, changes)).toEqual(after.ids);
  });

  test('RFC 8620 §5.6: with upToId, changes up to that id are still all reported', async ({ account }) => {
    const accountId = account.accountId;
    const box = await freshMailbox(account, 'QC upToId');
    const query = { accountId, filter: { inMailbox: box }, sort: ascending };
    const first = await at(box, 1, 'first', account);
    const third = await at(box, 3, 'third', account);
    const before = await account.ok<QueryResult>('Email/query', query);
    const second = await at(box, 2, 'second', account);
    const fourth = await at(box, 4, 'fourth', account);
    const changes = await account.ok<QueryChangesResult>('Email/queryChanges', {
      ...query,
      sinceQueryState: before.queryState,
      upToId: third.id,
    });
    // "second" sorts before upToId, so it must be reported; "fourth" comes after and may be left out.
    expect(changes.added).toContainEqual({ id: second.id, index: 1 });
    for (const added of changes.added) expect([second.id, third.id, fourth.id]).toContain(added.id);
    expect(changes.removed).not.toContain(first.id);
  });

  test('RFC 8620 §5.6: the current query state answers no changes', async ({ account }) => {
    const box = await freshMailbox(account, 'QC none');
    const query = { accountId: account.accountId, filter: { inMailbox: box }, sort: ascending };
    const now = await account.ok<QueryResult>('Email/query', query);
    const changes = await account.ok<QueryChangesResult>('Email/queryChanges', {
      ...query,
      sinceQueryState: now.queryState,
    });
    expect(changes).toMatchObject({ newQueryState: now.queryState, removed: [], added: [] });
  });

  test('RFC 8620 §5.6: maxChanges below the number of changes answers tooManyChanges', async ({
    account,
  }) => {
    const box = await freshMailbox(account, 'QC many');
    const query = { accountId: account.accountId, filter: { inMailbox: box }, sort: ascending };
    const before = await account.ok<QueryResult>('Email/query', query);
    await at(box, 1, 'one', account);
    await at(box, 2, 'two', account);
    expectMethodError(
      await account.invoke('Email/queryChanges', {
        ...query,
        sinceQueryState: before.queryState,
        maxChanges: 1,
      }),
      'tooManyChanges',
    );
  });

  test('RFC 8620 §5.6: an unknown sinceQueryState answers cannotCalculateChanges', async ({ account }) => {
    expectMethodError(
      await account.invoke('Email/queryChanges', {
        accountId: account.accountId,
        sort: ascending,
        sinceQueryState: 'bogus',
      }),
      'cannotCalculateChanges',
    );
  });

  test('RFC 8620 §5.5-§5.6 with RFC 8621 §4.4.3: under collapseThreads a newer reply replaces its thread’s entry, or canCalculateChanges is false', async ({
    account,
  }) => {
    const accountId = account.accountId;
    const box = await freshMailbox(account, 'QC collapse');
    const query = {
      accountId,
      filter: { inMailbox: box },
      sort: [{ property: 'receivedAt', isAscending: false }],
      collapseThreads: true,
    };
    const root = await importMessage(
      account,
      rfc822({ subject: 'Thread', messageId: '<qc-root@example.org>' }),
      [box],
      {
        receivedAt: '2026-02-01T12:00:00Z',
      },
    );
    const before = await account.ok<QueryResult>('Email/query', query);
    expect(before.ids).toEqual([root.id]);
    const reply = await importMessage(
      account,
      rfc822({
        subject: 'Re: Thread',
        messageId: '<qc-reply@example.org>',
        inReplyTo: '<qc-root@example.org>',
      }),
      [box],
      { receivedAt: '2026-02-02T12:00:00Z' },
    );
    const after = await account.ok<QueryResult>('Email/query', query);
    expect(after.ids).toEqual([reply.id]);
    // §5.5: canCalculateChanges says whether /queryChanges works for this query; false allows a
    // cannotCalculateChanges answer, true requires the changes.
    const [name, args] = await account.invoke('Email/queryChanges', {
      ...query,
      sinceQueryState: before.queryState,
    });
    if (!before.canCalculateChanges) {
      expectMethodError([name, args, 'c0'], 'cannotCalculateChanges');
      return;
    }
    const changes = args as unknown as QueryChangesResult;
    expect(changes.removed).toContain(root.id);
    expect(changes.added).toContainEqual({ id: reply.id, index: 0 });
    expect(applyQueryChanges(before.ids, changes)).toEqual(after.ids);
  });
});
