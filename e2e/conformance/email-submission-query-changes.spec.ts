import type { QueryChangesResult, QueryResult } from '@colibri/jmap-types';
import { expect, test } from './support/fixtures.js';
import { heldSubmission } from './support/submission.js';

test.describe('RFC 8621 §7.4 EmailSubmission/queryChanges', () => {
  test('RFC 8621 §7.4: EmailSubmission/queryChanges reports a new submission as added', async ({
    account,
  }) => {
    const query = { accountId: account.accountId, sort: [{ property: 'sentAt', isAscending: true }] };
    const before = await account.ok<QueryResult>('EmailSubmission/query', query);
    const made = await heldSubmission(account, 'Submission queryChanges');
    const changes = await account.ok<QueryChangesResult>('EmailSubmission/queryChanges', {
      ...query,
      sinceQueryState: before.queryState,
    });
    expect(changes.oldQueryState).toBe(before.queryState);
    expect(changes.added.map((item) => item.id)).toContain(made.id);
  });
});
