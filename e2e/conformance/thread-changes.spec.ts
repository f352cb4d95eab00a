import type { ChangesResult } from '@colibri/jmap-types';
import { expect, test } from './support/fixtures.js';
import { expectMethodError } from './support/expect-jmap.js';
import { importMessage, mailboxesByRole, rfc822, stateOf } from './support/mail.js';

test.describe('RFC 8621 §3.2 Thread/changes', () => {
  test('RFC 8620 §5.2: a new thread is created; a reply updates it; destroying its mail destroys it', async ({
    account,
  }) => {
    const accountId = account.accountId;
    const { inbox } = await mailboxesByRole(account);
    const s0 = await stateOf(account, 'Thread');
    const first = await importMessage(account, rfc822({ messageId: '<tc-1@example.org>' }), [inbox!]);
    const c1 = await account.ok<ChangesResult>('Thread/changes', { accountId, sinceState: s0 });
    expect(c1).toMatchObject({ oldState: s0, created: [first.threadId], updated: [], destroyed: [] });

    const reply = await importMessage(
      account,
      rfc822({ messageId: '<tc-2@example.org>', inReplyTo: '<tc-1@example.org>' }),
      [inbox!],
    );
    const c2 = await account.ok<ChangesResult>('Thread/changes', { accountId, sinceState: c1.newState });
    expect(c2).toMatchObject({ created: [], updated: [first.threadId], destroyed: [] });

    await account.ok('Email/set', { accountId, destroy: [first.id, reply.id] });
    const c3 = await account.ok<ChangesResult>('Thread/changes', { accountId, sinceState: c2.newState });
    expect(c3).toMatchObject({
      created: [],
      updated: [],
      destroyed: [first.threadId],
      hasMoreChanges: false,
    });
    expect(c3.newState).toBe(await stateOf(account, 'Thread'));
  });

  test('RFC 8620 §5.2: an unknown sinceState answers cannotCalculateChanges', async ({ account }) => {
    expectMethodError(
      await account.invoke('Thread/changes', { accountId: account.accountId, sinceState: 'bogus' }),
      'cannotCalculateChanges',
    );
  });
});
