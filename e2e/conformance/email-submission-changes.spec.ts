import type { ChangesResult } from '@colibri/jmap-types';
import { expect, test } from './support/fixtures.js';
import { heldSubmission } from './support/submission.js';
import { expectMethodError } from './support/expect-jmap.js';
import { stateOf } from './support/mail.js';

test.describe('RFC 8621 §7.2 EmailSubmission/changes', () => {
  test('RFC 8621 §7.2: EmailSubmission/changes reports created and updated submissions', async ({
    account,
  }) => {
    const since = await stateOf(account, 'EmailSubmission');
    const made = await heldSubmission(account, 'Submission changes');
    const c1 = await account.ok<ChangesResult>('EmailSubmission/changes', {
      accountId: account.accountId,
      sinceState: since,
    });
    expect(c1.created).toEqual([made.id]);
    await account.ok('EmailSubmission/set', {
      accountId: account.accountId,
      update: { [made.id]: { undoStatus: 'canceled' } },
    });
    const c2 = await account.ok<ChangesResult>('EmailSubmission/changes', {
      accountId: account.accountId,
      sinceState: c1.newState,
    });
    expect(c2.updated).toEqual([made.id]);
    expectMethodError(
      await account.invoke('EmailSubmission/changes', { accountId: account.accountId, sinceState: 'bogus' }),
      'cannotCalculateChanges',
    );
  });
});
