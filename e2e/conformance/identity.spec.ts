import type { ChangesResult, Id, Identity } from '@colibri/jmap-types';
import { expect, test } from './support/fixtures.js';
import type { JmapAccount } from './support/jmap-raw.js';
import { expectMethodError } from './support/expect-jmap.js';
import { stateOf } from './support/mail.js';
import { createdId } from './support/set.js';
import type { SetResponse } from './support/set.js';

const identities = async (account: JmapAccount): Promise<Identity[]> =>
  (await account.ok<{ list: Identity[] }>('Identity/get', { accountId: account.accountId, ids: null })).list;

const setIdentities = (account: JmapAccount, args: Record<string, unknown>) =>
  account.ok<SetResponse>('Identity/set', { accountId: account.accountId, ...args });

test.describe('RFC 8621 §6 Identity', () => {
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

  test('RFC 8621 §6.3: create answers the id and server-set mayDelete; defaults are filled in', async ({
    account,
  }) => {
    const result = await setIdentities(account, {
      create: {
        i: {
          email: account.email,
          name: 'Work me',
          replyTo: [{ name: null, email: 'replies@example.org' }],
          textSignature: '-- \nMe',
        },
      },
    });
    const id = createdId(result, 'i');
    expect(result.created?.i).toMatchObject({ mayDelete: expect.any(Boolean) });
    const created = (await identities(account)).find((identity) => identity.id === id);
    expect(created).toMatchObject({
      email: account.email,
      name: 'Work me',
      replyTo: [{ name: null, email: 'replies@example.org' }],
      bcc: null,
      textSignature: '-- \nMe',
      htmlSignature: '',
    });
  });

  test('RFC 8621 §6.3: an email address the user may not send from is forbiddenFrom', async ({ account }) => {
    const result = await setIdentities(account, { create: { i: { email: 'someone-else@example.org' } } });
    expect(result.notCreated?.i?.type).toBe('forbiddenFrom');
  });

  test('RFC 8621 §6: email is immutable after create; name and signatures may change', async ({
    account,
  }) => {
    const id = createdId(
      await setIdentities(account, { create: { i: { email: account.email, name: 'Before' } } }),
      'i',
    );
    const renamed = await setIdentities(account, {
      update: { [id]: { name: 'After', htmlSignature: '<b>Me</b>' } },
    });
    expect(renamed.updated).toHaveProperty(id);
    expect((await identities(account)).find((identity) => identity.id === id)).toMatchObject({
      name: 'After',
      htmlSignature: '<b>Me</b>',
    });
    const moved = await setIdentities(account, { update: { [id]: { email: 'other@example.org' } } });
    expect(moved.notUpdated?.[id]?.type).toBe('invalidProperties');
    const serverSet = await setIdentities(account, { update: { [id]: { mayDelete: false } } });
    expect(serverSet.notUpdated?.[id]?.type).toBe('invalidProperties');
  });

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

  test('RFC 8621 §1.3.2: Identity methods need the submission capability in using', async ({ account }) => {
    const [response] = (
      await account.request(
        [['Identity/get', { accountId: account.accountId, ids: null }, 'i']],
        ['urn:ietf:params:jmap:core', 'urn:ietf:params:jmap:mail'],
      )
    ).methodResponses;
    expectMethodError(response, 'unknownMethod');
  });

  test('RFC 8620 §5.3: unknown ids are notFound for update and destroy', async ({ account }) => {
    const unknown: Id = 'Inope';
    const result = await setIdentities(account, {
      update: { [unknown]: { name: 'x' } },
      destroy: ['Inope2'],
    });
    expect(result.notUpdated?.[unknown]?.type).toBe('notFound');
    expect(result.notDestroyed?.Inope2?.type).toBe('notFound');
  });
});
