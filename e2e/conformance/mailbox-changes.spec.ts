import type { ChangesResult, Id } from '@colibri/jmap-types';
import { expect, test } from './support/fixtures.js';
import { expectMethodError } from './support/expect-jmap.js';
import { importMessage, rfc822, stateOf } from './support/mail.js';

interface Changes extends ChangesResult {
  updatedProperties?: string[] | null;
}

test.describe('RFC 8621 §2.2 Mailbox/changes', () => {
  test('RFC 8620 §5.2: created, updated and destroyed ids since a state', async ({ account }) => {
    const accountId = account.accountId;
    const since = await stateOf(account, 'Mailbox');
    const made = await account.ok<{ created: Record<string, { id: Id }> }>('Mailbox/set', {
      accountId,
      create: { a: { name: 'Changes A' }, b: { name: 'Changes B' } },
    });
    const a = made.created.a!.id;
    const b = made.created.b!.id;
    const changes = await account.ok<Changes>('Mailbox/changes', { accountId, sinceState: since });
    expect(changes.oldState).toBe(since);
    expect(changes.newState).toBe(await stateOf(account, 'Mailbox'));
    expect(changes.hasMoreChanges).toBe(false);
    expect(changes.created.sort()).toEqual([a, b].sort());
    expect(changes.updated).toEqual([]);
    expect(changes.destroyed).toEqual([]);

    const mid = changes.newState;
    await account.ok('Mailbox/set', { accountId, update: { [a]: { name: 'Changes A2' } }, destroy: [b] });
    const later = await account.ok<Changes>('Mailbox/changes', { accountId, sinceState: mid });
    expect(later.created).toEqual([]);
    expect(later.updated).toEqual([a]);
    expect(later.destroyed).toEqual([b]);
  });

  test('RFC 8620 §5.2: a record created and destroyed since the state is only in destroyed, or nowhere', async ({
    account,
  }) => {
    const accountId = account.accountId;
    const since = await stateOf(account, 'Mailbox');
    const made = await account.ok<{ created: Record<string, { id: Id }> }>('Mailbox/set', {
      accountId,
      create: { t: { name: 'Short-lived' } },
    });
    const id = made.created.t!.id;
    await account.ok('Mailbox/set', { accountId, destroy: [id] });
    const changes = await account.ok<Changes>('Mailbox/changes', { accountId, sinceState: since });
    expect(changes.created).not.toContain(id);
    expect(changes.updated).not.toContain(id);
  });

  test('RFC 8620 §5.2: the current state answers no changes', async ({ account }) => {
    const since = await stateOf(account, 'Mailbox');
    const changes = await account.ok<Changes>('Mailbox/changes', {
      accountId: account.accountId,
      sinceState: since,
    });
    expect(changes).toMatchObject({
      oldState: since,
      newState: since,
      hasMoreChanges: false,
      created: [],
      updated: [],
      destroyed: [],
    });
  });

  test('RFC 8620 §5.2: maxChanges splits the changes, hasMoreChanges says more follow', async ({
    account,
  }) => {
    const accountId = account.accountId;
    const since = await stateOf(account, 'Mailbox');
    for (const name of ['Paged 1', 'Paged 2', 'Paged 3'])
      await account.ok('Mailbox/set', { accountId, create: { k: { name } } });
    const seen: Id[] = [];
    let state = since;
    for (let round = 0; round < 10; round++) {
      const page = await account.ok<Changes>('Mailbox/changes', {
        accountId,
        sinceState: state,
        maxChanges: 1,
      });
      const ids = [...page.created, ...page.updated, ...page.destroyed];
      expect(ids.length).toBeLessThanOrEqual(1);
      seen.push(...ids);
      state = page.newState;
      if (!page.hasMoreChanges) break;
    }
    expect(seen).toHaveLength(3);
    expect(state).toBe(await stateOf(account, 'Mailbox'));
  });

  test('RFC 8620 §5.2: an unknown sinceState answers cannotCalculateChanges', async ({ account }) => {
    const response = await account.invoke('Mailbox/changes', {
      accountId: account.accountId,
      sinceState: 'bogus',
    });
    expectMethodError(response, 'cannotCalculateChanges');
  });

  test('RFC 8620 §5.2: maxChanges 0 answers invalidArguments', async ({ account }) => {
    const since = await stateOf(account, 'Mailbox');
    const response = await account.invoke('Mailbox/changes', {
      accountId: account.accountId,
      sinceState: since,
      maxChanges: 0,
    });
    expectMethodError(response, 'invalidArguments');
  });

  test('RFC 8621 §2.2: when only the counts changed, updatedProperties is null or only count properties', async ({
    account,
  }) => {
    const accountId = account.accountId;
    const made = await account.ok<{ created: Record<string, { id: Id }> }>('Mailbox/set', {
      accountId,
      create: { c: { name: 'Counted' } },
    });
    const box = made.created.c!.id;
    const since = await stateOf(account, 'Mailbox');
    await importMessage(account, rfc822(), [box]);
    const changes = await account.ok<Changes>('Mailbox/changes', { accountId, sinceState: since });
    expect(changes.updated).toEqual([box]);
    // A server that cannot tell a count-only change "MUST just be null".
    expect(changes).toHaveProperty('updatedProperties');
    for (const property of changes.updatedProperties ?? [])
      expect(['totalEmails', 'unreadEmails', 'totalThreads', 'unreadThreads']).toContain(property);
  });
});
