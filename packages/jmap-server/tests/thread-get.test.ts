import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFixture, resultOf } from './support/fixture.js';
import type { Fixture } from './support/fixture.js';

let f: Fixture;
beforeAll(async () => {
  f = await openFixture();
});
afterAll(() => f.close());

describe('Thread/get (RFC 8621 §3.1)', () => {
  it('lists the emails of a thread, oldest first, and reports unknown ids', async () => {
    const { lunchInvite, lunchReply, invoice } = f.emails;
    const result = resultOf(
      await f.call([
        [
          'Thread/get',
          { accountId: f.alice.accountId, ids: [lunchInvite.threadId, invoice.threadId, 'Tnope'] },
          't',
        ],
      ]),
      'Thread/get',
    );
    expect(result.list).toEqual([
      { id: lunchInvite.threadId, emailIds: [lunchInvite.id, lunchReply.id] },
      { id: invoice.threadId, emailIds: [invoice.id] },
    ]);
    expect(result.notFound).toEqual(['Tnope']);
    expect(typeof result.state).toBe('string');
  });

  it('RFC 8620 §5.1: refuses ids: null (fetching all is optional per data type) with requestTooLarge', async () => {
    for (const args of [{ accountId: f.alice.accountId, ids: null }, { accountId: f.alice.accountId }]) {
      const response = await f.call([['Thread/get', args, 't']]);
      expect(response.methodResponses[0]).toMatchObject(['error', { type: 'requestTooLarge' }, 't']);
    }
  });
});
