import type { EmailSubmission, Id } from '@colibri/jmap-types';
import { expect, test } from './support/fixtures.js';
import { twoHeldSubmissions } from './support/submission.js';

test.describe('RFC 8621 §7.1 EmailSubmission/get', () => {
  test('RFC 8621 §7.1: EmailSubmission/get returns every property', async ({ account }) => {
    const { first } = await twoHeldSubmissions(account);
    const { list, notFound } = await account.ok<{ list: EmailSubmission[]; notFound: Id[] }>(
      'EmailSubmission/get',
      {
        accountId: account.accountId,
        ids: [first.id, 'Snope'],
      },
    );
    expect(notFound).toEqual(['Snope']);
    expect(Object.keys(list[0] ?? {}).sort()).toEqual(
      'id identityId emailId threadId envelope sendAt undoStatus deliveryStatus dsnBlobIds mdnBlobIds'
        .split(' ')
        .sort(),
    );
    expect(list[0]).toMatchObject({
      emailId: first.emailId,
      undoStatus: 'pending',
      dsnBlobIds: [],
      mdnBlobIds: [],
    });
  });
});
