import type { ChangesResult, Id } from '@colibri/jmap-types';
import { expect, test } from './support/fixtures.js';
import { expectMethodError } from './support/expect-jmap.js';
import { importMessage, mailboxesByRole, rfc822, stateOf } from './support/mail.js';

test.describe('RFC 8621 §4.3 Email/changes', () => {
  test('RFC 8620 §5.2: import creates, a keyword or mailbox change updates, destroy destroys', async ({
    account,
  }) => {
    const accountId = account.accountId;
    const { inbox, archive } = await mailboxesByRole(account);
    const s0 = await stateOf(account, 'Email');
    const a = await importMessage(account, rfc822({ subject: 'EC a' }), [inbox!]);
    const b = await importMessage(account, rfc822({ subject: 'EC b' }), [inbox!]);
    const c1 = await account.ok<ChangesResult>('Email/changes', { accountId, sinceState: s0 });
    expect(c1.oldState).toBe(s0);
    expect(c1.created.sort()).toEqual([a.id, b.id].sort());
    expect(c1).toMatchObject({ updated: [], destroyed: [], hasMoreChanges: false });

    await account.ok('Email/set', {
      accountId,
      update: { [a.id]: { 'keywords/$seen': true }, [b.id]: { mailboxIds: { [archive!]: true } } },
    });
    const c2 = await account.ok<ChangesResult>('Email/changes', { accountId, sinceState: c1.newState });
    expect(c2.updated.sort()).toEqual([a.id, b.id].sort());
    expect(c2).toMatchObject({ created: [], destroyed: [] });

    await account.ok('Email/set', { accountId, destroy: [a.id] });
    const c3 = await account.ok<ChangesResult>('Email/changes', { accountId, sinceState: c2.newState });
    expect(c3).toMatchObject({ created: [], updated: [], destroyed: [a.id] });
    expect(c3.newState).toBe(await stateOf(account, 'Email'));
  });

  test('RFC 8620 §5.2: maxChanges pages through the changes with hasMoreChanges', async ({ account }) => {
    const accountId = account.accountId;
    const { inbox } = await mailboxesByRole(account);
    const s0 = await stateOf(account, 'Email');
    const made: Id[] = [];
    for (const n of [1, 2, 3])
      made.push((await importMessage(account, rfc822({ subject: `Page ${n}` }), [inbox!])).id);
    const seen: Id[] = [];
    let state = s0;
    for (let round = 0; round < 10; round++) {
      const page = await account.ok<ChangesResult>('Email/changes', {
        accountId,
        sinceState: state,
        maxChanges: 2,
      });
      expect(page.created.length + page.updated.length + page.destroyed.length).toBeLessThanOrEqual(2);
      seen.push(...page.created);
      state = page.newState;
      if (!page.hasMoreChanges) break;
    }
    expect(seen.sort()).toEqual(made.sort());
  });

  test('RFC 8620 §5.2: an unknown sinceState answers cannotCalculateChanges', async ({ account }) => {
    expectMethodError(
      await account.invoke('Email/changes', { accountId: account.accountId, sinceState: 'bogus' }),
      'cannotCalculateChanges',
    );
  });

  test('RFC 8620 §5.2: a record created and then updated since the state is only in created', async ({
    account,
  }) => {
    const accountId = account.accountId;
    const { inbox } = await mailboxesByRole(account);
    const since = await stateOf(account, 'Email');
    const email = await importMessage(account, rfc822({ subject: 'Created then flagged' }), [inbox!]);
    await account.ok('Email/set', { accountId, update: { [email.id]: { 'keywords/$flagged': true } } });
    const changes = await account.ok<ChangesResult>('Email/changes', { accountId, sinceState: since });
    expect(changes.created).toEqual([email.id]);
    expect(changes.updated).toEqual([]);
  });
});
