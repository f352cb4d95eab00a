import type { Id } from '@colibri/jmap-types';
import { expect, test } from './support/fixtures.js';
import type { JmapAccount } from './support/jmap-raw.js';
import { applyQueryChanges, expectMethodError } from './support/expect-jmap.js';
import type {
  QueryChangesResult as QueryChangesResponse,
  QueryResult as QueryResponse,
} from '@colibri/jmap-types';
import { createdId } from './support/set.js';
import type { SetResponse } from './support/set.js';

const byName = { filter: { hasAnyRole: false }, sort: [{ property: 'name', isAscending: true }] };

const create = async (account: JmapAccount, name: string): Promise<Id> =>
  createdId(
    await account.ok<SetResponse>('Mailbox/set', { accountId: account.accountId, create: { k: { name } } }),
    'k',
  );

test.describe('RFC 8621 §2.4 Mailbox/queryChanges', () => {
  test('RFC 8620 §5.6: added lists new matches with their index, removed the destroyed ones', async ({
    account,
  }) => {
    const accountId = account.accountId;
    const b = await create(account, 'QC b');
    const d = await create(account, 'QC d');
    const before = await account.ok<QueryResponse>('Mailbox/query', { accountId, ...byName });
    const c = await create(account, 'QC c');
    await account.ok('Mailbox/set', { accountId, destroy: [d] });
    const after = await account.ok<QueryResponse>('Mailbox/query', { accountId, ...byName });

    const changes = await account.ok<QueryChangesResponse>('Mailbox/queryChanges', {
      accountId,
      ...byName,
      sinceQueryState: before.queryState,
      calculateTotal: true,
    });
    expect(changes.oldQueryState).toBe(before.queryState);
    expect(changes.newQueryState).toBe(after.queryState);
    expect(changes.total).toBe(after.ids.length);
    expect(changes.removed).toContain(d);
    expect(changes.added).toContainEqual({ id: c, index: after.ids.indexOf(c) });
    expect(changes.removed).not.toContain(b);

    // §5.6: applying removed then added (in index order) to the old ids gives the new ids.
    expect(applyQueryChanges(before.ids, changes)).toEqual(after.ids);
  });

  test('RFC 8620 §5.6: the current query state answers no changes', async ({ account }) => {
    const accountId = account.accountId;
    const now = await account.ok<QueryResponse>('Mailbox/query', { accountId, ...byName });
    const changes = await account.ok<QueryChangesResponse>('Mailbox/queryChanges', {
      accountId,
      ...byName,
      sinceQueryState: now.queryState,
    });
    expect(changes).toMatchObject({ newQueryState: now.queryState, removed: [], added: [] });
  });

  test('RFC 8620 §5.6: an unknown sinceQueryState answers cannotCalculateChanges', async ({ account }) => {
    expectMethodError(
      await account.invoke('Mailbox/queryChanges', {
        accountId: account.accountId,
        ...byName,
        sinceQueryState: 'bogus',
      }),
      'cannotCalculateChanges',
    );
  });

  test('RFC 8620 §5.6: maxChanges smaller than the changes answers tooManyChanges', async ({ account }) => {
    const accountId = account.accountId;
    const before = await account.ok<QueryResponse>('Mailbox/query', { accountId, ...byName });
    await create(account, 'QC many 1');
    await create(account, 'QC many 2');
    expectMethodError(
      await account.invoke('Mailbox/queryChanges', {
        accountId,
        ...byName,
        sinceQueryState: before.queryState,
        maxChanges: 1,
      }),
      'tooManyChanges',
    );
  });
});
