import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFixture } from './support/fixture.js';
import type { Fixture } from './support/fixture.js';

let f: Fixture;
beforeAll(async () => {
  f = await openFixture();
});
afterAll(() => f.close());

describe('authorisation: only the principal’s account (RFC 8620 §3.6.2 accountNotFound)', () => {
  it('answers accountNotFound, identically, for another user’s account and for one that does not exist', async () => {
    const methods = [
      'Mailbox/get',
      'Mailbox/changes',
      'Email/get',
      'Email/query',
      'Email/changes',
      'Email/set',
      'Thread/get',
      'Thread/changes',
    ];
    for (const accountId of [f.bob.accountId, 'Anope']) {
      const calls = methods.map(
        (name, i) =>
          [name, { accountId, ...(name.endsWith('/changes') ? { sinceState: '0' } : {}) }, `c${i}`] as [
            string,
            Record<string, unknown>,
            string,
          ],
      );
      const response = await f.call(calls);
      for (const [i, invocation] of response.methodResponses.entries()) {
        expect(invocation).toEqual(['error', { type: 'accountNotFound' }, `c${i}`]);
      }
    }
  });

  it('lets bob read his own account and not alice’s', async () => {
    const response = await f.call(
      [
        ['Mailbox/get', { accountId: f.bob.accountId, properties: ['name'] }, 'own'],
        ['Email/get', { accountId: f.alice.accountId, ids: [f.emails.lunchInvite.id] }, 'theirs'],
      ],
      f.bob,
    );
    expect(response.methodResponses[0]?.[0]).toBe('Mailbox/get');
    expect(response.methodResponses[1]).toEqual(['error', { type: 'accountNotFound' }, 'theirs']);
  });
});
