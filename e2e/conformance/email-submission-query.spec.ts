import type { QueryResult } from '@colibri/jmap-types';
import { expect, test } from './support/fixtures.js';
import { twoHeldSubmissions } from './support/submission.js';
import { expectMethodError } from './support/expect-jmap.js';

test.describe('RFC 8621 §7.3 EmailSubmission/query', () => {
  test('RFC 8621 §7.3: EmailSubmission/query filters by emailIds and undoStatus, sorts by sentAt', async ({
    account,
  }) => {
    const { first, second } = await twoHeldSubmissions(account);
    const byEmail = await account.ok<QueryResult>('EmailSubmission/query', {
      accountId: account.accountId,
      filter: { emailIds: [second.emailId] },
    });
    expect(byEmail.ids).toEqual([second.id]);
    const pending = await account.ok<QueryResult>('EmailSubmission/query', {
      accountId: account.accountId,
      filter: { undoStatus: 'pending' },
      sort: [{ property: 'sentAt', isAscending: true }],
    });
    expect(pending.ids.indexOf(first.id)).toBeLessThan(pending.ids.indexOf(second.id));
    expectMethodError(
      await account.invoke('EmailSubmission/query', {
        accountId: account.accountId,
        sort: [{ property: 'colour' }],
      }),
      'unsupportedSort',
    );
  });
});
