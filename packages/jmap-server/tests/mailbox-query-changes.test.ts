import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFixture, resultOf } from './support/fixture.js';
import type { Fixture } from './support/fixture.js';
import { invoice } from './support/messages.js';
import { addMailboxTree } from './support/mailbox-tree.js';

let f: Fixture;
let id: Record<string, string>;
beforeAll(async () => {
  f = await openFixture();
  id = await addMailboxTree(f);
});
afterAll(() => f.close());

type Args = Record<string, unknown>;
const call = async (name: string, args: Args) =>
  resultOf(await f.call([[name, { accountId: f.alice.accountId, ...args }, 'x']]), name);
const responseOf = async (name: string, args: Args) =>
  (await f.call([[name, { accountId: f.alice.accountId, ...args }, 'x']])).methodResponses[0]?.slice(0, 2);

/** RFC 8620 §5.6: the old ids with `removed` taken out, then each `added` spliced in at its index. */
function follow(old: readonly string[], removed: string[], added: { id: string; index: number }[]): string[] {
  const gone = new Set(removed);
  const ids = old.filter((mailboxId) => !gone.has(mailboxId));
  for (const item of added) ids.splice(item.index, 0, item.id);
  return ids;
}

const queries: Record<string, Args> = {
  byName: { sort: [{ property: 'name' }] },
  asTree: { sortAsTree: true },
  subscribedTree: { filter: { isSubscribed: true }, filterAsTree: true, sortAsTree: true },
  nameContainsA: { filter: { name: 'a' }, sort: [{ property: 'name', isAscending: false }] },
  topLevel: { filter: { parentId: null } },
};

describe('Mailbox/queryChanges (RFC 8621 §2.4, RFC 8620 §5.6)', () => {
  it('takes every earlier result list to the current one, through each kind of write', async () => {
    const seen: Record<string, { state: string; ids: string[] }[]> = {};
    const snapshot = async () => {
      for (const [name, args] of Object.entries(queries)) {
        const result = await call('Mailbox/query', args);
        const now = { state: result.queryState as string, ids: result.ids as string[] };
        for (const earlier of seen[name] ?? []) {
          const changes = await call('Mailbox/queryChanges', {
            ...args,
            sinceQueryState: earlier.state,
            calculateTotal: true,
          });
          expect(changes.oldQueryState).toBe(earlier.state);
          expect(changes.newQueryState).toBe(now.state);
          expect(changes.total).toBe(now.ids.length);
          const added = changes.added as { id: string; index: number }[];
          expect(added.map((item) => item.index)).toEqual(
            [...added.map((item) => item.index)].sort((a, b) => a - b),
          );
          expect(
            follow(earlier.ids, changes.removed as string[], added),
            `${name} since ${earlier.state}`,
          ).toEqual(now.ids);
        }
        (seen[name] ??= []).push(now);
      }
    };
    const set = (args: Args) => call('Mailbox/set', args);

    await snapshot();
    await set({ create: { g: { name: 'Gamma', parentId: id.Alpha } } });
    await snapshot();
    await set({ update: { [id.Trash as string]: { name: 'Bin' } } });
    await snapshot();
    // Alpha moves to the top: Beta, unchanged itself, moves with it in the tree orders.
    await set({ update: { [id.Alpha as string]: { parentId: null } } });
    await snapshot();
    // Subscribing Alpha brings its unchanged child Beta into the filterAsTree results.
    await set({ update: { [id.Alpha as string]: { isSubscribed: true } } });
    await snapshot();
    await set({ destroy: [id.colibri] });
    await snapshot();
    // A delivery changes the Inbox's counts: a Mailbox update too.
    await f.store.importMessage(f.inbox.accountId, { raw: invoice, mailboxIds: [f.inbox.id] });
    await snapshot();
  });

  it('answers an up-to-date state with no changes', async () => {
    const { queryState } = await call('Mailbox/query', queries.byName ?? {});
    expect(
      await call('Mailbox/queryChanges', {
        ...queries.byName,
        sinceQueryState: queryState,
        upToId: id.Inbox,
      }),
    ).toMatchObject({ oldQueryState: queryState, newQueryState: queryState, removed: [], added: [] });
  });

  it('answers cannotCalculateChanges, tooManyChanges and unsupportedSort', async () => {
    const { queryState } = await call('Mailbox/query', {});
    await call('Mailbox/set', { create: { a: { name: 'One' }, b: { name: 'Two' } } });
    expect(await responseOf('Mailbox/queryChanges', { sinceQueryState: 'nope' })).toMatchObject([
      'error',
      { type: 'cannotCalculateChanges' },
    ]);
    // Two created: two removed and two added entries.
    expect(
      await responseOf('Mailbox/queryChanges', { sinceQueryState: queryState, maxChanges: 3 }),
    ).toMatchObject(['error', { type: 'tooManyChanges' }]);
    expect(
      await responseOf('Mailbox/queryChanges', { sinceQueryState: queryState, maxChanges: 4 }),
    ).toMatchObject(['Mailbox/queryChanges', {}]);
    expect(
      await responseOf('Mailbox/queryChanges', { sinceQueryState: queryState, sort: [{ property: 'role' }] }),
    ).toMatchObject(['error', { type: 'unsupportedSort' }]);
    expect(
      await responseOf('Mailbox/queryChanges', { sinceQueryState: queryState, maxChanges: 0 }),
    ).toMatchObject(['error', { type: 'invalidArguments' }]);
  });
});
