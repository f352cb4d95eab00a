import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openFixture, resultOf } from './support/fixture.js';
import type { Fixture } from './support/fixture.js';

let f: Fixture;
beforeEach(async () => {
  f = await openFixture();
});
afterEach(() => f.close());

async function call(name: string, args: Record<string, unknown>): Promise<Record<string, unknown>> {
  const response = await f.call([[name, { accountId: f.alice.accountId, ...args }, 'c']]);
  const [invocation] = response.methodResponses;
  return invocation?.[0] === 'error' ? { error: invocation[1] } : resultOf(response, name);
}

const inboxQuery = () => ({
  filter: { inMailbox: f.inbox.id },
  sort: [{ property: 'receivedAt', isAscending: false }],
});

describe('Email/queryChanges (RFC 8621 §4.5, RFC 8620 §5.6)', () => {
  it('brings cached results up to date: removed, then added at their index', async () => {
    const before = await call('Email/query', inboxQuery());
    expect(before.canCalculateChanges).toBe(true);
    await f.store.setKeywords(f.alice.accountId as never, f.emails.latin1Note.id, ['$seen']);
    await f.store.setMailboxes(f.alice.accountId as never, f.emails.lunchReply.id, [f.archive.id]);
    const changes = await call('Email/queryChanges', {
      ...inboxQuery(),
      sinceQueryState: before.queryState,
      calculateTotal: true,
    });
    const after = await call('Email/query', inboxQuery());
    expect(changes).toMatchObject({
      accountId: f.alice.accountId,
      oldQueryState: before.queryState,
      newQueryState: after.queryState,
      total: 3,
    });
    const removed = new Set(changes.removed as string[]);
    const ids = (before.ids as string[]).filter((id) => !removed.has(id));
    for (const { id, index } of changes.added as { id: string; index: number }[]) ids.splice(index, 0, id);
    expect(ids).toEqual(after.ids);
  });

  it('answers tooManyChanges, cannotCalculateChanges and unsupportedSort per RFC 8620 §5.6', async () => {
    const { queryState } = await call('Email/query', inboxQuery());
    await f.store.setKeywords(f.alice.accountId as never, f.emails.latin1Note.id, ['$seen']);
    await f.store.setKeywords(f.alice.accountId as never, f.emails.lunchInvite.id, ['$seen']);
    expect(
      await call('Email/queryChanges', { ...inboxQuery(), sinceQueryState: queryState, maxChanges: 1 }),
    ).toMatchObject({ error: { type: 'tooManyChanges' } });
    expect(await call('Email/queryChanges', { ...inboxQuery(), sinceQueryState: 'nonsense' })).toMatchObject({
      error: { type: 'cannotCalculateChanges' },
    });
    const collapsed = await call('Email/query', { ...inboxQuery(), collapseThreads: true });
    expect(collapsed.canCalculateChanges).toBe(false);
    expect(
      await call('Email/queryChanges', {
        ...inboxQuery(),
        collapseThreads: true,
        sinceQueryState: queryState,
      }),
    ).toMatchObject({ error: { type: 'cannotCalculateChanges' } });
    expect(
      await call('Email/queryChanges', { sort: [{ property: 'colour' }], sinceQueryState: queryState }),
    ).toMatchObject({ error: { type: 'unsupportedSort' } });
  });
});
