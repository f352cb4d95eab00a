import type { Identity } from '@colibri/jmap-types';
import { expect, test } from './support/fixtures.js';
import type { JmapAccount } from './support/jmap-raw.js';
import { expectMethodError } from './support/expect-jmap.js';
import type { SetResponse } from './support/set.js';

const identities = async (account: JmapAccount): Promise<Identity[]> =>
  (await account.ok<{ list: Identity[] }>('Identity/get', { accountId: account.accountId, ids: null })).list;

const setIdentities = (account: JmapAccount, args: Record<string, unknown>) =>
  account.ok<SetResponse>('Identity/set', { accountId: account.accountId, ...args });

test.describe('RFC 8621 §6.1 Identity/get', () => {
  test('RFC 8621 §6.1: Identity/get lists identities with every property', async ({ account }) => {
    // Make sure there is one to look at, whatever the server gives a new user.
    await setIdentities(account, { create: { i: { email: account.email, name: 'Get me' } } });
    const list = await identities(account);
    expect(list.length).toBeGreaterThan(0);
    for (const identity of list)
      expect(Object.keys(identity).sort()).toEqual(
        'id name email replyTo bcc textSignature htmlSignature mayDelete'.split(' ').sort(),
      );
  });

  test('RFC 8621 §1.3.2: Identity methods need the submission capability in using', async ({ account }) => {
    const [response] = (
      await account.request(
        [['Identity/get', { accountId: account.accountId, ids: null }, 'i']],
        ['urn:ietf:params:jmap:core', 'urn:ietf:params:jmap:mail'],
      )
    ).methodResponses;
    expectMethodError(response, 'unknownMethod');
  });
});
