import type { Id, Identity } from '@colibri/jmap-types';
import { expect, test } from './support/fixtures.js';
import type { JmapAccount } from './support/jmap-raw.js';
import { createdId } from './support/set.js';
import type { SetResponse } from './support/set.js';

const identities = async (account: JmapAccount): Promise<Identity[]> =>
  (await account.ok<{ list: Identity[] }>('Identity/get', { accountId: account.accountId, ids: null })).list;

const setIdentities = (account: JmapAccount, args: Record<string, unknown>) =>
  account.ok<SetResponse>('Identity/set', { accountId: account.accountId, ...args });

test.describe('RFC 8621 §6.3 Identity/set', () => {
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
