import type { Id } from '@colibri/jmap-types';
import { expect, test } from './support/fixtures.js';
import type { JmapAccount } from './support/jmap-raw.js';
import { expectMethodError, expectMethodErrorOneOf } from './support/expect-jmap.js';
import { mailboxesByRole } from './support/mail.js';
import type { QueryResult as QueryResponse } from '@colibri/jmap-types';
import { createdId } from './support/set.js';
import type { SetResponse } from './support/set.js';

const query = (account: JmapAccount, args: Record<string, unknown>) =>
  account.ok<QueryResponse>('Mailbox/query', { accountId: account.accountId, ...args });

/** A small tree: Projects (sortOrder 20) > Alpha, Beta; Zoo (sortOrder 10), unsubscribed. */
async function tree(account: JmapAccount): Promise<Record<string, Id>> {
  const result = await account.ok<SetResponse>('Mailbox/set', {
    accountId: account.accountId,
    create: {
      projects: { name: 'Projects', sortOrder: 20 },
      beta: { name: 'Beta', parentId: '#projects' },
      alpha: { name: 'Alpha', parentId: '#projects' },
      zoo: { name: 'Zoo', sortOrder: 10, isSubscribed: false },
    },
  });
  return Object.fromEntries(['projects', 'alpha', 'beta', 'zoo'].map((k) => [k, createdId(result, k)]));
}

// Made by the first test; the tests of a file run in order in one worker.
let boxes: Record<string, Id> = {};

test.describe('RFC 8621 §2.3 Mailbox/query', () => {
  test('RFC 8620 §5.5: the response has queryState, canCalculateChanges, position and ids', async ({
    account,
  }) => {
    boxes = await tree(account);
    const result = await query(account, {});
    expect(result).toMatchObject({
      accountId: account.accountId,
      queryState: expect.any(String),
      canCalculateChanges: expect.any(Boolean),
      position: 0,
    });
    expect(result.ids).toEqual(expect.arrayContaining(Object.values(boxes)));
  });

  test('RFC 8621 §2.3: filter by parentId, role, hasAnyRole, isSubscribed and name', async ({ account }) => {
    const roles = await mailboxesByRole(account);
    expect((await query(account, { filter: { parentId: boxes.projects } })).ids.sort()).toEqual(
      [boxes.alpha, boxes.beta].sort(),
    );
    expect((await query(account, { filter: { role: 'inbox' } })).ids).toEqual([roles.inbox]);
    expect((await query(account, { filter: { hasAnyRole: false } })).ids.sort()).toEqual(
      Object.values(boxes).sort(),
    );
    expect((await query(account, { filter: { isSubscribed: false } })).ids).toEqual([boxes.zoo]);
    // "name": the Mailbox name contains the given string.
    expect((await query(account, { filter: { name: 'lph' } })).ids).toEqual([boxes.alpha]);
    const topLevel = (await query(account, { filter: { parentId: null } })).ids;
    expect(topLevel).toContain(boxes.projects);
    expect(topLevel).not.toContain(boxes.alpha);
  });

  test('RFC 8620 §5.5: filter operators AND, OR and NOT combine conditions', async ({ account }) => {
    const or = await query(account, {
      filter: { operator: 'OR', conditions: [{ name: 'Alpha' }, { name: 'Zoo' }] },
    });
    expect(or.ids.sort()).toEqual([boxes.alpha, boxes.zoo].sort());
    const and = await query(account, {
      filter: { operator: 'AND', conditions: [{ hasAnyRole: false }, { parentId: null }] },
    });
    expect(and.ids.sort()).toEqual([boxes.projects, boxes.zoo].sort());
    const not = await query(account, {
      filter: { operator: 'NOT', conditions: [{ hasAnyRole: true }, { parentId: boxes.projects }] },
    });
    expect(not.ids.sort()).toEqual([boxes.projects, boxes.zoo].sort());
  });

  test('RFC 8621 §2.3: sort by name and by sortOrder, ascending or not', async ({ account }) => {
    const custom = { hasAnyRole: false };
    const byName = await query(account, { filter: custom, sort: [{ property: 'name', isAscending: true }] });
    expect(byName.ids).toEqual([boxes.alpha, boxes.beta, boxes.projects, boxes.zoo]);
    const desc = await query(account, { filter: custom, sort: [{ property: 'name', isAscending: false }] });
    expect(desc.ids).toEqual([boxes.zoo, boxes.projects, boxes.beta, boxes.alpha]);
    const top = await query(account, {
      filter: { operator: 'AND', conditions: [custom, { parentId: null }] },
      sort: [{ property: 'sortOrder' }],
    });
    expect(top.ids).toEqual([boxes.zoo, boxes.projects]);
  });

  test('RFC 8621 §2.3: sortAsTree puts each parent before its children', async ({ account }) => {
    const result = await query(account, {
      filter: { hasAnyRole: false },
      sort: [{ property: 'name', isAscending: true }],
      sortAsTree: true,
    });
    expect(result.ids).toEqual([boxes.projects, boxes.alpha, boxes.beta, boxes.zoo]);
  });

  test('RFC 8621 §2.3: filterAsTree drops children whose parent does not match', async ({ account }) => {
    // Alpha and Beta match on their own, but their parent does not: under filterAsTree they go.
    const asTree = await query(account, {
      filter: { operator: 'NOT', conditions: [{ name: 'Projects' }] },
      filterAsTree: true,
    });
    expect(asTree.ids).not.toContain(boxes.alpha);
    expect(asTree.ids).not.toContain(boxes.beta);
    expect(asTree.ids).toContain(boxes.zoo);
  });

  test('RFC 8620 §5.5: position, limit and calculateTotal window the results', async ({ account }) => {
    const all = await query(account, { sort: [{ property: 'name' }], calculateTotal: true });
    expect(all.total).toBe(all.ids.length);
    const window = await query(account, {
      sort: [{ property: 'name' }],
      position: 1,
      limit: 2,
      calculateTotal: true,
    });
    expect(window.position).toBe(1);
    expect(window.ids).toEqual(all.ids.slice(1, 3));
    expect(window.total).toBe(all.total);
    // A negative position counts from the end.
    const last = await query(account, { sort: [{ property: 'name' }], position: -1 });
    expect(last.ids).toEqual(all.ids.slice(-1));
    expect(last.position).toBe(all.ids.length - 1);
  });

  test('RFC 8620 §5.5: an unknown sort property is unsupportedSort; a bad filter is unsupportedFilter or invalidArguments', async ({
    account,
  }) => {
    expectMethodError(
      await account.invoke('Mailbox/query', { accountId: account.accountId, sort: [{ property: 'colour' }] }),
      'unsupportedSort',
    );
    expectMethodErrorOneOf(
      await account.invoke('Mailbox/query', { accountId: account.accountId, filter: { colour: 'red' } }),
      ['unsupportedFilter', 'invalidArguments'],
    );
  });
});
