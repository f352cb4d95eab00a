import type {
  ChangesResult,
  EmailSubmission,
  Id,
  QueryChangesResult,
  QueryResult,
} from '@colibri/jmap-types';
import { expect, test } from './support/fixtures.js';
import type { JmapAccount } from './support/jmap-raw.js';
import { expectMethodError } from './support/expect-jmap.js';
import { stateOf } from './support/mail.js';
import { perAccount } from './support/per-account.js';
import { createdId } from './support/set.js';
import type { SetResponse } from './support/set.js';
import { draft, ownIdentity } from './support/submission.js';

/** A held submission: it stays pending, so the tests see a stable object (and nothing is sent). */
async function heldSubmission(account: JmapAccount, subject: string): Promise<{ id: Id; emailId: Id }> {
  const identityId = await ownIdentity(account);
  const emailId = await draft(account, { to: ['nobody@example.org'], subject });
  const result = await account.ok<SetResponse>('EmailSubmission/set', {
    accountId: account.accountId,
    create: {
      s: {
        identityId,
        emailId,
        envelope: {
          mailFrom: { email: account.email, parameters: { HOLDFOR: '86400' } },
          rcptTo: [{ email: 'nobody@example.org' }],
        },
      },
    },
  });
  return { id: createdId(result, 's'), emailId };
}

const two = perAccount(async (account) => ({
  first: await heldSubmission(account, 'Submission one'),
  second: await heldSubmission(account, 'Submission two'),
}));

test.describe('RFC 8621 §7.1-§7.4 EmailSubmission/get, /changes, /query, /queryChanges', () => {
  test('RFC 8621 §7.1: EmailSubmission/get returns every property', async ({ account }) => {
    const { first } = await two(account);
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

  test('RFC 8621 §7.2: EmailSubmission/changes reports created and updated submissions', async ({
    account,
  }) => {
    await two(account);
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

  test('RFC 8621 §7.3: EmailSubmission/query filters by emailIds and undoStatus, sorts by sentAt', async ({
    account,
  }) => {
    const { first, second } = await two(account);
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

  test('RFC 8621 §7.4: EmailSubmission/queryChanges reports a new submission as added', async ({
    account,
  }) => {
    await two(account);
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
