import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFixture, resultOf } from './support/fixture.js';
import type { Fixture } from './support/fixture.js';
import { addMailboxTree } from './support/mailbox-tree.js';

let f: Fixture;
let id: Record<string, string>;
let nameOf: Map<string, string>;
beforeAll(async () => {
  f = await openFixture();
  id = await addMailboxTree(f);
  nameOf = new Map(Object.entries(id).map(([name, mailboxId]) => [mailboxId, name]));
});
afterAll(() => f.close());

const query = async (args: Record<string, unknown>) =>
  resultOf(
    await f.call([['Mailbox/query', { accountId: f.alice.accountId, ...args }, 'q']]),
    'Mailbox/query',
  );
/** The names of the query's ids, in order. */
const names = async (args: Record<string, unknown>) =>
  ((await query(args)).ids as string[]).map((mailboxId) => nameOf.get(mailboxId));
/** The response's name and arguments (an error is ['error', { type }]). */
const errorOf = async (args: Record<string, unknown>) =>
  (
    await f.call([['Mailbox/query', { accountId: f.alice.accountId, ...args }, 'q']])
  ).methodResponses[0]?.slice(0, 2);

describe('Mailbox/query sort (RFC 8621 §2.3, RFC 8620 §5.5)', () => {
  it('answers every mailbox, by sortOrder then name without a sort, with the Mailbox state', async () => {
    const result = await query({});
    const state = resultOf(
      await f.call([['Mailbox/get', { accountId: f.alice.accountId, ids: [] }, 'g']]),
      'Mailbox/get',
    ).state;
    expect(result).toMatchObject({ queryState: state, canCalculateChanges: true, position: 0 });
    expect(await names({})).toEqual(['Alpha', 'Beta', 'colibri', 'Inbox', 'Archive', 'Projects', 'Trash']);
  });

  it('sorts by name (i;unicode-casemap by default, either direction), sortOrder and parentId', async () => {
    const byName = ['Alpha', 'Archive', 'Beta', 'colibri', 'Inbox', 'Projects', 'Trash'];
    expect(await names({ sort: [{ property: 'name' }] })).toEqual(byName);
    expect(await names({ sort: [{ property: 'name', isAscending: false }] })).toEqual([...byName].reverse());
    expect(await names({ sort: [{ property: 'name', collation: 'i;ascii-casemap' }] })).toEqual(byName);
    expect(
      await names({ sort: [{ property: 'sortOrder', isAscending: false }, { property: 'name' }] }),
    ).toEqual(['Projects', 'Trash', 'Archive', 'Inbox', 'Alpha', 'Beta', 'colibri']);
    // parentId: top-level (null) first, then grouped by parent.
    const byParent = await names({ sort: [{ property: 'parentId' }, { property: 'name' }] });
    expect(byParent.slice(0, 4)).toEqual(['Archive', 'Inbox', 'Projects', 'Trash']);
  });

  it('sortAsTree puts parents before their children, siblings in sort order', async () => {
    expect(await names({ sortAsTree: true })).toEqual([
      'Inbox',
      'Archive',
      'Projects',
      'Alpha',
      'Beta',
      'colibri',
      'Trash',
    ]);
    expect(await names({ sortAsTree: true, sort: [{ property: 'name', isAscending: false }] })).toEqual([
      'Trash',
      'Projects',
      'colibri',
      'Alpha',
      'Beta',
      'Inbox',
      'Archive',
    ]);
  });

  it('refuses sorts it does not offer (unsupportedSort) and malformed arguments (invalidArguments)', async () => {
    expect(await errorOf({ sort: [{ property: 'totalEmails' }] })).toMatchObject([
      'error',
      { type: 'unsupportedSort' },
    ]);
    expect(await errorOf({ sort: [{ property: 'name', collation: 'i;klingon' }] })).toMatchObject([
      'error',
      { type: 'unsupportedSort' },
    ]);
    for (const bad of [
      { filter: { colour: 'red' } },
      { limit: -1 },
      { sortAsTree: 'yes' },
      { position: 1.5 },
    ])
      expect(await errorOf(bad)).toMatchObject(['error', { type: 'invalidArguments' }]);
    expect(
      (await f.call([['Mailbox/query', { accountId: f.bob.accountId }, 'q']])).methodResponses[0],
    ).toMatchObject(['error', { type: 'accountNotFound' }, 'q']);
  });
});

describe('Mailbox/query filter (RFC 8621 §2.3)', () => {
  it('filters by parentId, name (contains, any case), role, hasAnyRole and isSubscribed', async () => {
    expect(await names({ filter: { parentId: id.Projects } })).toEqual(['Alpha', 'colibri']);
    expect(await names({ filter: { parentId: null } })).toEqual(['Inbox', 'Archive', 'Projects', 'Trash']);
    expect(await names({ filter: { name: 'A' } })).toEqual(['Alpha', 'Beta', 'Archive', 'Trash']);
    expect(await names({ filter: { name: 'COLI' } })).toEqual(['colibri']);
    expect(await names({ filter: { role: 'trash' } })).toEqual(['Trash']);
    expect(await names({ filter: { role: null } })).toEqual(['Alpha', 'Beta', 'colibri', 'Projects']);
    expect(await names({ filter: { hasAnyRole: true } })).toEqual(['Inbox', 'Archive', 'Trash']);
    expect(await names({ filter: { hasAnyRole: false } })).toEqual(['Alpha', 'Beta', 'colibri', 'Projects']);
    expect(await names({ filter: { isSubscribed: false } })).toEqual(['Alpha']);
    expect(await names({ filter: { parentId: id.Projects, isSubscribed: true } })).toEqual(['colibri']);
  });

  it('combines conditions with AND, OR and NOT', async () => {
    const inboxOrTrash = { operator: 'OR', conditions: [{ role: 'inbox' }, { role: 'trash' }] };
    expect(await names({ filter: inboxOrTrash })).toEqual(['Inbox', 'Trash']);
    expect(
      await names({ filter: { operator: 'NOT', conditions: [{ hasAnyRole: true }, { name: 'a' }] } }),
    ).toEqual(['colibri', 'Projects']);
    expect(
      await names({
        filter: {
          operator: 'AND',
          conditions: [{ parentId: null }, { operator: 'NOT', conditions: [inboxOrTrash] }],
        },
      }),
    ).toEqual(['Archive', 'Projects']);
  });

  it('filterAsTree keeps a mailbox only when its ancestors match too', async () => {
    expect(await names({ filter: { isSubscribed: true } })).toContain('Beta');
    expect(await names({ filter: { isSubscribed: true }, filterAsTree: true, sortAsTree: true })).toEqual([
      'Inbox',
      'Archive',
      'Projects',
      'colibri',
      'Trash',
    ]);
    expect(await names({ filter: { name: 'a' }, filterAsTree: true })).toEqual(['Archive', 'Trash']);
  });
});

describe('Mailbox/query window (RFC 8620 §5.5)', () => {
  const sort = [{ property: 'name' }];
  it('pages by position (negative from the end), limit, and reports the total', async () => {
    expect(await query({ sort, position: 2, limit: 2, calculateTotal: true })).toMatchObject({
      ids: [id.Beta, id.colibri],
      position: 2,
      total: 7,
    });
    expect(await query({ sort, position: -2 })).toMatchObject({ ids: [id.Projects, id.Trash], position: 5 });
    expect(await query({ sort, position: -100, limit: 1 })).toMatchObject({ ids: [id.Alpha], position: 0 });
    expect(await query({ sort, position: 10 })).toMatchObject({ ids: [], position: 10 });
    const plain = await query({ sort, limit: 3 });
    expect(plain.total).toBeUndefined();
    expect(plain.limit).toBeUndefined();
    // No limit: the server's maximum applies and is returned.
    expect((await query({ sort })).limit).toBe(1000);
  });

  it('pages by anchor and anchorOffset, position then ignored; an unknown anchor is anchorNotFound', async () => {
    expect(await query({ sort, anchor: id.colibri, anchorOffset: -1, limit: 2, position: 5 })).toMatchObject({
      ids: [id.Beta, id.colibri],
      position: 2,
    });
    expect(await query({ sort, anchor: id.Alpha, anchorOffset: -3, limit: 1 })).toMatchObject({
      ids: [id.Alpha],
      position: 0,
    });
    expect(await errorOf({ sort, anchor: 'Mnothere000000000' })).toMatchObject([
      'error',
      { type: 'anchorNotFound' },
    ]);
    // An anchor the filter leaves out is not in the results either.
    expect(await errorOf({ filter: { hasAnyRole: true }, anchor: id.Alpha })).toMatchObject([
      'error',
      { type: 'anchorNotFound' },
    ]);
  });
});
