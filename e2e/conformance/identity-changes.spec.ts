import type { ChangesResult } from '@colibri/jmap-types';
import { expect, test } from './support/fixtures.js';
import type { JmapAccount } from './support/jmap-raw.js';
import { expectMethodError } from './support/expect-jmap.js';
import { stateOf } from './support/mail.js';
import { createdId } from './support/set.js';
import type { SetResponse } from './support/set.js';

const setIdentities = (account: JmapAccount, args: Record<string, unknown>) =>
  account.ok<SetResponse>('Identity/set', { accountId: account.accountId, ...args });

test.describe('RFC 8621 §6.2 Identity/changes', () => {
  test('RFC 8621 §6.2: Identity/changes reports created, updated and destroyed identities', async ({
    account,
  }) => {
    const since = await stateOf(account, 'Identity');
    const id = createdId(
      await setIdentities(account, { create: { i: { email: account.email, name: 'Temp' } } }),
      'i',
    );
    const c1 = await account.ok<ChangesResult>('Identity/changes', {
      accountId: account.accountId,
      sinceState: since,
    });
    expect(c1).toMatchObject({ oldState: since, created: [id], updated: [], destroyed: [] });
    const destroyed = await setIdentities(account, { destroy: [id] });
    expect(destroyed.destroyed).toEqual([id]);
    const c2 = await account.ok<ChangesResult>('Identity/changes', {
      accountId: account.accountId,
      sinceState: c1.newState,
    });
    expect(c2.destroyed).toEqual([id]);
    expectMethodError(
      await account.invoke('Identity/changes', { accountId: account.accountId, sinceState: 'bogus' }),
      'cannotCalculateChanges',
    );
  });
});
